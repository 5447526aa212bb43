/** Breaches listed after the sentence that states their penalty (`下列情形之一…违约金：(1)…(2)…`). */
import { startsWithHeadingNumber } from '../clauses/numbering';
import { triggerOf } from './triggers';
import { CONTEXT } from './around';
import type { PenaltyRule } from './types';
import { COUNT_CHARS } from '../lexicon/numerals';

/** A sentence that names its breaches in a list after it: `乙方有下列情形之一的，…支付…违约金：`. */
const LIST_INTRO =
  /(?:下列|以下|如下)(?:任何)?(?:情形|情况|行为|事项|违约行为|违约情形)(?:之一|中的任何一种|的)?/;
/** The label of a list item: `（1）`, `(2)`, `3、`, `①`. */
const ITEM = new RegExp(
  `^\\s*(?:[-•·*]\\s*)?(?:[（(]\\s*[\\d${COUNT_CHARS}]{1,3}\\s*[)）]|\\d{1,2}[、)）]|[①-⑳])`,
);

/**
 * One rule per breach when the sentence lists its breaches after a colon (REPORT.md: "a rate
 * stated for two triggers gives two rules"): each listed item's trigger, alike ones once; the
 * rule as it is otherwise.
 */
export function perListedBreach(
  text: string,
  seg: string,
  map: number[],
  sentenceStart: number,
  f: { at: number; rule: PenaltyRule },
): PenaltyRule[] {
  // Within a reach of the amount (`CONTEXT` characters), so a long sentence costs linear time.
  const colon = seg.slice(f.at, f.at + CONTEXT).indexOf('：');
  const intro = LIST_INTRO.exec(seg.slice(Math.max(0, f.at - CONTEXT), f.at));
  if (!intro || colon < 0 || f.rule.kind === 'actual_loss') return [f.rule];
  const from = sentenceStart + map[f.at + colon] + 1;
  const lines = text.slice(from, from + 2000).split('\n');
  const items: string[] = [];
  for (const [i, line] of lines.entries()) {
    if (i === 0 && !line.trim()) continue;
    // An item without its label (a DOCX list whose numbering did not come through) continues the
    // list while it stays a short line; the next clause number ends it.
    const unlabelled = !ITEM.test(line);
    if (unlabelled && (!items.length || startsWithHeadingNumber(line.trim()) || line.length > 80))
      break;
    items.push(line);
    if (items.length >= 12) break;
  }
  if (items.length < 2) return [f.rule];
  const triggers = [...new Set(items.map((l) => triggerOf(l, f.rule.payer)))];
  return triggers.map((trigger) => ({ ...f.rule, trigger }));
}
