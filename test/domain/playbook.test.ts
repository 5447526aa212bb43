/**
 * NDA playbook (issue 5): the default playbook flags at least one deviation in each seed's NDA
 * terms, each quoting its clause; the attached-NDA-vs-main-contract check runs on seeds 000, 003
 * and 004 and reports where they disagree; an edited playbook changes the verdict.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/main/import/index';
import { analyzeDocument } from '../../shared/domain/analyze';
import { buildReport, type ReviewReport } from '../../shared/domain/report';
import {
  DEFAULT_PLAYBOOK,
  checkNdaAgainstContract,
  checkNdaAgainstPlaybook,
} from '../../shared/domain/nda/playbook';
import { SEED_NAMES, seedPath } from '../support/seeds';

const reports = new Map<string, ReviewReport>();
beforeAll(async () => {
  for (const name of SEED_NAMES) {
    const file = seedPath(name, 'pdf');
    const doc = await importFile(file, new Uint8Array(fs.readFileSync(file)));
    reports.set(
      name,
      buildReport(
        { fileName: name, sha256: 'x', format: 'pdf', pageCount: doc.pageCount },
        doc,
        analyzeDocument(doc),
      ),
    );
  }
});

describe('NDA playbook', () => {
  it.each(SEED_NAMES)('%s: at least one deviation, each quoting text of its clause', (name) => {
    const report = reports.get(name)!;
    const deviations = checkNdaAgainstPlaybook(report);
    expect(deviations.length).toBeGreaterThan(0);
    for (const d of deviations) {
      expect(d.quote.length).toBeGreaterThan(4);
      const inDocument =
        report.clauses.some((c) => c.text.includes(d.quote.slice(0, 20))) ||
        report.confidentiality.records.some((r) => r.terms.some((t) => t.text === d.quote));
      expect(inDocument, `${d.position}: ${d.quote}`).toBe(true);
      expect(d.page).toBeGreaterThanOrEqual(1);
    }
  });

  it('003: the attached 保密协议 is 3 years after cooperation, the main clause 长期有效', () => {
    const d = checkNdaAgainstContract(reports.get('003_2fd1bbbed6f06600')!);
    expect(d.map((x) => [x.term, x.contractValue, x.agreementValue])).toContainEqual([
      'duration',
      '长期有效',
      '本协议生效之日起至双方合作结束后3年',
    ]);
  });

  it.each(['000_0afe16271ab3c86a', '004_df6ca03d82af185a'])(
    '%s: the attached NDA and the main clause disagree somewhere',
    (name) => {
      const report = reports.get(name)!;
      expect(report.confidentiality.records.some((r) => r.source !== 'contract_clause')).toBe(true);
      expect(checkNdaAgainstContract(report).length).toBeGreaterThan(0);
    },
  );

  it('an edited playbook changes the verdict', () => {
    const report = reports.get('003_2fd1bbbed6f06600')!;
    const strict = { ...DEFAULT_PLAYBOOK, duration: { ...DEFAULT_PLAYBOOK.duration, value: 5 } };
    const agreement = report.confidentiality.records.find((r) => r.source === 'agreement')!;
    const flagged = (p: typeof DEFAULT_PLAYBOOK) =>
      checkNdaAgainstPlaybook(report, p).some(
        (d) => d.recordId === agreement.id && d.position === 'duration',
      );
    expect(flagged(DEFAULT_PLAYBOOK)).toBe(false); // 3 years ≥ 2
    expect(flagged(strict)).toBe(true); // 3 years < 5
  });
});
