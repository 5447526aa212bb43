/**
 * Rates as Chinese contracts write them: `0.5%`, `5‰`, `百分之五`, `千分之五`, `万分之五`,
 * `百分之零点五`. Penalty rates per day are very often given per mille (千分之) or per ten
 * thousand (万分之); reports carry every rate in percent.
 */
import escapeStringRegexp from 'escape-string-regexp';
import Decimal from 'decimal.js';
import Nzh from 'nzh';
import { parseChineseInteger } from '../text/chinese-numerals';
import { COUNT_CHARS, DIGIT_CHARS } from '../lexicon/numerals';
import { RATE_WORDS } from '../lexicon/units';

const SIGNS = RATE_WORDS.filter((w) => w.position === 'after' && w.word !== '倍')
  .map((w) => escapeStringRegexp(w.word))
  .join('');
const WORDS = RATE_WORDS.filter((w) => w.position === 'before')
  .map((w) => w.word)
  .join('|');
const FIGURES = '\\d+(?:\\.\\d+)?';

/**
 * Regex source matching one rate, in one capturing group (so it can sit inside larger patterns
 * without shifting their groups beyond one): `5%`, `【30】%`, `千分之六`, `百分之零点五`, `5倍`.
 */
export const RATE_SOURCE = `(${FIGURES}\\s*[${SIGNS}]|[【\\[]\\s*${FIGURES}\\s*[】\\]]\\s*[${SIGNS}]|(?:${WORDS})(?:${FIGURES}|[${COUNT_CHARS}]+(?:点[${DIGIT_CHARS}]+)?)|(?:${FIGURES}|[${COUNT_CHARS}]|双)\\s*倍)`;

const TIMES = new RegExp(`^(${FIGURES}|[${COUNT_CHARS}]|双)倍$`);
const SIGNED = new RegExp(`^(${FIGURES})([${SIGNS}])$`);
const WORDED = new RegExp(`^(${WORDS})(.+)$`);
const divisorOf = (word: string) => RATE_WORDS.find((w) => w.word === word)!.divisor;

/** A number in figures or Chinese numerals, decimals included (`零点五` → 0.5), read with nzh. */
function numberOf(s: string): Decimal | null {
  if (/^\d/.test(s)) return new Decimal(s);
  if (!s.includes('点')) {
    const whole = parseChineseInteger(s);
    return whole === null ? null : new Decimal(whole);
  }
  const v = Number(Nzh.cn.decodeS(s.replace(/〇/g, '零').replace(/两/g, '二')));
  return Number.isFinite(v) ? new Decimal(String(v)) : null;
}

/**
 * The percent a rate stands for: `0.5%` → 0.5, `【20】%` → 20, `5倍` → 500, `5‰` → 0.5, `千分之五` → 0.5, `万分之五` → 0.05,
 * `百分之三十` → 30. Null when `text` is not a rate.
 */
export function ratePercent(text: string): Decimal | null {
  const t = text.replace(/[\s【】[\]]+/g, '');
  const times = TIMES.exec(t);
  if (times) {
    const n = times[1] === '双' ? new Decimal(2) : numberOf(times[1]);
    return n ? n.div(divisorOf('倍')) : null;
  }
  const sign = SIGNED.exec(t);
  if (sign) return new Decimal(sign[1]).div(divisorOf(sign[2]));
  const words = WORDED.exec(t);
  if (!words) return null;
  const n = numberOf(words[2]);
  if (!n) return null;
  return n.div(divisorOf(words[1]));
}

/** A rate found in the text; `percent` is the rate in percent (`千分之五` → 0.5). */
export interface RateMatch {
  percent: Decimal;
  start: number;
  end: number;
}

const RATE_RE = new RegExp(RATE_SOURCE, 'g');

/** Every rate in `text` that reads as one (offsets relative to `text` plus `base`). */
export function findRates(text: string, base = 0): RateMatch[] {
  const out: RateMatch[] = [];
  for (const m of text.matchAll(RATE_RE)) {
    const percent = ratePercent(m[1]);
    if (percent) out.push({ percent, start: base + m.index, end: base + m.index + m[0].length });
  }
  return out;
}
