/**
 * Issue 2 acceptance: for all five seeds as PDF, TXT and DOCX, the report contains every fact
 * under "contract" of expected/NAME.json, and every category of `categoriesPresent` is the
 * category of at least one clause. Runs the real importers and the full analysis.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/main/import/index';
import { analyzeDocument } from '../../shared/domain/analyze';
import { buildReport } from '../../shared/domain/report';
import { SEED_NAMES, expectedFor, seedPath } from '../support/seeds';
import { at, contains, facts } from '../support/facts';

const FORMATS = ['pdf', 'txt', 'docx'] as const;

describe.each(SEED_NAMES)('seed %s', (name) => {
  const expected = expectedFor(name);
  it.each(FORMATS)('%s: contract facts and clause categories', async (ext) => {
    const file = seedPath(name, ext);
    const bytes = new Uint8Array(fs.readFileSync(file));
    const doc = await importFile(file, bytes);
    const report = buildReport(
      { fileName: `${name}.${ext}`, sha256: 'x', format: doc.format, pageCount: doc.pageCount },
      doc,
      analyzeDocument(doc),
    );
    const contractFacts = facts(expected.contract, 'contract');
    const missing = contractFacts.filter(([p, v]) => !contains(v, at(report, p)));
    console.log(
      `${name}.${ext}: contract facts matched ${contractFacts.length - missing.length}/${contractFacts.length}`,
    );
    expect(
      missing.map(([p, v]) => `${p} = ${JSON.stringify(v)} (got ${JSON.stringify(at(report, p))})`),
    ).toEqual([]);
    const present = new Set(report.clauses.map((c) => c.category));
    const absent = (expected.categoriesPresent as string[]).filter((c) => !present.has(c as never));
    expect(absent).toEqual([]);
  });
});

describe('installment conditions read from the seeds', () => {
  it.each([
    ['001_18cfc68e7d229bba', ['合同签订生效后的30日内', '乙方服务完成并经甲方验收合格后的30日内']],
    ['002_21901a1de7442d81', ['2025年7月底前']],
    ['000_0afe16271ab3c86a', ['双方签订合同后，乙方开具等额发票后']],
  ])('%s', async (name, expected) => {
    for (const ext of FORMATS) {
      const file = seedPath(name, ext);
      const doc = await importFile(file, new Uint8Array(fs.readFileSync(file)));
      const conditions = analyzeDocument(doc).contract.paymentInstallments.map((i) => i.condition);
      expect(conditions.slice(0, expected.length), ext).toEqual(expected);
    }
  });
});
