/**
 * `penalty.asymmetric`: one party's liability clearly lighter than the other's for the
 * comparable breach — late payment by the purchaser (甲方) against late delivery by the
 * supplier (乙方): one side without any penalty, or per-day rates on different bases
 * (`逾期支付金额` vs `合同总金额`) or at least twice apart. Also a unilateral-termination
 * penalty for one party only.
 */
import Decimal from 'decimal.js';
import type { PenaltyRule } from '../../penalties/extract';
import type { Finding, FindingRule } from '../types';
import { clauseIdsOf, quoteOf } from '../util';
import { penaltyRateLabel } from '../../labels';

const BASE_ZH: Record<string, string> = {
  contract_total: '合同总金额',
  overdue_amount: '逾期金额',
  sub_item_budget: '子项目预算',
  daily_fee: '日均服务费',
  paid_amount: '已付款项',
  other: '其他基数',
};

function describe(r: PenaltyRule): string {
  const per = r.kind === 'per_day' ? '每日' : r.kind === 'per_occurrence' ? '每次' : '';
  if (r.yuan !== null) return `${per}${penaltyRateLabel(r, false)}`;
  return r.percent === null
    ? `${per}${BASE_ZH[r.base]}的某一比例（比例空白）`
    : `${per}${BASE_ZH[r.base]}的 ${r.percent}%`;
}

export const penaltyAsymmetric: FindingRule = {
  id: 'penalty.asymmetric',
  description: '双方违约责任明显不对等 (one-sided penalties for comparable breaches)',
  check(ctx) {
    const out: Finding[] = [];
    const rules = ctx.penaltyRules;
    const a = rules.filter((r) => r.payer === 'partyA' && r.trigger === 'late_payment');
    const b = rules.filter((r) => r.payer === 'partyB' && r.trigger === 'late_delivery');
    const push = (
      severity: Finding['severity'],
      message: string,
      messageEn: string,
      involved: PenaltyRule[],
    ) => {
      const spans = involved.map((r) => r.span).sort((x, y) => x.start - y.start);
      out.push({
        ruleId: this.id,
        severity,
        message,
        messageEn,
        clauseIds: clauseIdsOf(ctx, spans),
        quote: quoteOf(ctx.text, spans),
        spans,
      });
    };
    if (b.length && !a.length) {
      push(
        'medium',
        `乙方逾期须支付违约金（${describe(b[0])}），甲方逾期付款却无对应违约责任`,
        `The supplier pays for late delivery (${b[0].percent}% of ${b[0].base}), the purchaser pays nothing for late payment`,
        [b[0]],
      );
    } else if (a.length && !b.length) {
      push(
        'medium',
        `甲方逾期付款须支付违约金（${describe(a[0])}），乙方逾期履行却无对应违约责任`,
        `The purchaser pays for late payment (${a[0].percent}% of ${a[0].base}), the supplier pays nothing for late delivery`,
        [a[0]],
      );
    } else if (a.length && b.length) {
      const ra = a.find((r) => r.kind === 'per_day') ?? a[0];
      const rb = b.find((r) => r.kind === 'per_day') ?? b[0];
      const ratio =
        ra.percent && rb.percent ? new Decimal(ra.percent).div(rb.percent) : new Decimal(1);
      const differentBase = ra.base !== rb.base;
      if (differentBase || ratio.gte(2) || ratio.lte(0.5) || ra.kind !== rb.kind) {
        push(
          'medium',
          `逾期违约责任不对等：甲方逾期付款按${describe(ra)}，乙方逾期履行按${describe(rb)}`,
          `Late-performance penalties differ: purchaser ${ra.percent}% of ${ra.base} (${ra.kind}), supplier ${rb.percent}% of ${rb.base} (${rb.kind})`,
          [ra, rb],
        );
      }
    }
    const ta = rules.filter((r) => r.payer === 'partyA' && r.trigger === 'unilateral_termination');
    const tb = rules.filter((r) => r.payer === 'partyB' && r.trigger === 'unilateral_termination');
    if (ta.length !== 0 && tb.length === 0)
      push(
        'low',
        `仅甲方单方解除合同须支付违约金（${describe(ta[0])}）`,
        'Only the purchaser pays a penalty for unilateral termination',
        [ta[0]],
      );
    if (tb.length !== 0 && ta.length === 0)
      push(
        'low',
        `仅乙方单方解除合同须支付违约金（${describe(tb[0])}）`,
        'Only the supplier pays a penalty for unilateral termination',
        [tb[0]],
      );
    return out;
  },
};
