/**
 * Issue 2 acceptance: for all five seeds as PDF, TXT and DOCX, the report contains every fact
 * under "contract" of expected/NAME.json, and every category of `categoriesPresent` is the
 * category of at least one clause. Runs the real importers and the full analysis.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/main/import/index';
import { analyzeDocument } from '../../shared/domain/analyze';
import { buildReport, type ReviewReport } from '../../shared/domain/report';
import { SEED_NAMES, expectedFor, seedPath } from '../support/seeds';
import { at, contains, facts } from '../support/facts';

const FORMATS = ['pdf', 'txt', 'docx'] as const;

const reports = new Map<string, ReturnType<typeof buildReport>>();
async function reportOf(name: string, ext: string) {
  const key = `${name}.${ext}`;
  if (!reports.has(key)) {
    const file = seedPath(name, ext);
    const doc = await importFile(file, new Uint8Array(fs.readFileSync(file)));
    reports.set(
      key,
      buildReport(
        { fileName: key, sha256: 'x', format: doc.format, pageCount: doc.pageCount },
        doc,
        analyzeDocument(doc),
      ),
    );
  }
  return reports.get(key)!;
}

/**
 * Seed 003's PDF was made by LibreOffice from a DOCX whose penalty rates are Word equations
 * (`$1\\%$`, `$0.1\\%$`); LibreOffice dropped them, so the PDF itself reads
 * `按合同总价款的【 】` — visibly blank, no text, no drawing. A reviewer of that PDF sees a blank
 * rate, and so must Qiyue: the rule is there with `percent: null` and a `field.blank` finding
 * quotes it. This accepts exactly that, and only while the PDF still lacks the rate.
 */
function blankInFixture(
  name: string,
  ext: string,
  path: string,
  fact: Record<string, unknown>,
  report: ReviewReport,
): boolean {
  if (
    name !== '003_2fd1bbbed6f06600' ||
    ext !== 'pdf' ||
    !path.startsWith('penaltyRules') ||
    !fact.percent
  )
    return false;
  const rule = report.penaltyRules.find((r) => contains({ ...fact, percent: null }, r));
  if (!rule || rule.percent !== null) return false;
  const blankQuoted = report.findings.some(
    (f) => f.ruleId === 'field.blank' && f.quote === rule.text,
  );
  const rateAbsent = !rule.text.includes(`${fact.percent}%`);
  if (blankQuoted && rateAbsent)
    console.log(
      `${name}.pdf: ${JSON.stringify(fact)} — rate blank in the PDF itself, reported as field.blank`,
    );
  return blankQuoted && rateAbsent;
}

describe.each(SEED_NAMES)('seed %s', (name) => {
  const expected = expectedFor(name);
  it.each(FORMATS)('%s: contract facts and clause categories (issue 2)', async (ext) => {
    const report = await reportOf(name, ext);
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

  it.each(FORMATS)(
    '%s: penalty rules, service levels, bands, findings and obligations (issues 3, 4)',
    async (ext) => {
      const report = await reportOf(name, ext);
      const lists = [
        'penaltyRules',
        'serviceLevels',
        'scoreBands',
        'gradeBands',
        'obligations',
      ] as const;
      const listFacts = lists.flatMap((k) => facts(expected[k] ?? [], k));
      let missing = listFacts.filter(([p, v]) => {
        const actual = (report as unknown as Record<string, unknown[]>)[p.split('[')[0]];
        return !actual.some((a) => contains(v, a));
      });
      const before = missing.length;
      missing = missing.filter(
        ([p, v]) => !blankInFixture(name, ext, p, v as Record<string, unknown>, report),
      );
      const accepted = before - missing.length;
      const ruleIds = new Set(report.findings.map((f) => f.ruleId));
      const missingFindings = (expected.findings as string[]).filter((id) => !ruleIds.has(id));
      const unwanted = (expected.notFindings as string[]).filter((id) => ruleIds.has(id));
      const total = listFacts.length + expected.findings.length + expected.notFindings.length;
      const matched = total - missing.length - missingFindings.length - unwanted.length - accepted;
      console.log(
        `${name}.${ext}: facts matched ${matched}/${total}${accepted ? `, ${accepted} absent from the fixture itself (blank rate, reported)` : ''}`,
      );
      expect(missing.map(([p, v]) => `${p} = ${JSON.stringify(v)}`)).toEqual([]);
      expect(missingFindings).toEqual([]);
      expect(unwanted).toEqual([]);
    },
  );
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
