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
  invoiceDate?: string | null;
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
  needs: keyof PaymentEvents | null;
}

const EVENTS: [keyof PaymentEvents, RegExp, string][] = [
  ['invoiceDate', /发票/, '收到发票'],
  ['acceptanceDate', /验收/, '验收合格'],
  ['serviceEnd', /服务期满|期满|到期/, '服务期满'],
  ['signedOn', /签订|签署|生效/, '合同签订'],
];

/**
 * The due date of one condition.
 * @returns the date, the basis of the computation, and the event that is missing if any
 */
export function dueDateOf(
  condition: string,
  events: PaymentEvents,
  calendar: HolidayCalendar = PRC_HOLIDAYS,
): { dueDate: string | null; basis: string; needs: keyof PaymentEvents | null } {
  condition = condition.replace(/[【】\[\]]/g, '');
  const monthEnd = /(\d{4})\s*年\s*(\d{1,2})\s*月(?:底|末)(?:前|之前)?/.exec(condition);
  if (monthEnd) {
    const first = `${monthEnd[1]}-${monthEnd[2].padStart(2, '0')}-01`;
    return { dueDate: addMonths(first, 1, -1), basis: `${monthEnd[0]}：当月最后一日`, needs: null };
  }
  const fixed = /(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日(?:前|之前|以前)/.exec(condition);
  if (fixed) {
    const iso = `${fixed[1]}-${fixed[2].padStart(2, '0')}-${fixed[3].padStart(2, '0')}`;
    return { dueDate: iso, basis: `合同约定日期 ${iso}`, needs: null };
  }
  // The last period counts: `签订后三十个工作日内提供发票，收到发票后十个工作日内` pays 10 working
  // days after the invoice.
  const rels = [...condition.matchAll(PAYMENT_PERIOD)];
  const rel = rels.length ? rels[rels.length - 1] : null;
  // The last event named before the period is the one it counts from.
  const before = rel ? condition.slice(0, rel.index ?? 0) : condition;
  const named = EVENTS.map(([key, re, label]) => {
    let last = -1;
    for (const m of before.matchAll(new RegExp(re.source, 'g'))) last = m.index ?? last;
    return { key, label, at: last };
  })
    .filter((e) => e.at >= 0)
    .sort((a, b) => b.at - a.at)[0];
  if (!rel || !named) return { dueDate: null, basis: '合同未约定具体付款期限', needs: null };
  const period = readDuration(rel[1], rel[2]);
  const n = period?.value ?? null;
  const from = events[named.key];
  if (n === null) return { dueDate: null, basis: '合同未约定具体付款期限', needs: null };
  if (!from) return { dueDate: null, basis: `需输入“${named.label}”日期`, needs: named.key };
  const unit = period!.unit;
  const due =
    unit === 'workday'
      ? addWorkingDays(from, n, calendar)
      : unit === 'day'
        ? addDays(from, n)
        : addMonths(from, n);
  const note =
    unit === 'workday' && !coversYear(due, calendar) ? '（该年份节假日未录入，仅扣除周末）' : '';
  return {
    dueDate: due,
    basis: `${named.label}（${from}）后 ${n} ${rel[2] === '工作日' ? '个工作日' : rel[2]}${note}`,
    needs: null,
  };
}

/** The schedule of all installments. */
export function paymentSchedule(
  installments: Installment[],
  events: PaymentEvents,
  calendar: HolidayCalendar = PRC_HOLIDAYS,
): ScheduledPayment[] {
  return installments.map((i) => ({
    sequence: i.sequence,
    percent: i.percent,
    yuan: i.yuan,
    condition: i.condition,
    ...dueDateOf(i.condition, events, calendar),
  }));
}

/**
 * Tax split (价税分离): amount excluding tax = total ÷ (1 + rate), tax = total − that, both to
 * the fen. E.g. 1,168,000.00 at 6 % → 1,101,886.79 + 66,113.21.
 */
export function taxSplit(
  totalYuan: string,
  ratePercent: string,
): { excludingTax: string; tax: string; steps: Step[] } {
  const total = new Decimal(totalYuan);
  const rate = new Decimal(ratePercent);
  if (!total.isFinite() || total.isNegative() || !rate.isFinite() || rate.isNegative())
    throw new RangeError(`金额和税率必须是非负数 (amount and rate must be ≥ 0)`);
  const excl = total.div(rate.div(100).plus(1)).toDecimalPlaces(2, Decimal.ROUND_HALF_UP);
  const tax = total.minus(excl);
  return {
    excludingTax: excl.toFixed(2),
    tax: tax.toFixed(2),
    steps: [
      {
        label: '不含税金额',
        expression: `${total.toFixed(2)} ÷ (1 + ${rate.toString()}%)`,
        value: excl.toFixed(2),
      },
      {
        label: '税额',
        expression: `${total.toFixed(2)} − ${excl.toFixed(2)}`,
        value: tax.toFixed(2),
      },
    ],
  };
}

/** Figures → 大写 (`280000` → `贰拾捌万元整`). @throws RangeError for a negative or invalid amount */
export function toWritten(yuan: string): string {
  const d = new Decimal(yuan);
  if (!d.isFinite() || d.isNegative()) throw new RangeError(`金额无效 (invalid amount: ${yuan})`);
  return writeAmount(d);
}

/** 大写 → figures (two-place yuan), or null when the text is not a capital amount. */
export function fromWritten(text: string): string | null {
  const d = parseWrittenAmount(text.trim());
  return d ? d.toFixed(2) : null;
}
