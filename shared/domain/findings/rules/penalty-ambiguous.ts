/**
 * `penalty.ambiguous`: a penalty whose kind the text leaves unclear — once, per day or per
 * occurrence — e.g. `自中断情形持续的第5日起，甲方有权按相关子项目预算金额1%的数额要求乙方支付违约金`.
 * The rule is kept without a kind rather than guessed.
 */
import type { Finding, FindingRule } from '../types';
import { clauseIdsOf, quoteOf } from '../util';
import { penaltyRateLabel } from '../../labels';

export const penaltyAmbiguous: FindingRule = {
  id: 'penalty.ambiguous',
  description: '违约金计算方式不明确 (a penalty whose kind is unclear)',
  check(ctx) {
    return ctx.penaltyRules
      .filter((r) => r.kind === null)
      .map<Finding>((r) => ({
        ruleId: this.id,
        severity: 'medium',
        message: `违约金${r.percent || r.yuan ? `“${penaltyRateLabel(r, false)}”` : ''}未写明是一次性、按日还是按次计算，请与对方确认`,
        messageEn: `The ${r.percent || r.yuan ? `${penaltyRateLabel(r, false)} ` : ''}penalty does not say whether it is charged once, per day or per occurrence`,
        clauseIds: clauseIdsOf(ctx, [r.span]),
        quote: quoteOf(ctx.text, [r.span]),
        spans: [r.span],
      }));
  },
};
