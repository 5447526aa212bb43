/** Penalty rules of a text of our own as table rows: `[payer, trigger, kind, percent, yuan, base]`. */
import { extractPenaltyRules } from '../../shared/domain/penalties/extract';
import { annotateSentences } from '../../shared/domain/sentences/model';

export const penaltyRows = (text: string) =>
  extractPenaltyRules(annotateSentences(text, [])).map((r) => [
    r.payer,
    r.trigger,
    r.kind,
    r.percent,
    r.yuan,
    r.base,
  ]);
