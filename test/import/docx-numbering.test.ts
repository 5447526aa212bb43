/**
 * Word's automatic list numbering, rendered back into the text (mammoth drops it): the seed DOCX
 * files give the same clause tree as their plain-text twins — nested lists (`2.考核指标:` then
 * `(1) 巡检频次…`), an empty bullet between numbered items, and items nested under no item of
 * their own, whose wrapper mammoth invents.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/main/import/index';
import { analyzeDocument } from '../../shared/domain/analyze';
import { seedPath } from '../support/seeds';

async function clauseNumbers(file: string): Promise<string[]> {
  const doc = await importFile(file, new Uint8Array(fs.readFileSync(file)));
  return analyzeDocument(doc).clauses.map((c) => c.number);
}

describe('DOCX list numbering', () => {
  it.each(['000_0afe16271ab3c86a', '002_21901a1de7442d81', '004_df6ca03d82af185a'])(
    'seed %s: the DOCX gives the clause tree of its text twin',
    async (id) => {
      const docx = await clauseNumbers(seedPath(id, 'docx'));
      const txt = await clauseNumbers(seedPath(id, 'txt'));
      expect(docx).toEqual(txt);
    },
  );

  it('numbers the items after an empty bullet, and each nested item, in order', async () => {
    const doc = await importFile(
      '002.docx',
      new Uint8Array(fs.readFileSync(seedPath('002_21901a1de7442d81', 'docx'))),
    );
    const lines = doc.text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('12.甲方单方解除权'));
    expect(lines.slice(at + 1, at + 6).map((l) => l.slice(0, 4))).toEqual([
      '(1) ',
      '(2) ',
      '(3) ',
      '(4) ',
      '(5) ',
    ]);
    expect(lines[at + 6].startsWith('13.')).toBe(true);
  });
});
