/** The breach a penalty is for (REPORT.md `penaltyRules[].trigger`), from the words around it. */
import { TRIGGERS, UNILATERAL } from '../lexicon/penalties';
import type { PenaltyTrigger } from './types';

/**
 * The trigger named in `words`; bracketed examples and `逾期未改正` conditions are not the breach;
 * lateness without saying of what is late payment for the purchaser, late delivery for the supplier.
 */
export function triggerOf(words: string, payer?: 'partyA' | 'partyB'): PenaltyTrigger {
  // Examples in brackets are not the breach (`质量不达标（如弄虚作假、重大遗漏…）`).
  const context = words
    .replace(/[（(][^（()）]*[)）]/g, '')
    // `逾期未改正` is a condition on another breach, not lateness.
    .replace(/逾期(?:仍)?(?:未|不)(?:改正|纠正|整改|改|补足|消除)/g, '');
  if (UNILATERAL.test(context) && !/逾期|延期|迟延/.test(context)) return 'unilateral_termination';
  for (const [t, re] of TRIGGERS) if (re.test(context)) return t;
  // Lateness without saying of what: the purchaser is late paying, the supplier late performing.
  if (payer && /逾期|延期|迟延|延迟/.test(context))
    return payer === 'partyA' ? 'late_payment' : 'late_delivery';
  return 'other';
}
