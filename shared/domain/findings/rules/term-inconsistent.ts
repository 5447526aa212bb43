/**
 * `term.inconsistent`: the stated service period (服务期限) disagrees with its start and end —
 * e.g. `维护期 1 年，截止至 2025 年 12 月 31 日` in a contract signed 2025-06-10. A period of
 * N months from S ends on S + N months − 1 day; one day either way is tolerated.
 */
import { addMonths } from '../../recognize/dates';
import type { Finding, FindingRule } from '../types';
import { clauseIdsOf, quoteOf } from '../util';

function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export const termInconsistent: FindingRule = {
  id: 'term.inconsistent',
  description: '服务期限与起止日期不一致 (stated duration vs. start/end)',
  check(ctx) {
    const p = ctx.contract.servicePeriod;
    if (!p || !p.months || !p.end) return [];
    const start = p.start ?? ctx.contract.signedOn;
    if (!start) return [];
    const expectedEnd = addMonths(start, p.months, -1);
    if (Math.abs(daysBetween(expectedEnd, p.end)) <= 1) return [];
    const term = ctx.terms.find((t) => t.key === 'servicePeriod');
    const spans = term ? [term.span] : [];
    return [
      {
        ruleId: this.id,
        severity: 'medium',
        message: `服务期限为 ${p.months} 个月，但自 ${start}${p.start ? '' : '（签订日期）'}起算应至 ${expectedEnd}，合同写为至 ${p.end}`,
        messageEn: `The service period is ${p.months} months, but from ${start} it would end on ${expectedEnd}, not ${p.end}`,
        clauseIds: clauseIdsOf(ctx, spans),
        quote: quoteOf(ctx.text, spans),
        spans,
      },
    ];
  },
};
