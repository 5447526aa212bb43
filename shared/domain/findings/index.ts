/**
 * The findings engine: runs every rule module (one per REPORT.md rule id, plus
 * `penalty.ambiguous`) and returns their findings, most severe first, then in document order.
 */
import type { Finding, FindingContext, FindingRule } from './types';
import { amountWrittenMismatch } from './rules/amount-written-mismatch';
import { amountInstallmentsMismatch } from './rules/amount-installments-mismatch';
import { idInconsistent } from './rules/id-inconsistent';
import { signatoryNameMismatch } from './rules/signatory-name-mismatch';
import { partyNameMismatch } from './rules/party-name-mismatch';
import { dateIncomplete } from './rules/date-incomplete';
import { fieldBlank } from './rules/field-blank';
import { piiPersonalId } from './rules/pii-personal-id';
import { termInconsistent } from './rules/term-inconsistent';
import { penaltyAsymmetric } from './rules/penalty-asymmetric';
import { penaltyAmbiguous } from './rules/penalty-ambiguous';
import { ocrLowConfidence } from './rules/ocr-low-confidence';

export type { Finding, FindingContext, FindingRule, Severity } from './types';

/** Every rule, in the order REPORT.md lists them. */
export const FINDING_RULES: FindingRule[] = [
  amountWrittenMismatch,
  amountInstallmentsMismatch,
  idInconsistent,
  signatoryNameMismatch,
  partyNameMismatch,
  dateIncomplete,
  fieldBlank,
  piiPersonalId,
  termInconsistent,
  penaltyAsymmetric,
  penaltyAmbiguous,
  ocrLowConfidence,
];

const RANK = { high: 0, medium: 1, low: 2 };

/** Runs all rules on an analysed document. */
export function runFindings(ctx: FindingContext, rules: FindingRule[] = FINDING_RULES): Finding[] {
  return rules
    .flatMap((r) => r.check(ctx))
    .sort(
      (a, b) =>
        RANK[a.severity] - RANK[b.severity] || (a.spans[0]?.start ?? 0) - (b.spans[0]?.start ?? 0),
    );
}
