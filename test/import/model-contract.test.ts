/**
 * A blank model contract (示范文本) as reviewers receive it before a tender: every particular is
 * an underscore blank. Qiyue keeps the blanks, reports them, reads the structure and the rules
 * the template fixes, and invents no party, amount, date or rate. The same template as Word
 * writes it — each blank an underlined run of spaces — reads the same.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/main/import/index';
import { analyzeDocument } from '../../shared/domain/analyze';
import { minimalDocx } from '../support/docx';

const file = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/model-contract-blank.txt',
);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** The fixture as a Word document: one paragraph a line, every `____` an underlined blank. */
async function asDocx(): Promise<Uint8Array> {
  const paragraphs = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((line) => {
      const runs = line
        .split(/(_{2,})/)
        .map((part) =>
          /^_+$/.test(part)
            ? `<w:r><w:rPr><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">${' '.repeat(part.length)}</w:t></w:r>`
            : `<w:r><w:t xml:space="preserve">${esc(part)}</w:t></w:r>`,
        );
      return `<w:p>${runs.join('')}</w:p>`;
    });
  return minimalDocx(paragraphs.join(''));
}

describe('a blank model contract (示范文本)', () => {
  it.each([
    ['text', () => new Uint8Array(fs.readFileSync(file)), file],
    ['DOCX with underlined blanks', asDocx, 'model-contract-blank.docx'],
  ])('keeps and reports its blanks and invents nothing (%s)', async (_, bytes, name) => {
    const doc = await importFile(name, await bytes());
    // Underscore blanks are text, not Markdown emphasis.
    expect(doc.text).toMatch(/合同编号：_{4,}/);
    const a = analyzeDocument(doc);
    expect(a.contract).toMatchObject({
      title: '政府采购合同（服务类）',
      contractNumbers: [],
      parties: [],
      signedOn: null,
      servicePeriod: null,
      totalAmount: null,
      performanceBond: null,
    });
    // The preamble's empty particulars are blanks, not headings: the articles are the clauses.
    expect(a.clauses.filter((c) => c.level === 0).map((c) => c.number)).toEqual([
      '',
      '第一条',
      '第二条',
      '第三条',
      '第四条',
      '第五条',
      '第六条',
      '第七条',
      '第八条',
      '第九条',
    ]);
    expect(a.penaltyRules.map((r) => [r.payer, r.trigger, r.kind, r.percent, r.base])).toEqual([
      ['partyB', 'late_delivery', 'per_day', null, 'contract_total'],
      ['partyA', 'late_payment', 'per_day', null, 'overdue_amount'],
    ]);
    const blanks = a.findings.filter((f) => f.ruleId === 'field.blank').map((f) => f.message);
    expect(blanks).toEqual(
      expect.arrayContaining([
        '栏目“合同编号”未填写',
        '栏目“项目名称”未填写',
        '栏目“法定代表人”未填写',
        '栏目“违约金比例”未填写',
      ]),
    );
    expect(a.findings.filter((f) => f.ruleId === 'date.incomplete').length).toBeGreaterThan(0);
    // Two blank rates cannot be weighed against each other.
    expect(a.findings.map((f) => f.ruleId)).not.toContain('penalty.asymmetric');
  });
});
