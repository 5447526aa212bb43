/**
 * Penalty calculators (违约金计算), exact to the fen with decimal.js, rounding half up at the
 * end only, every step shown. Inputs come prefilled from the contract's own penalty rules and
 * amounts and may be edited ("what if").
 *
 * Court adjustment (information, not legal advice): PRC Civil Code art. 585 lets a court reduce
 * liquidated damages that are excessively higher than the loss; the Supreme People's Court's
 * 2023 Interpretation on the General Part of Contracts in the Civil Code, art. 65, treats damages
 * more than 30 % above the loss as generally "excessively higher".
 */
import Decimal from 'decimal.js';
import { groupYuan } from '../labels';

/** One line of working: what was computed, how, and the value (yuan or days as a string). */
export interface Step {
  label: string;
  expression: string;
  value: string;
}

/** A calculator's result: the total in yuan (two places), the working, and notes. */
export interface CalculationResult {
  totalYuan: string;
  steps: Step[];
  /** Whether the other party may terminate at this point (per-day and per-occurrence rules). */
  terminationApplies: boolean;
  /** Information for the reviewer (cap reached, court adjustment). */
  notes: string[];
  /** Set when a loss was entered and the penalty exceeds it by more than 30 %. */
  courtFlag: { lossYuan: string; excessPercent: string; source: string } | null;
}

/** Civil Code art. 585 and SPC 2023 Interpretation art. 65: the source cited with the flag. */
export const COURT_ADJUSTMENT_SOURCE =
  '《民法典》第585条；《最高人民法院关于适用〈中华人民共和国民法典〉合同编通则若干问题的解释》（2023）第65条：违约金超过造成损失的百分之三十的，一般可以认定为过分高于造成的损失';

const fen = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const yuan = (d: Decimal) => fen(d).toFixed(2);
const money = (d: Decimal) => groupYuan(yuan(d));

function toDecimal(value: string | number, what: string): Decimal {
  let d: Decimal;
  try {
    d = new Decimal(value);
  } catch {
    throw new RangeError(`${what}不是有效数字 (${what} is not a number: ${value})`);
  }
  if (!d.isFinite() || d.isNegative())
    throw new RangeError(`${what}必须是非负数 (${what} must be ≥ 0: ${value})`);
  return d;
}

function courtCheck(
  total: Decimal,
  loss: string | undefined,
  notes: string[],
): CalculationResult['courtFlag'] {
  if (loss === undefined || loss === '') return null;
  const l = toDecimal(loss, '实际损失');
  if (l.isZero() || total.lte(l.times(1.3))) return null;
  const excess = total.minus(l).div(l).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
  notes.push(
    `违约金超过实际损失 ${excess.toString()}%（超过 30%），法院可能根据当事人请求予以适当减少。此为提示，不构成法律意见。`,
  );
  return { lossYuan: yuan(l), excessPercent: excess.toString(), source: COURT_ADJUSTMENT_SOURCE };
}

/** Inputs of {@link perDayPenalty}. Percent values are percent (`"0.1"` is 0.1 %). */
export interface PerDayInput {
  /** The base in yuan: contract total, overdue amount, sub-item budget or daily fee. */
  baseYuan: string;
  baseLabel: string;
  percentPerDay: string;
  /**
   * A fixed sum per day in yuan (`按每日500元支付违约金`) in place of base × percent; the base is
   * then used only for a cap or a termination lump sum given as percentages.
   */
  fixedYuan?: string | null;
  /** Days of delay or interruption, counted as the contract counts them. */
  days: number;
  /** Days before the penalty starts (`自第5日起` → 4). */
  startsAfterDays?: number | null;
  /** Cap of the accumulated penalty, percent of the base. */
  capPercent?: string | null;
  /** Days after which the other party may terminate. */
  terminationAfterDays?: number | null;
  /** Whether reaching the threshold suffices (`达到30日`) or it must be exceeded (`超过30日`). */
  terminationWhen?: 'reached' | 'exceeded';
  /** Lump sum due on termination, percent of the base (`…解除合同并要求支付合同总金额30%`). */
  terminationPercent?: string | null;
  /** Actual loss entered by the user, for the court-adjustment flag. */
  lossYuan?: string;
}

/**
 * Per-day penalty: base × percent (or the fixed daily sum) × chargeable days, capped, plus the termination lump sum once
 * the threshold is passed. E.g. seed 004: 1,160,000.00 × 1% × 45 = 522,000.00; past day 30 the
 * purchaser may terminate and claim 1,160,000.00 × 30% = 348,000.00.
 * @throws RangeError for negative or non-numeric inputs
 */
export function perDayPenalty(input: PerDayInput): CalculationResult {
  if (!Number.isInteger(input.days) || input.days < 0)
    throw new RangeError(`天数必须是非负整数 (days must be a whole number ≥ 0: ${input.days})`);
  const fixed = input.fixedYuan ? toDecimal(input.fixedYuan, '约定金额') : null;
  const needsBase = !fixed || !!input.capPercent || !!input.terminationPercent;
  const base = needsBase ? toDecimal(input.baseYuan, '基数') : new Decimal(0);
  const steps: Step[] = [];
  const notes: string[] = [];
  const start = input.startsAfterDays ?? 0;
  const chargeable = Math.max(0, input.days - start);
  if (start)
    steps.push({
      label: '计费天数',
      expression: `${input.days} − ${start}（第${start + 1}日起计）`,
      value: `${chargeable}`,
    });
  let amount: Decimal;
  if (fixed) {
    amount = fixed.times(chargeable);
    steps.push({
      label: '按日违约金',
      expression: `${money(fixed)}（约定每日金额）× ${chargeable} 日`,
      value: yuan(amount),
    });
  } else {
    const pct = toDecimal(input.percentPerDay, '比例');
    amount = base.times(pct).div(100).times(chargeable);
    steps.push({
      label: '按日违约金',
      expression: `${money(base)}（${input.baseLabel}）× ${pct.toString()}% × ${chargeable} 日`,
      value: yuan(amount),
    });
  }
  if (input.capPercent) {
    const cap = base.times(toDecimal(input.capPercent, '上限')).div(100);
    if (amount.gt(cap)) {
      steps.push({
        label: '上限',
        expression: `${money(base)} × ${input.capPercent}%`,
        value: yuan(cap),
      });
      notes.push(`已达违约金上限 ${input.capPercent}%`);
      amount = cap;
    }
  }
  let total = amount;
  let terminationApplies = false;
  if (input.terminationAfterDays) {
    terminationApplies =
      input.terminationWhen === 'reached'
        ? input.days >= input.terminationAfterDays
        : input.days > input.terminationAfterDays;
    if (terminationApplies) {
      notes.push(
        `逾期${input.terminationWhen === 'reached' ? '达到' : '超过'} ${input.terminationAfterDays} 日：守约方有权解除合同`,
      );
      if (input.terminationPercent) {
        const lump = base.times(toDecimal(input.terminationPercent, '解除违约金比例')).div(100);
        steps.push({
          label: '解除合同违约金',
          expression: `${money(base)} × ${input.terminationPercent}%`,
          value: yuan(lump),
        });
        total = total.plus(lump);
        steps.push({
          label: '合计',
          expression: `${yuan(amount)} + ${yuan(lump)}`,
          value: yuan(total),
        });
      }
    }
  }
  return {
    totalYuan: yuan(total),
    steps,
    terminationApplies,
    notes,
    courtFlag: courtCheck(total, input.lossYuan, notes),
  };
}

/** Inputs of {@link countedPenalty}: once (`occurrences` 1) or per occurrence. */
export interface CountedInput {
  baseYuan: string;
  baseLabel: string;
  percent: string;
  /** A fixed sum in yuan, once or per occurrence (`支付违约金人民币5万元`), in place of base × percent. */
  fixedYuan?: string | null;
  occurrences: number;
  /** Occurrences at which the other party may terminate (`达到三次（项）…解除合同` → 3). */
  terminationAfterOccurrences?: number | null;
  /** `违约金和损失赔偿以高者为准`: the result is the higher of the penalty and the loss. */
  higherOfLoss?: boolean;
  lossYuan?: string;
}

/**
 * Lump-sum or per-occurrence penalty: base × percent (or the fixed sum) × occurrences; with `higherOfLoss`, the
 * higher of that and the entered loss. E.g. seed 001: 375,980.00 × 5% × 3 = 56,397.00, and the
 * third delayed item gives the purchaser the right to terminate.
 * @throws RangeError for negative or non-numeric inputs
 */
export function countedPenalty(input: CountedInput): CalculationResult {
  if (!Number.isInteger(input.occurrences) || input.occurrences < 0)
    throw new RangeError(
      `次数必须是非负整数 (occurrences must be a whole number ≥ 0: ${input.occurrences})`,
    );
  const steps: Step[] = [];
  const notes: string[] = [];
  const times = input.occurrences === 1 ? '' : ` × ${input.occurrences} 次`;
  let amount: Decimal;
  if (input.fixedYuan) {
    const fixed = toDecimal(input.fixedYuan, '约定金额');
    amount = fixed.times(input.occurrences);
    steps.push({
      label: input.occurrences === 1 ? '违约金' : '按次违约金',
      expression: `${money(fixed)}（约定金额）${times}`,
      value: yuan(amount),
    });
  } else {
    const base = toDecimal(input.baseYuan, '基数');
    const pct = toDecimal(input.percent, '比例');
    amount = base.times(pct).div(100).times(input.occurrences);
    steps.push({
      label: input.occurrences === 1 ? '违约金' : '按次违约金',
      expression: `${money(base)}（${input.baseLabel}）× ${pct.toString()}%${times}`,
      value: yuan(amount),
    });
  }
  let total = amount;
  if (input.higherOfLoss && input.lossYuan) {
    const loss = toDecimal(input.lossYuan, '实际损失');
    total = Decimal.max(amount, loss);
    steps.push({
      label: '以高者为准',
      expression: `max(${yuan(amount)}, ${yuan(loss)})`,
      value: yuan(total),
    });
  }
  const terminationApplies =
    !!input.terminationAfterOccurrences && input.occurrences >= input.terminationAfterOccurrences;
  if (terminationApplies)
    notes.push(`已达 ${input.terminationAfterOccurrences} 次：守约方有权单方解除合同`);
  const court = input.higherOfLoss ? null : courtCheck(total, input.lossYuan, notes);
  return { totalYuan: yuan(total), steps, terminationApplies, notes, courtFlag: court };
}
