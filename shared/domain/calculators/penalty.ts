/**
 * Penalty calculators (违约金计算), exact to the fen with decimal.js, rounding half up at the
 * end only, every step shown. Inputs come prefilled from the contract's own penalty rules and
 * amounts and may be edited ("what if"); a termination lump sum is added only when the reviewer
 * chooses termination.
 *
 * Court adjustment (information, not legal advice): PRC Civil Code art. 585 lets a court reduce
 * liquidated damages that are excessively higher than the loss; the Supreme People's Court's
 * 2023 Interpretation on the General Part of Contracts in the Civil Code, art. 65, treats damages
 * more than 30 % above the loss as generally "excessively higher". Without an entered loss,
 * Qiyue's own review line applies: a total of {@link REVIEW_SHARE_PERCENT} % of the contract
 * total or more is flagged for the reviewer to check the loss (a prompt, not a legal threshold).
 */
import Decimal from 'decimal.js';
import { groupYuan } from '../labels';
import { ZH_CALC_WORDS, type CalcField, type CalcWords } from './words';

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
  /** Information for the reviewer (cap reached, termination, court adjustment). */
  notes: string[];
  /**
   * Set when the total exceeds the entered loss by more than 30 % (`lossYuan`, `excessPercent`),
   * or, with no loss entered, reaches {@link REVIEW_SHARE_PERCENT} % of the contract total
   * (`sharePercent`); `source` cites the law.
   */
  courtFlag: {
    lossYuan: string | null;
    excessPercent: string | null;
    sharePercent: string | null;
    source: string;
  } | null;
}

/** Civil Code art. 585 and SPC 2023 Interpretation art. 65: the source cited with the flag. */
export const COURT_ADJUSTMENT_SOURCE = ZH_CALC_WORDS.courtSource;

/**
 * Qiyue's review line, percent of the contract total: a penalty total at or above it is flagged
 * when no loss is entered. Not a legal threshold: the law compares with the loss (art. 65 above);
 * 30 % mirrors that rule's margin so the reviewer checks the loss before relying on the sum.
 */
export const REVIEW_SHARE_PERCENT = '30';

const fen = (d: Decimal) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
const yuan = (d: Decimal) => fen(d).toFixed(2);
const money = (d: Decimal) => groupYuan(yuan(d));

/**
 * A non-negative decimal from what the reviewer typed (thousands separators allowed).
 * @throws RangeError worded in `words` when it is not a number or is negative
 */
function toDecimal(value: string | number, field: CalcField, words: CalcWords): Decimal {
  let d: Decimal;
  try {
    d = new Decimal(typeof value === 'string' ? value.replace(/[,，\s]/g, '') : value);
  } catch {
    throw new RangeError(words.notANumber(words.field[field]));
  }
  if (!d.isFinite()) throw new RangeError(words.notANumber(words.field[field]));
  if (d.isNegative()) throw new RangeError(words.negative(words.field[field]));
  return d;
}

/**
 * A whole count (days, occurrences) from a number or typed text.
 * @throws RangeError with `message` when it is not 0 or a positive whole number
 */
function toCount(value: number | string, message: string): number {
  const n = typeof value === 'number' ? value : /^\s*\d{1,9}\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isInteger(n) || n < 0) throw new RangeError(message);
  return n;
}

/** The art. 585 / art. 65 prompt, or Qiyue's share-of-total prompt (see module doc). */
function courtCheck(
  total: Decimal,
  loss: string | undefined,
  contractTotal: string | undefined,
  notes: string[],
  words: CalcWords,
): CalculationResult['courtFlag'] {
  if (loss !== undefined && loss !== '') {
    const l = toDecimal(loss, 'loss', words);
    if (l.isZero() || total.lte(l.times(1.3))) return null;
    const excess = total.minus(l).div(l).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
    notes.push(words.courtOverLoss(excess.toString()));
    return {
      lossYuan: yuan(l),
      excessPercent: excess.toString(),
      sharePercent: null,
      source: words.courtSource,
    };
  }
  if (!contractTotal) return null;
  const whole = toDecimal(contractTotal, 'total', words);
  if (whole.isZero()) return null;
  const share = total.div(whole).times(100).toDecimalPlaces(1, Decimal.ROUND_HALF_UP);
  if (share.lt(REVIEW_SHARE_PERCENT)) return null;
  notes.push(words.courtShare(share.toString(), REVIEW_SHARE_PERCENT));
  return {
    lossYuan: null,
    excessPercent: null,
    sharePercent: share.toString(),
    source: words.courtSource,
  };
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
  /** Days of delay or interruption, counted as the contract counts them (typed text allowed). */
  days: number | string;
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
  /**
   * Whether the reviewer chose termination: only then, and only past the threshold, is the lump
   * sum added. Default false.
   */
  terminate?: boolean;
  /** Actual loss entered by the user, for the court-adjustment flag. */
  lossYuan?: string;
  /** The contract total in yuan, for the share-of-total prompt when no loss is entered. */
  contractTotalYuan?: string;
}

/**
 * Per-day penalty: base × percent (or the fixed daily sum) × chargeable days, capped, plus the
 * termination lump sum when termination is chosen and the threshold is passed. E.g. seed 004:
 * 1,160,000.00 × 1% × 45 = 522,000.00; past day 30 the purchaser may terminate and, if it does,
 * claim 1,160,000.00 × 30% = 348,000.00 more.
 * @param words the language of the working (Chinese by default)
 * @throws RangeError, worded in `words`, for negative or non-numeric inputs
 */
export function perDayPenalty(
  input: PerDayInput,
  words: CalcWords = ZH_CALC_WORDS,
): CalculationResult {
  const days = toCount(input.days, words.wholeDays);
  const fixed = input.fixedYuan ? toDecimal(input.fixedYuan, 'fixed', words) : null;
  const needsBase =
    !fixed || !!input.capPercent || (!!input.terminationPercent && !!input.terminate);
  const base = needsBase ? toDecimal(input.baseYuan, 'base', words) : new Decimal(0);
  const steps: Step[] = [];
  const notes: string[] = [];
  const start = input.startsAfterDays ?? 0;
  const chargeable = Math.max(0, days - start);
  if (start)
    steps.push({
      label: words.chargeableDays,
      expression: `${days} − ${start}（${words.startsOn(start + 1)}）`,
      value: `${chargeable}`,
    });
  let amount: Decimal;
  if (fixed) {
    amount = fixed.times(chargeable);
    steps.push({
      label: words.perDay,
      expression: `${money(fixed)}（${words.agreedDaily}）× ${words.days(chargeable)}`,
      value: yuan(amount),
    });
  } else {
    const pct = toDecimal(input.percentPerDay, 'percent', words);
    amount = base.times(pct).div(100).times(chargeable);
    steps.push({
      label: words.perDay,
      expression: `${money(base)}（${input.baseLabel}）× ${pct.toString()}% × ${words.days(chargeable)}`,
      value: yuan(amount),
    });
  }
  if (input.capPercent) {
    const cap = base.times(toDecimal(input.capPercent, 'cap', words)).div(100);
    if (amount.gt(cap)) {
      steps.push({
        label: words.cap,
        expression: `${money(base)} × ${input.capPercent}%`,
        value: yuan(cap),
      });
      notes.push(words.capReached(input.capPercent));
      amount = cap;
    }
  }
  let total = amount;
  let terminationApplies = false;
  if (input.terminationAfterDays) {
    terminationApplies =
      input.terminationWhen === 'reached'
        ? days >= input.terminationAfterDays
        : days > input.terminationAfterDays;
    if (terminationApplies)
      notes.push(
        words.terminationRight(input.terminationWhen === 'reached', input.terminationAfterDays),
      );
    if (input.terminationPercent) {
      if (!input.terminate) {
        if (terminationApplies) notes.push(words.terminationNotChosen);
      } else if (!terminationApplies) {
        notes.push(words.terminationNotReached(input.terminationAfterDays));
      } else {
        const lump = base
          .times(toDecimal(input.terminationPercent, 'terminationPercent', words))
          .div(100);
        steps.push({
          label: words.termination,
          expression: `${money(base)} × ${input.terminationPercent}%`,
          value: yuan(lump),
        });
        total = total.plus(lump);
        steps.push({
          label: words.total,
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
    courtFlag: courtCheck(total, input.lossYuan, input.contractTotalYuan, notes, words),
  };
}

/** Inputs of {@link countedPenalty}: once (`occurrences` 1) or per occurrence. */
export interface CountedInput {
  baseYuan: string;
  baseLabel: string;
  percent: string;
  /** A fixed sum in yuan, once or per occurrence (`支付违约金人民币5万元`), in place of base × percent. */
  fixedYuan?: string | null;
  /** Occurrences (typed text allowed). */
  occurrences: number | string;
  /** Occurrences at which the other party may terminate (`达到三次（项）…解除合同` → 3). */
  terminationAfterOccurrences?: number | null;
  /** `违约金和损失赔偿以高者为准`: the result is the higher of the penalty and the loss. */
  higherOfLoss?: boolean;
  lossYuan?: string;
  /** The contract total in yuan, for the share-of-total prompt when no loss is entered. */
  contractTotalYuan?: string;
}

/**
 * Lump-sum or per-occurrence penalty: base × percent (or the fixed sum) × occurrences; with
 * `higherOfLoss`, the higher of that and the entered loss. E.g. seed 001: 375,980.00 × 5% × 3 =
 * 56,397.00, and the third delayed item gives the purchaser the right to terminate.
 * @param words the language of the working (Chinese by default)
 * @throws RangeError, worded in `words`, for negative or non-numeric inputs
 */
export function countedPenalty(
  input: CountedInput,
  words: CalcWords = ZH_CALC_WORDS,
): CalculationResult {
  const occurrences = toCount(input.occurrences, words.wholeOccurrences);
  const steps: Step[] = [];
  const notes: string[] = [];
  const times = occurrences === 1 ? '' : ` × ${words.times(occurrences)}`;
  const label = occurrences === 1 ? words.penalty : words.perOccurrence;
  let amount: Decimal;
  if (input.fixedYuan) {
    const fixed = toDecimal(input.fixedYuan, 'fixed', words);
    amount = fixed.times(occurrences);
    steps.push({
      label,
      expression: `${money(fixed)}（${words.agreedSum}）${times}`,
      value: yuan(amount),
    });
  } else {
    const base = toDecimal(input.baseYuan, 'base', words);
    const pct = toDecimal(input.percent, 'percent', words);
    amount = base.times(pct).div(100).times(occurrences);
    steps.push({
      label,
      expression: `${money(base)}（${input.baseLabel}）× ${pct.toString()}%${times}`,
      value: yuan(amount),
    });
  }
  let total = amount;
  if (input.higherOfLoss && input.lossYuan) {
    const loss = toDecimal(input.lossYuan, 'loss', words);
    total = Decimal.max(amount, loss);
    steps.push({
      label: words.higherOfLoss,
      expression: `max(${yuan(amount)}, ${yuan(loss)})`,
      value: yuan(total),
    });
  }
  const terminationApplies =
    !!input.terminationAfterOccurrences && occurrences >= input.terminationAfterOccurrences;
  if (terminationApplies) notes.push(words.occurrencesReached(input.terminationAfterOccurrences!));
  // The higher of the penalty and the loss is never "excessively higher" than the loss.
  const court =
    input.higherOfLoss && input.lossYuan
      ? null
      : courtCheck(total, input.lossYuan, input.contractTotalYuan, notes, words);
  return { totalYuan: yuan(total), steps, terminationApplies, notes, courtFlag: court };
}
