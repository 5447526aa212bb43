/**
 * `amount.installments-mismatch`: installments (分期付款) whose percentages do not add up to
 * 100 %, whose stated amounts do not add up to the total, or whose stated amount is not
 * percent × total (to the fen, Decimal arithmetic).
 */
import Decimal from 'decimal.js';
import type { Finding, FindingRule } from '../types';
import { quoteOf } from '../util';
import { groupYuan } from '../../labels';

export const amountInstallmentsMismatch: FindingRule = {
  id: 'amount.installments-mismatch',
  description: '分期付款比例或金额与合同总额不符 (installments vs. total)',
  check(ctx) {
    const out: Finding[] = [];
    const inst = ctx.contract.paymentInstallments;
    const total = ctx.contract.totalAmount ? new Decimal(ctx.contract.totalAmount.yuan) : null;
    if (inst.length < 1) return out;
    const clauseIds = [...new Set(inst.map((i) => i.clauseId).filter((x): x is string => !!x))];
    const spans = ctx.terms
      .filter((t) => t.key.startsWith('installment.'))
      .map((t) => t.span)
      .sort((a, b) => a.start - b.start);
    const push = (message: string, messageEn: string) =>
      out.push({
        ruleId: this.id,
        severity: 'high',
        message,
        messageEn,
        clauseIds,
        quote: quoteOf(ctx.text, spans),
        spans,
      });
    if (inst.length >= 2 && inst.every((i) => i.percent !== null)) {
      const sum = inst.reduce((s, i) => s.plus(i.percent!), new Decimal(0));
      if (!sum.equals(100))
        push(
          `各期付款比例合计 ${sum.toString()}%，不等于 100%`,
          `Installment percentages add up to ${sum.toString()}%, not 100%`,
        );
    }
    if (total && inst.length >= 2 && inst.every((i) => i.yuan !== null)) {
      const sum = inst.reduce((s, i) => s.plus(i.yuan!), new Decimal(0));
      if (!sum.equals(total))
        push(
          `各期付款金额合计 ${groupYuan(sum.toFixed(2))} 元，不等于合同总额 ${groupYuan(total.toFixed(2))} 元`,
          `Installment amounts add up to ${sum.toFixed(2)} yuan, not the total ${total.toFixed(2)} yuan`,
        );
    }
    if (total) {
      for (const i of inst) {
        if (!i.yuanStated || i.percent === null || i.yuan === null) continue;
        const expected = total.times(i.percent).div(100).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
        if (!expected.equals(i.yuan))
          push(
            `第${i.sequence}期：${i.percent}% × ${groupYuan(total.toFixed(2))} 元 = ${groupYuan(expected.toFixed(2))} 元，合同写为 ${groupYuan(i.yuan!)} 元`,
            `Installment ${i.sequence}: ${i.percent}% × ${total.toFixed(2)} = ${expected.toFixed(2)} yuan, the contract states ${i.yuan}`,
          );
      }
    }
    return out;
  },
};
