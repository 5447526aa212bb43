/**
 * Durations as typed mentions: a count (figures, ordinary or capital numerals, `半`) and a unit
 * of time from `lexicon/units.ts`. Every reader of a time limit, deadline or period builds its
 * pattern with {@link durationUnitSource} and reads the match with {@link readDuration}, so a new
 * unit word is added once, in the lexicon.
 */
import escapeStringRegexp from 'escape-string-regexp';
import { CAPITAL_COUNT_CHARS, COUNT_CHARS } from '../lexicon/numerals';
import { DURATION_WORDS, UNIT_MINUTES, type DurationUnit } from '../lexicon/units';
import { parseChineseInteger } from '../text/chinese-numerals';

export type { DurationUnit };

/** A duration: `value` units (`value` may be fractional: `半小时` is 0.5 hour, `1.5小时`). */
export interface Duration {
  value: number;
  unit: DurationUnit;
}

/** Which words {@link durationUnitSource} includes beyond the Chinese ones. */
export interface UnitWordOptions {
  /** English abbreviations (`mins`, `hrs`, `h`), not matched inside a word. Build such patterns case-insensitive. */
  english?: boolean;
  /**
   * Bare `月`, which is also a calendar month (`3月1日`): only where the pattern's context
   * (`…内`, `每…`) rules the date out.
   */
  bareMonth?: boolean;
}

/**
 * Regex source (no capturing group) of the words for `units`, longest first so that `个工作日`
 * wins over `工作日` and `日`.
 */
export function durationUnitSource(
  units: readonly DurationUnit[],
  { english = false, bareMonth = false }: UnitWordOptions = {},
): string {
  return DURATION_WORDS.filter(
    (w) => units.includes(w.unit) && (english || !w.english) && (bareMonth || w.word !== '月'),
  )
    .sort((a, b) => b.word.length - a.word.length)
    .map((w) =>
      w.english ? `${escapeStringRegexp(w.word)}(?![A-Za-z])` : escapeStringRegexp(w.word),
    )
    .join('|');
}

/**
 * Regex source (no capturing group) of a count of time: figures with decimals, numerals, `半`.
 * Figures and numerals each start where their run starts, for linear time on long runs (see
 * `COUNT_SOURCE`).
 */
export const DURATION_COUNT_SOURCE = `半|(?<!\\d)\\d+(?:\\.\\d+)?|(?<![${COUNT_CHARS}${CAPITAL_COUNT_CHARS}])[${COUNT_CHARS}${CAPITAL_COUNT_CHARS}]+`;

/** The unit a word stands for (`个工作日` → workday, `hrs` → hour); undefined when it is none. */
export function unitOf(word: string): DurationUnit | undefined {
  const w = word.trim();
  return UNIT_OF.get(w) ?? UNIT_OF.get(w.toLowerCase());
}

const UNIT_OF = new Map(DURATION_WORDS.map((d) => [d.word, d.unit]));

/**
 * The value of a count as written: `15`, `1.5`, `十五`, `两`, `壹`, `半` (0.5). Null when the text
 * is not a count.
 */
export function countValue(text: string): number | null {
  const t = text.replace(/[\s【】[\]]+/g, '');
  if (t === '半') return 0.5;
  if (/^\d+(?:\.\d+)?$/.test(t)) return Number(t);
  return parseChineseInteger(t);
}

/**
 * Reads a count and a unit word into a duration (`('十五', '日')` → 15 days). Null when either
 * is not what it should be.
 */
export function readDuration(count: string, unitWord: string): Duration | null {
  const value = countValue(count);
  const unit = unitOf(unitWord);
  return value === null || !unit ? null : { value, unit };
}

/**
 * A duration in minutes (a day and a working day are 1,440 minutes, REPORT.md `serviceLevels`).
 * Null for months and years, which have no fixed length.
 */
export function durationMinutes(d: Duration): number | null {
  const per = UNIT_MINUTES[d.unit];
  return per === null ? null : d.value * per;
}

/** A duration in months (a year is 12); null for units shorter than a month. */
export function durationMonths(d: Duration): number | null {
  return d.unit === 'year' ? d.value * 12 : d.unit === 'month' ? d.value : null;
}

/** A duration found in the text. */
export interface DurationMatch {
  duration: Duration;
  start: number;
  end: number;
}

/** Every unit of time, bare `月` excepted (a calendar month in `3月1日`). */
const ANY_DURATION_RE = new RegExp(
  `(${DURATION_COUNT_SOURCE})\\s*(${durationUnitSource(
    DURATION_WORDS.map((w) => w.unit).filter((u, i, all) => all.indexOf(u) === i),
  )})`,
  'g',
);

/** Every duration in `text`: `15分钟`, `三个工作日`, `半年`, `2年` (offsets plus `base`). */
export function findDurations(text: string, base = 0): DurationMatch[] {
  const out: DurationMatch[] = [];
  for (const m of text.matchAll(ANY_DURATION_RE)) {
    // A count glued to the digits before it is part of another number (`2026年`, not `26年`).
    if (/\d/.test(text[m.index - 1] ?? '') && /^\d/.test(m[1])) continue;
    const duration = readDuration(m[1], m[2]);
    if (duration) out.push({ duration, start: base + m.index, end: base + m.index + m[0].length });
  }
  return out;
}
