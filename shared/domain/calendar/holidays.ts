/**
 * Working days on the PRC public-holiday calendar (法定节假日 with their adjusted working days,
 * 调休). Shipped years follow the State Council General Office notices on holiday arrangements
 * (国务院办公厅关于2024年/2025年/2026年部分节假日安排的通知, the last of 4 November 2025); other
 * years count weekends only until the user adds them — the calendar is editable and saved in the
 * store.
 */

/** A holiday calendar: ISO dates off work, ISO weekend dates that are working days. */
export interface HolidayCalendar {
  /** Years whose official arrangement the calendar holds. */
  years: number[];
  holidays: string[];
  workdays: string[];
  source: string;
}

function range(from: string, to: string): string[] {
  const out: string[] = [];
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d.setUTCDate(d.getUTCDate() + 1)
  )
    out.push(d.toISOString().slice(0, 10));
  return out;
}

/** The official arrangements for 2024, 2025 and 2026. */
export const PRC_HOLIDAYS: HolidayCalendar = {
  years: [2024, 2025, 2026],
  holidays: [
    // 2024
    '2024-01-01',
    ...range('2024-02-10', '2024-02-17'),
    ...range('2024-04-04', '2024-04-06'),
    ...range('2024-05-01', '2024-05-05'),
    '2024-06-10',
    ...range('2024-09-15', '2024-09-17'),
    ...range('2024-10-01', '2024-10-07'),
    // 2025
    '2025-01-01',
    ...range('2025-01-28', '2025-02-04'),
    ...range('2025-04-04', '2025-04-06'),
    ...range('2025-05-01', '2025-05-05'),
    ...range('2025-05-31', '2025-06-02'),
    ...range('2025-10-01', '2025-10-08'),
    // 2026
    ...range('2026-01-01', '2026-01-03'),
    ...range('2026-02-15', '2026-02-23'),
    ...range('2026-04-04', '2026-04-06'),
    ...range('2026-05-01', '2026-05-05'),
    ...range('2026-06-19', '2026-06-21'),
    ...range('2026-09-25', '2026-09-27'),
    ...range('2026-10-01', '2026-10-07'),
  ],
  workdays: [
    '2024-02-04',
    '2024-02-18',
    '2024-04-07',
    '2024-04-28',
    '2024-05-11',
    '2024-09-14',
    '2024-09-29',
    '2024-10-12',
    '2025-01-26',
    '2025-02-08',
    '2025-04-27',
    '2025-09-28',
    '2025-10-11',
    '2026-01-04',
    '2026-02-14',
    '2026-02-28',
    '2026-05-09',
    '2026-09-20',
    '2026-10-10',
  ],
  source: '国务院办公厅关于2024年、2025年、2026年部分节假日安排的通知',
};

/** Whether `iso` is a working day: a weekday that is not a holiday, or an adjusted working day. */
export function isWorkingDay(iso: string, calendar: HolidayCalendar = PRC_HOLIDAYS): boolean {
  if (calendar.workdays.includes(iso)) return true;
  if (calendar.holidays.includes(iso)) return false;
  const day = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return day !== 0 && day !== 6;
}

/** The date `n` working days after `iso` (the start day itself not counted). */
export function addWorkingDays(
  iso: string,
  n: number,
  calendar: HolidayCalendar = PRC_HOLIDAYS,
): string {
  const d = new Date(`${iso}T00:00:00Z`);
  let left = n;
  while (left > 0) {
    d.setUTCDate(d.getUTCDate() + 1);
    if (isWorkingDay(d.toISOString().slice(0, 10), calendar)) left--;
  }
  return d.toISOString().slice(0, 10);
}

/** Calendar days after `iso`. */
export function addDays(iso: string, n: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}

/** Whether the calendar holds the official arrangement of the year of `iso`. */
export function coversYear(iso: string, calendar: HolidayCalendar = PRC_HOLIDAYS): boolean {
  return calendar.years.includes(Number(iso.slice(0, 4)));
}
