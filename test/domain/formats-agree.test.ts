/**
 * One contract, three files: the seeds' PDF, DOCX and text versions must give the same review —
 * the same penalty rules, service levels, installments, NDA records and findings. A difference
 * is a format-specific bug (a bullet read as a title, a table read differently). The one
 * exception is a property of the fixtures: LibreOffice dropped the Word equations when it made
 * the PDFs, so seed 003's PDF lacks two penalty rates and seed 000's PDF its `≥99.5%` (see
 * seed-contract.test.ts). There a rate may be blank in the PDF, with a blank-field finding, and a
 * service level whose words are not in the PDF is not expected from it.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/main/import/index';
import { analyzeDocument, type Analysis } from '../../shared/domain/analyze';
import { SEED_NAMES, seedPath } from '../support/seeds';

async function review(name: string, ext: string): Promise<Analysis & { text: string }> {
  const file = seedPath(name, ext);
  const doc = await importFile(file, new Uint8Array(fs.readFileSync(file)));
  return { ...analyzeDocument(doc), text: doc.text };
}

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** What a reviewer compares, without wording or numbering (which differ by converter). */
function summary(a: Analysis, blankRatesAllowed: boolean) {
  return {
    penalties: a.penaltyRules.map((r) => [
      r.payer,
      r.trigger,
      r.kind,
      blankRatesAllowed ? '(rate)' : r.percent,
      r.yuan,
      r.terminationAfterDays,
    ]),
    serviceLevels: a.serviceLevels.map((s) => [s.metric, s.minutes, s.percent ?? null]),
    installments: a.contract.paymentInstallments.map((i) => [i.percent, i.yuan]),
    total: a.contract.totalAmount?.yuan ?? null,
    nda: a.ndaTerms.map((n) => [n.source, n.penaltyRuleIds.length, n.duration?.value ?? null]),
    findings: a.findings
      .map((f) => f.ruleId)
      .filter((id) => !(blankRatesAllowed && id === 'field.blank'))
      .sort(),
  };
}

describe.each(SEED_NAMES)('seed %s', (name) => {
  it('reads the same from its PDF, DOCX and text', async () => {
    const [txt, docx, pdf] = await Promise.all(['txt', 'docx', 'pdf'].map((e) => review(name, e)));
    const blankInPdf = pdf.penaltyRules.some(
      (r) => r.percent === null && r.yuan === null && r.kind !== 'actual_loss',
    );
    expect(summary(docx, false)).toEqual(summary(txt, false));
    // Service levels the PDF's own text does not contain (a dropped equation) are not expected.
    const same = (a: Analysis['serviceLevels'][number], b: Analysis['serviceLevels'][number]) =>
      a.metric === b.metric && a.minutes === b.minutes && a.percent === b.percent;
    const inPdf = txt.serviceLevels.filter(
      (s) =>
        squeeze(pdf.text).includes(squeeze(s.text)) || pdf.serviceLevels.some((p) => same(p, s)),
    );
    for (const s of txt.serviceLevels.filter((x) => !inPdf.includes(x)))
      console.log(`${name}.pdf: “${s.text}” is not in the PDF itself (dropped equation)`);
    expect(summary(pdf, blankInPdf)).toEqual(summary({ ...txt, serviceLevels: inPdf }, blankInPdf));
    if (blankInPdf) {
      // Only where the PDF itself shows a blank: every other rate agrees.
      pdf.penaltyRules.forEach((r, i) => {
        if (r.percent !== null || r.yuan !== null || r.kind === 'actual_loss')
          expect(r.percent).toBe(txt.penaltyRules[i].percent);
        else
          expect(txt.penaltyRules[i].text.replace(/\s/g, '')).not.toBe(r.text.replace(/\s/g, ''));
      });
    }
  });
});
