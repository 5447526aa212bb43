/**
 * Dates as Chinese contracts write them: `2026年5月20日`, `二〇二五年 6 月 10 日`, `2026.5.20`,
 * `2026-05-20`, `2026/5/20`; and incomplete dates with a blank part (`2025年6月 日`).
 */
import { parseChineseInteger } from '../text/chinese-numerals';
import { COUNT_CHARS, DIGIT_CHARS } from '../lexicon/numerals';

/** A date found in the text. `iso` is `YYYY-MM-DD`, or null when a part is blank. */
export interface DateMatch {
  iso: string | null;
  start: number;
  end: number;
  text: string;
}

const Y = `(\\d{4}|[${DIGIT_CHARS}]{4})`;
const MD = `(\\d{1,2}|[${COUNT_CHARS}]{1,3})`;
const DATE_RE = new RegExp(
  `${Y}\\s*年\\s*(?:${MD}\\s*月\\s*(?:${MD}\\s*[日号]|[_＿\\s]*日)|[_＿\\s]*月[_＿\\s]*日)|(\\d{4})[.\\-/](\\d{1,2})[.\\-/](\\d{1,2})(?!\\d)`,
  'g',
);

function iso(y: number, m: number, d: number): string | null {
  if (m < 1 || m > 12 || d < 1 || d > 31) return null;
  const dt = new Date(Date.UTC(y, m - 1, d));
  if (dt.getUTCMonth() !== m - 1) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Every date in `text`; incomplete dates (blank month or day) have `iso: null`. */
export function findDates(text: string, base = 0): DateMatch[] {
  const out: DateMatch[] = [];
  DATE_RE.lastIndex = 0;
  for (let m = DATE_RE.exec(text); m; m = DATE_RE.exec(text)) {
    let value: string | null = null;
    if (m[4]) value = iso(Number(m[4]), Number(m[5]), Number(m[6]));
    else {
      const y = parseChineseInteger(m[1]);
      const mo = m[2] ? parseChineseInteger(m[2]) : null;
      const d = m[3] ? parseChineseInteger(m[3]) : null;
      value = y && mo && d ? iso(y, mo, d) : null;
    }
    out.push({ iso: value, start: base + m.index, end: base + m.index + m[0].length, text: m[0] });
  }
  return out;
}

/**
 * Adds whole months to an ISO date (day clamped to the month's end) and then `days` days.
 * Used for service periods: 18 months from 2026-05-20, minus one day, ends 2027-11-19.
 */
export function addMonths(isoDate: string, months: number, days = 0): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const last = new Date(
    Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0),
  ).getUTCDate();
  target.setUTCDate(Math.min(d, last));
  target.setUTCDate(target.getUTCDate() + days);
  return target.toISOString().slice(0, 10);
}

/** Whole months between two ISO dates when `end` is the day before a month boundary of `start`. */
export function monthsBetween(start: string, end: string): number | null {
  for (let n = 1; n <= 240; n++) {
    const e = addMonths(start, n, -1);
    if (e === end) return n;
    if (e > end) return null;
  }
  return null;
}
