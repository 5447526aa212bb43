/**
 * `penalty.asymmetric`: one party's liability clearly lighter than the other's for the
 * comparable breach — late payment by the purchaser (甲方) against late delivery by the
 * supplier (乙方): one side without any penalty, or per-day rates at least twice apart, or
 * different rates on different bases. The same rate on the customary bases of each breach
 * (`逾期付款金额的万分之五` against `合同总价款的万分之五`, as government model contracts word
 * it) is the mirror, not an imbalance — unless the purchaser is also excused from it
 * (`因财政资金拨付…导致付款延期的，甲方不承担违约责任`) while the supplier is not. Also a unilateral-termination
 * penalty for one party only; and agreed penalties owed by one party only, the other owing at most
 * its actual loss.
 */
import Decimal from 'decimal.js';
import type { PenaltyRule } from '../../penalties/extract';
import type { Finding, FindingRule } from '../types';
import { clauseIdsOf, quoteOf } from '../util';
import { penaltyRateLabel } from '../../labels';
import { otherParty } from '../../resolve/parties';
import { PARTY_A_SOURCE, PARTY_B_SOURCE } from '../../lexicon/parties';

const PARTY_ZH = { partyA: '甲方', partyB: '乙方' } as const;

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

function describeEn(r: PenaltyRule): string {
  return r.yuan !== null ? `CNY ${r.yuan}` : `${r.percent ?? '(blank)'}% of ${r.base}`;
}

/** A sentence about paying late (付款/支付 with 逾期/延期/迟延/顺延). */
const LATE_PAYMENT =
  /(?:付款|支付|拨付|付费)[^。；\n]{0,20}(?:逾期|延期|迟延|延迟|顺延)|(?:逾期|延期|迟延|延迟|顺延)[^。；\n]{0,20}(?:付款|支付|拨付)/;
/** The purchaser excused: `甲方不承担违约责任`, `不视为甲方违约`, `甲方免于承担…责任`. */
const PURCHASER_EXCUSED = new RegExp(
  `(?:${PARTY_A_SOURCE})[^。；\\n]{0,4}(?:不承担|免于承担|无须承担|无需承担|不负)[^。；\\n]{0,8}责任|不视为(?:${PARTY_A_SOURCE})违约`,
);
/** Excused because the supplier failed (no invoice, no acceptance papers): a fair condition. */
const SUPPLIER_CAUSED = new RegExp(
  `(?:因|由于|若|如)(?:${PARTY_B_SOURCE})|(?:${PARTY_B_SOURCE})(?:未|没有|逾期|原因|过错)`,
);

/**
 * The sentence that excuses the purchaser's late payment for a reason of its own side (the
 * treasury, the budget), as its span, or null.
 */
function purchaserExcused(text: string): { start: number; end: number } | null {
  const sentence = /[^。；\n]{1,400}/g;
  for (let m = sentence.exec(text); m; m = sentence.exec(text)) {
    const s = m[0];
    if (LATE_PAYMENT.test(s) && PURCHASER_EXCUSED.test(s) && !SUPPLIER_CAUSED.test(s)) {
      const lead = s.length - s.trimStart().length;
      return { start: m.index + lead, end: m.index + s.trimEnd().length };
    }
  }
  return null;
}

export const penaltyAsymmetric: FindingRule = {
  id: 'penalty.asymmetric',
  description: '双方违约责任明显不对等 (one-sided penalties for comparable breaches)',
  check(ctx) {
    const out: Finding[] = [];
    // Liquidated damages only: compensation of the actual loss is the law's default for both sides.
    const rules = ctx.penaltyRules.filter((r) => r.kind !== 'actual_loss');
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
    // The other side may still owe its actual loss: say so rather than "nothing".
    const lossOnly = (payer: PenaltyRule['payer'], trigger: PenaltyRule['trigger']) =>
      ctx.penaltyRules.find(
        (r) => r.kind === 'actual_loss' && r.payer === payer && r.trigger === trigger,
      );
    if (b.length && !a.length) {
      const loss = lossOnly('partyA', 'late_payment');
      push(
        'medium',
        `乙方逾期须支付违约金（${describe(b[0])}），甲方逾期付款却${loss ? '仅须赔偿实际损失，无约定违约金' : '无对应违约责任'}`,
        `The supplier pays for late delivery (${describeEn(b[0])}), the purchaser ${loss ? 'only compensates the actual loss' : 'pays nothing'} for late payment`,
        loss ? [b[0], loss] : [b[0]],
      );
    } else if (a.length && !b.length) {
      const loss = lossOnly('partyB', 'late_delivery');
      push(
        'medium',
        `甲方逾期付款须支付违约金（${describe(a[0])}），乙方逾期履行却${loss ? '仅须赔偿实际损失，无约定违约金' : '无对应违约责任'}`,
        `The purchaser pays for late payment (${describeEn(a[0])}), the supplier ${loss ? 'only compensates the actual loss' : 'pays nothing'} for late delivery`,
        loss ? [a[0], loss] : [a[0]],
      );
    } else if (a.length && b.length) {
      const ra = a.find((r) => r.kind === 'per_day') ?? a[0];
      const rb = b.find((r) => r.kind === 'per_day') ?? b[0];
      const ratio =
        ra.percent && rb.percent ? new Decimal(ra.percent).div(rb.percent) : new Decimal(1);
      // A blank rate (a model contract's `____%`) leaves nothing to weigh.
      const blank = (r: PenaltyRule) => r.percent === null && r.yuan === null;
      // A fixed sum against a percentage cannot be weighed without the amounts they apply to.
      const incomparable = (ra.yuan === null) !== (rb.yuan === null);
      const sums = ra.yuan !== null && rb.yuan !== null;
      const sumRatio = sums ? new Decimal(ra.yuan!).div(rb.yuan!) : new Decimal(1);
      // Different bases weigh only with different rates: the same rate on each breach's own base
      // (the overdue payment, the contract total) is how balanced contracts are written.
      const differentBase = !sums && ra.base !== rb.base && !ratio.eq(1);
      if (
        !blank(ra) &&
        !blank(rb) &&
        !incomparable &&
        (differentBase ||
          ratio.gte(2) ||
          ratio.lte(0.5) ||
          sumRatio.gte(2) ||
          sumRatio.lte(0.5) ||
          ra.kind !== rb.kind)
      ) {
        push(
          'medium',
          `逾期违约责任不对等：甲方逾期付款按${describe(ra)}，乙方逾期履行按${describe(rb)}`,
          `Late-performance penalties differ: purchaser ${describeEn(ra)} (${ra.kind}), supplier ${describeEn(rb)} (${rb.kind})`,
          [ra, rb],
        );
      } else if (!blank(rb)) {
        // Mirrored rates, but the purchaser is excused from its own for reasons on its side.
        const excused = purchaserExcused(ctx.text);
        if (excused) {
          const spans = [rb.span, excused].sort((x, y) => x.start - y.start);
          out.push({
            ruleId: this.id,
            severity: 'medium',
            message: `逾期违约责任不对等：乙方逾期履行须按${describe(rb)}支付违约金，甲方逾期付款却可免责（“${ctx.text.slice(excused.start, excused.end)}”）`,
            messageEn: `The supplier pays ${describeEn(rb)} for late delivery, while the purchaser is excused from paying late`,
            clauseIds: clauseIdsOf(ctx, spans),
            quote: quoteOf(ctx.text, spans),
            spans,
          });
        }
      }
    }
    // Beyond late performance: one side owes agreed penalties for its breaches while the other
    // owes none at all (at most its actual loss), e.g. every breach of 乙方 at 30 % of the total
    // against 甲方's 直接经济损失 only.
    if (out.length === 0) {
      const stated = (r: PenaltyRule) =>
        r.percent !== null ||
        r.yuan !== null ||
        !!r.feeMonths ||
        !!r.forfeitsBond ||
        !!r.rateBenchmark;
      const owed = (p: PenaltyRule['payer']) => rules.filter((r) => r.payer === p);
      const heavyParty = (['partyB', 'partyA'] as const).find(
        (p) => owed(p).some(stated) && owed(otherParty(p)).length === 0,
      );
      if (heavyParty) {
        const heavy = owed(heavyParty).filter(stated);
        const light = otherParty(heavyParty);
        const loss = ctx.penaltyRules.find((r) => r.kind === 'actual_loss' && r.payer === light);
        // Cite a percentage of the contract total where there is one: what a reviewer weighs first.
        const cited = heavy.find((r) => r.base === 'contract_total') ?? heavy[0];
        push(
          'medium',
          `仅${PARTY_ZH[heavyParty]}承担约定违约金（${heavy.length} 条，如${describe(cited)}），${PARTY_ZH[light]}违约${loss ? '仅须赔偿实际损失' : '无任何约定的违约责任'}`,
          `Only the ${heavyParty === 'partyB' ? 'supplier' : 'purchaser'} owes agreed penalties (${heavy.length}); the other side ${loss ? 'only compensates the actual loss' : 'owes nothing'}`,
          loss ? [cited, loss] : [cited],
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
