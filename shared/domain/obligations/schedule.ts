/**
 * The obligation checklist: every obligation turned into concrete dated items over the service
 * period — daily items for each day, weekly every 7 days from the start, monthly at each month's
 * end (or on the day the contract names: `每月5日前提交上月…` → the 5th of the next month), quarterly and half-yearly at calendar quarter and half-year ends, annual at each contract
 * year's end; one-off items dated from the contract's own dates (`服务期满后30日内` → end + 30
 * days); continuous and event-driven duties as one standing item.
 */
import { MONTH_DAY, type Obligation, type Frequency } from './extract';
import { parseChineseInteger } from '../text/chinese-numerals';
import { addMonths } from '../recognize/dates';
import { addDays, type HolidayCalendar, PRC_HOLIDAYS } from '../calendar/holidays';
import { dueDateOf, type PaymentEvents } from '../calculators/payments';
import { ZH_PAYMENT_WORDS, type PaymentWords } from '../calculators/words';

/** Review status of a checklist item: 未开始 / 进行中 / 已完成 / 不适用. */
export type ChecklistStatus = 'not_started' | 'in_progress' | 'done' | 'not_applicable';

export const CHECKLIST_STATUS_LABELS: Record<ChecklistStatus, string> = {
  not_started: '未开始',
  in_progress: '进行中',
  done: '已完成',
  not_applicable: '不适用',
};

/** One dated item of the checklist. `id` is stable: obligation id and due date. */
export interface ChecklistItem {
  id: string;
  obligationId: string;
  clauseId: string | null;
  party: 'partyA' | 'partyB';
  frequency: Frequency;
  action: string;
  deliverable: string | null;
  /** ISO due date; null for standing items and for one-offs whose starting event is unknown. */
  dueDate: string | null;
  /** `YYYY-MM` of the due date (the monthly view groups by it), or null. */
  month: string | null;
  basis: string;
}

function endOfMonth(iso: string): string {
  return addMonths(`${iso.slice(0, 7)}-01`, 1, -1);
}

function datesFor(frequency: Frequency, start: string, end: string): string[] {
  const out: string[] = [];
  switch (frequency) {
    case 'daily':
      for (let d = start; d <= end; d = addDays(d, 1)) out.push(d);
      break;
    case 'weekly':
      for (let d = addDays(start, 6); d <= end; d = addDays(d, 7)) out.push(d);
      break;
    case 'monthly':
      for (
        let m = endOfMonth(start);
        m <= end || m.slice(0, 7) === end.slice(0, 7);
        m = endOfMonth(addDays(m, 1))
      ) {
        out.push(m > end ? end : m);
        if (m >= end) break;
      }
      break;
    case 'quarterly':
    case 'semiannual': {
      const months = frequency === 'quarterly' ? ['03', '06', '09', '12'] : ['06', '12'];
      for (let y = Number(start.slice(0, 4)); y <= Number(end.slice(0, 4)); y++)
        for (const m of months) {
          const d = endOfMonth(`${y}-${m}-01`);
          if (d >= start && d <= end) out.push(d);
        }
      if (!out.length || out[out.length - 1] < end) out.push(end); // the period's last, partial one
      break;
    }
    case 'annual':
      for (let k = 1; ; k++) {
        const d = addMonths(start, 12 * k, -1);
        if (d > end) break;
        out.push(d);
      }
      if (!out.length || out[out.length - 1] < end) out.push(end);
      break;
    default:
      break;
  }
  return out;
}

/**
 * The dated checklist of a contract's obligations.
 * @param period the service period; without start and end only one-off and standing items are made
 * @param words the language of each item's `basis` (Chinese by default, as the exports have it)
 */
export function checklistItems(
  obligations: Omit<Obligation, 'span'>[],
  period: { start: string | null; end: string | null },
  events: PaymentEvents,
  calendar: HolidayCalendar = PRC_HOLIDAYS,
  words: PaymentWords = ZH_PAYMENT_WORDS,
): ChecklistItem[] {
  const items: ChecklistItem[] = [];
  for (const o of obligations) {
    const base = {
      obligationId: o.id,
      clauseId: o.clauseId,
      party: o.party,
      frequency: o.frequency,
      action: o.action,
      deliverable: o.deliverable,
    };
    if (o.frequency === 'once') {
      const due = o.deadline
        ? dueDateOf(
            o.deadline,
            { ...events, serviceEnd: events.serviceEnd ?? period.end },
            calendar,
            words,
          )
        : null;
      items.push({
        ...base,
        id: `${o.id}@once`,
        dueDate: due?.dueDate ?? null,
        month: due?.dueDate?.slice(0, 7) ?? null,
        basis: due ? due.basis : words.noDeadline,
      });
    } else if (
      o.frequency === 'continuous' ||
      o.frequency === 'on_event' ||
      o.frequency === 'hourly'
    ) {
      items.push({
        ...base,
        id: `${o.id}@standing`,
        dueDate: null,
        month: null,
        basis: o.frequency === 'on_event' ? words.onEvent : words.continuous,
      });
    } else if (period.start && period.end) {
      const byDay = o.frequency === 'monthly' && o.deadline ? MONTH_DAY.exec(o.deadline) : null;
      const day = byDay ? parseChineseInteger(byDay[1]) : null;
      // `每月5日前提交上月…`: the month's item falls due on that day of the next month.
      const nextMonth = /上月|上个月|前一月|前一个月/.test(o.action);
      const dates =
        day && day >= 1 && day <= 31
          ? datesFor('monthly', period.start, period.end).map((monthEnd) => {
              const month = nextMonth ? addDays(monthEnd, 1).slice(0, 7) : monthEnd.slice(0, 7);
              const last = endOfMonth(`${month}-01`);
              const d = `${month}-${String(day).padStart(2, '0')}`;
              return d > last ? last : d;
            })
          : datesFor(o.frequency, period.start, period.end);
      for (const d of dates)
        items.push({
          ...base,
          id: `${o.id}@${d}`,
          dueDate: d,
          month: d.slice(0, 7),
          basis: day ? words.byDeadline(o.deadline!) : words.byPeriod,
        });
    }
  }
  return items.sort(
    (a, b) => (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999') || a.id.localeCompare(b.id),
  );
}
