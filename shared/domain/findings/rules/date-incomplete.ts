/**
 * `date.incomplete`: a date with a blank part (`2025年6月 日`, `____年__月__日`), typically a
 * signing date left open.
 */
import { findDates } from '../../recognize/dates';
import type { Finding, FindingRule } from '../types';
import { clauseIdsOf, quoteOf } from '../util';
import { DIGIT_CHARS } from '../../lexicon/numerals';

const BLANK_DATE = new RegExp(
  String.raw`(?<![_＿])[_＿]{2,}\s*年\s*[_＿\s]*月\s*[_＿\s]*日|(?<![\d${DIGIT_CHARS}])年\s*[_＿ ]*月\s*[_＿ ]*日`,
  'g',
);

/** The date as a reviewer reads it: a table's tabs and a line's breaks as single spaces. */
const shown = (date: string) => date.replace(/\s+/g, ' ');

export const dateIncomplete: FindingRule = {
  id: 'date.incomplete',
  description: '日期有空缺 (a date with a blank part)',
  check(ctx) {
    const spans = findDates(ctx.text)
      .filter((d) => d.iso === null && /年/.test(d.text) && /日/.test(d.text))
      .map((d) => ({ start: d.start, end: d.end }));
    for (const m of ctx.text.matchAll(BLANK_DATE)) {
      const start = m.index ?? 0;
      if (!spans.some((s) => s.start <= start && start < s.end))
        spans.push({ start, end: start + m[0].length });
    }
    return spans
      .sort((a, b) => a.start - b.start)
      .map<Finding>((span) => ({
        ruleId: this.id,
        severity: 'medium',
        message: `日期不完整：“${shown(ctx.text.slice(span.start, span.end))}”`,
        messageEn: `Incomplete date: "${shown(ctx.text.slice(span.start, span.end))}"`,
        clauseIds: clauseIdsOf(ctx, [span]),
        quote: quoteOf(ctx.text, [span]),
        spans: [span],
      }));
  },
};
