/**
 * The payment schedule (付款计划): each installment's amount, trigger and due date where the
 * contract fixes one — `合同签订生效后的30日内` (calendar days from signing),
 * `收到发票后十个工作日内` (working days from an invoice date the user enters),
 * `2025年7月底前` (end of that month) — plus the tax split (价税分离) and 大写 ↔ figures.
 */
import Decimal from 'decimal.js';
import type { Installment } from '../terms/contract';
import { addMonths } from '../recognize/dates';
import { parseWrittenAmount, writeAmount } from '../text/chinese-numerals';
import {
  addDays,
  addWorkingDays,
  coversYear,
  type HolidayCalendar,
  PRC_HOLIDAYS,
} from '../calendar/holidays';
import type { Step } from './penalty';
import { ZH_PAYMENT_WORDS, type PaymentEventName, type PaymentWords } from './words';
import { COUNT_SOURCE } from '../lexicon/numerals';
import { durationUnitSource, readDuration } from '../recognize/durations';

/** A payment period: `十个工作日内`, `30日内`, `3个月之内` (the count and the unit word). */
const PAYMENT_PERIOD = new RegExp(
  `(${COUNT_SOURCE})\\s*(?:个)?(${durationUnitSource(['workday', 'day', 'month'], { bareMonth: true })})\\s*(?:内|之内|以内)`,
  'g',
);
/** Dates of events an installment may be due after. ISO dates; absent when not yet known. */
export interface PaymentEvents {
  signedOn?: string | null;
  /** The invoice date of every installment without one of its own. */
  invoiceDate?: string | null;
  /** Each installment's own invoice date, by its sequence (`"2"`). */
  invoiceDates?: Record<string, string | null>;
  acceptanceDate?: string | null;
  serviceEnd?: string | null;
}

/** One row of the schedule. */
export interface ScheduledPayment {
  sequence: number;
  percent: string | null;
  yuan: string | null;
  condition: string;
  /** ISO due date, or null when the condition names an event whose date is not known. */
  dueDate: string | null;
  /** How the due date follows from the condition, or what is missing. */
  basis: string;
  /** The event whose date is needed, when it is missing. */
  needs: PaymentEventName | null;
  /** The event the due date counts from, when the condition names one. */
  from: PaymentEventName | null;
}

const EVENTS: [PaymentEventName, RegExp][] = [
  ['invoiceDate', /发票/],
  ['acceptanceDate', /验收/],
  ['serviceEnd', /服务期满|期满|到期/],
  ['signedOn', /签订|签署|生效/],
];

/**
 * The due date of one condition.
 * @param sequence the installment's sequence: its own invoice date (`events.invoiceDates`)
 *   counts before the common one
 * @param words the language of `basis` (Chinese by default)
 * @returns the date, the basis of the computation, the event counted from, and the event that
 *   is missing if any
 */
export function dueDateOf(
  condition: string,
  events: PaymentEvents,
  calendar: HolidayCalendar = PRC_HOLIDAYS,
  words: PaymentWords = ZH_PAYMENT_WORDS,
  sequence?: number,
): {
  dueDate: string | null;
  basis: string;
  needs: PaymentEventName | null;
  from: PaymentEventName | null;
} {
  condition = condition.replace(/[【】\[\]]/g, '');
  const monthEnd = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:底|末)(?:前|之前)?/.exec(condition);
  if (monthEnd) {
    const first = `${monthEnd[1]}-${monthEnd[2].padStart(2, '0')}-01`;
    return {
      dueDate: addMonths(first, 1, -1),
      basis: words.monthEnd(monthEnd[0]),
      needs: null,
      from: null,
    };
  }
  const fixed = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:前|之前|以前)/.exec(condition);
  if (fixed) {
    const iso = `${fixed[1]}-${fixed[2].padStart(2, '0')}-${fixed[3].padStart(2, '0')}`;
    return { dueDate: iso, basis: words.fixedDate(iso), needs: null, from: null };
  }
  // The last period counts: `签订后三十个工作日内提供发票，收到发票后十个工作日内` pays 10 working
  // days after the invoice.
  const rels = [...condition.matchAll(PAYMENT_PERIOD)];
  const rel = rels.length ? rels[rels.length - 1] : null;
  // The last event named before the period is the one it counts from.
  const before = rel ? condition.slice(0, rel.index ?? 0) : condition;
  const named = EVENTS.map(([key, re]) => {
    let last = -1;
    for (const m of before.matchAll(new RegExp(re.source, 'g'))) last = m.index ?? last;
    return { key, at: last };
  })
    .filter((e) => e.at >= 0)
    .sort((a, b) => b.at - a.at)[0];
  const none = { dueDate: null, basis: words.noPeriod, needs: null, from: null };
  if (!rel || !named) return none;
  const period = readDuration(rel[1], rel[2]);
  const n = period?.value ?? null;
  if (n === null) return none;
  const own =
    named.key === 'invoiceDate' && sequence !== undefined
      ? events.invoiceDates?.[String(sequence)]
      : null;
  const from = own ?? events[named.key];
  const label = words.event[named.key];
  if (!from) return { dueDate: null, basis: words.needs(label), needs: named.key, from: named.key };
  const unit = period!.unit;
  const due =
    unit === 'workday'
      ? addWorkingDays(from, n, calendar)
      : unit === 'day'
        ? addDays(from, n)
        : addMonths(from, n);
  const note = unit === 'workday' && !coversYear(due, calendar) ? words.holidaysMissing : '';
  return {
    dueDate: due,
    basis: `${words.after(label, from, n, unit === 'workday' ? 'workday' : unit === 'day' ? 'day' : 'month')}${note}`,
    needs: null,
    from: named.key,
  };
}

/**
 * The schedule of all installments, each due from its own invoice date where one is entered.
 * @param words the language of each `basis` (Chinese by default)
 */
export function paymentSchedule(
  installments: Installment[],
  events: PaymentEvents,
  calendar: HolidayCalendar = PRC_HOLIDAYS,
  words: PaymentWords = ZH_PAYMENT_WORDS,
): ScheduledPayment[] {
  return installments.map((i) => ({
    sequence: i.sequence,
    percent: i.percent,
    yuan: i.yuan,
    condition: i.condition,
    ...dueDateOf(i.condition, events, calendar, words, i.sequence),
  }));
}

/**
 * Tax split (价税分离): amount excluding tax = total ÷ (1 + rate), tax = total − that, both to
 * the fen. E.g. 1,168,000.00 at 6 % → 1,101,886.79 + 66,113.21.
 */
export function taxSplit(
  totalYuan: string,
  ratePercent: string,
  words: PaymentWords = ZH_PAYMENT_WORDS,
): { excludingTax: string; tax: string; steps: Step[] } {
  let total: Decimal;
  let rate: Decimal;
  try {
    total = new Decimal(totalYuan);
    rate = new Decimal(ratePercent);
  } catch {
    throw new RangeError(words.invalidTax);
  }
  if (!total.isFinite() || total.isNegative() || !rate.isFinite() || rate.isNegative())
    throw new RangeError(words.invalidTax);
  const excl = total.div(rate.div(100).plus(1)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const tax = total.minus(excl);
  return {
    excludingTax: excl.toFixed(2),
    tax: tax.toFixed(2),
    steps: [
      {
        label: words.excludingTax,
        expression: `${total.toFixed(2)} ÷ (1 + ${rate.toString()}%)`,
        value: excl.toFixed(2),
      },
      {
        label: words.tax,
        expression: `${total.toFixed(2)} − ${excl.toFixed(2)}`,
        value: tax.toFixed(2),
      },
    ],
  };
}

/**
 * Figures → 大写 (`280000` → `贰拾捌万元整`).
 * @throws RangeError worded in `words` for a negative or invalid amount
 */
export function toWritten(yuan: string, words: PaymentWords = ZH_PAYMENT_WORDS): string {
  let d: Decimal;
  try {
    d = new Decimal(yuan.replace(/[,，\s]/g, ''));
  } catch {
    throw new RangeError(words.invalidAmount);
  }
  if (!d.isFinite() || d.isNegative()) throw new RangeError(words.invalidAmount);
  return writeAmount(d);
}

/** 大写 → figures (two-place yuan), or null when the text is not a capital amount. */
export function fromWritten(text: string): string | null {
  const d = parseWrittenAmount(text.trim());
  return d ? d.toFixed(2) : null;
}
