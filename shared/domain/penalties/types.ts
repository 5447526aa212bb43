/** The penalty rule as REPORT.md defines it (`penaltyRules[]`), with Qiyue's extra fields. */
import type { PartyRole } from '../lexicon/parties';
import type { Span } from '../terms/contract';

/** REPORT.md `penaltyRules[].trigger`. */
export type PenaltyTrigger =
  | 'late_payment'
  | 'late_delivery'
  | 'quality_failure'
  | 'subcontracting'
  | 'confidentiality_breach'
  | 'unilateral_termination'
  | 'service_interruption'
  | 'fraud'
  | 'transition_refusal'
  | 'other';

/** REPORT.md `penaltyRules[].kind`: per day, once, per occurrence, or actual loss only. */
export type PenaltyKind = 'per_day' | 'lump_sum' | 'per_occurrence' | 'actual_loss';

/** REPORT.md `penaltyRules[].base`: what the percent is of. */
export type PenaltyBase =
  'contract_total' | 'overdue_amount' | 'sub_item_budget' | 'daily_fee' | 'paid_amount' | 'other';

/**
 * One penalty rule (REPORT.md `penaltyRules[]`). `percent` is a decimal string of percent
 * (`"0.1"` is 0.1 %); day counts are calendar days as the contract states them.
 */
export interface PenaltyRule {
  id: string;
  clauseId: string | null;
  payer: PartyRole;
  trigger: PenaltyTrigger;
  kind: PenaltyKind | null;
  /** Null when the contract leaves the rate blank (`合同总价款的【 】`) or fixes a sum instead. */
  percent: string | null;
  /**
   * A fixed sum in yuan (two places) instead of a percent: once, per day or per occurrence as
   * `kind` says (`支付违约金人民币伍拾万元整` → "500000.00", `按每日500元` → "500.00"); `base` is
   * then `other`. Null for percentage rules.
   */
  yuan: string | null;
  base: PenaltyBase;
  /**
   * Extra field: a penalty of so many months' fee instead of a percent or a sum
   * (`向对方支付3个月保洁服务费作为违约金` → 3); `percent` and `yuan` are then null.
   */
  feeMonths?: number;
  /**
   * Extra field: the lower end of a range of sums (`给予乙方5000元至50000元的违约处罚`); `yuan` is
   * then the upper end, the most the rule can cost.
   */
  yuanMin?: string;
  /**
   * Extra field: the lower end of a range of rates (`扣除当月保洁费用的2%-3%`); `percent` is then
   * the upper end.
   */
  percentMin?: string;
  /**
   * Extra field: interest at a published benchmark instead of an agreed rate
   * (`按全国银行间同业拆借中心公布的一年期贷款市场报价利率（LPR）支付所拖欠款项的利息`): `LPR`, or
   * `loan_rate` for the older 同期银行贷款利率; `percent` is then null.
   */
  rateBenchmark?: 'LPR' | 'loan_rate';
  /**
   * Extra field: the penalty is the forfeiture of the performance bond (`甲方有权没收履约保证金`,
   * `其履约保证金不予退还`); `percent` and `yuan` are then null (the bond's amount is elsewhere).
   */
  forfeitsBond?: boolean;
  /** Days of breach before the penalty starts (`自…第5日起` → 4). */
  startsAfterDays: number | null;
  /** Cap of the accumulated penalty, percent of the same base. */
  capPercent: string | null;
  /** Days of delay after which the other party may terminate (`延期达到30日…解除合同` → 30). */
  terminationAfterDays: number | null;
  /** Whether the termination threshold must be reached (`达到30日`) or exceeded (`超过30日`). */
  terminationWhen: 'reached' | 'exceeded' | null;
  /** Occurrences that give a right to terminate (`达到三次（项）…解除合同` → 3). */
  terminationAfterOccurrences: number | null;
  /** A lump sum due on that termination, read from the same sentence (its rule id). */
  terminationPenaltyRuleId: string | null;
  /** `违约金和损失赔偿以高者为准`: the higher of the penalty and the actual loss is due. */
  higherOfLoss: boolean;
  text: string;
  /** Offsets of the sentence the rule was read from. */
  span: Span;
}

/** The fields that make two penalty rules alike: payer, breach, kind, rate or sum, and base. */
export type PenaltyLikeness = Pick<
  PenaltyRule,
  | 'payer'
  | 'trigger'
  | 'kind'
  | 'percent'
  | 'yuan'
  | 'yuanMin'
  | 'percentMin'
  | 'base'
  | 'feeMonths'
  | 'rateBenchmark'
  | 'forfeitsBond'
>;

/** A key equal for alike rules (REPORT.md: "one penalty rule per payer, trigger and rate"). */
export function penaltyKey(r: PenaltyLikeness): string {
  return [
    r.payer,
    r.trigger,
    r.kind,
    r.percent,
    r.yuan,
    r.yuanMin,
    r.percentMin,
    r.base,
    r.feeMonths,
    r.rateBenchmark,
    r.forfeitsBond,
  ].join('|');
}
