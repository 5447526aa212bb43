/**
 * Money and percentages as Chinese contracts write them: `人民币¥6,980,000.00元`, `150392 元`,
 * `¥1168000`, `12.5万元`, and capital money (大写) next to figures. Money is a Decimal in yuan.
 */
import Decimal from 'decimal.js';
import { WRITTEN_AMOUNT_RE, parseWrittenAmount } from '../text/chinese-numerals';
import { RATE_SOURCE } from './rates';
import { CAPITAL_COUNT_CHARS } from '../lexicon/numerals';
import { MONEY_WORDS } from '../lexicon/units';

/** An amount found in the text; `start`/`end` cover the figures and unit. */
export interface MoneyMatch {
  yuan: Decimal;
  start: number;
  end: number;
}

/** Units of money after figures (`万元`, `元`), longest first. */
const MONEY_UNITS = [...MONEY_WORDS]
  .sort((a, b) => b.word.length - a.word.length)
  .map((w) => w.word)
  .join('|');
const FIGURES = String.raw`(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d{1,2})?`;
const MONEY_RE = new RegExp(
  // Figures without ¥ start where their run starts: linear time on a long run of digits.
  String.raw`(?:[¥￥]\s*(${FIGURES})(?:\s*(${MONEY_UNITS}))?|(?<!\d)(${FIGURES})\s*(${MONEY_UNITS}))`,
  'g',
);

/** Every amount in figures in `text` (offsets relative to `text` plus `base`). */
export function findMoney(text: string, base = 0): MoneyMatch[] {
  const out: MoneyMatch[] = [];
  MONEY_RE.lastIndex = 0;
  for (let m = MONEY_RE.exec(text); m; m = MONEY_RE.exec(text)) {
    const digits = (m[1] ?? m[3]).replace(/,/g, '');
    const unit = m[2] ?? m[4];
    const per = MONEY_WORDS.find((w) => w.word === unit)?.yuan ?? 1;
    const yuan = new Decimal(digits).times(per);
    // Skip numbers glued to preceding digits or letters (account numbers, ids).
    const before = text[m.index - 1];
    if (before && /[0-9A-Za-z.]/.test(before)) continue;
    out.push({ yuan, start: base + m.index, end: base + m.index + m[0].length });
  }
  return out;
}

/** A capital-money amount (大写) found in the text. */
export interface WrittenMatch {
  yuan: Decimal;
  text: string;
  start: number;
  end: number;
}

const CAPITAL_COUNT = new RegExp(`[零${CAPITAL_COUNT_CHARS}]`);

/** Every capital-money amount (大写金额) in `text` that reads as a valid amount. */
export function findWrittenAmounts(text: string, base = 0): WrittenMatch[] {
  const out: WrittenMatch[] = [];
  const re = new RegExp(WRITTEN_AMOUNT_RE.source, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const written = m[0].replace(/[ \u3000]/g, '');
    if (!/[元圆角分]/.test(written)) continue;
    // A unit without a capital digit (`2万元` read from `万元`) is not an amount.
    if (!CAPITAL_COUNT.test(written) || /\d/.test(text[m.index - 1] ?? '')) continue;
    const yuan = parseWrittenAmount(written);
    if (!yuan) continue;
    out.push({ yuan, text: written, start: base + m.index, end: base + m.index + m[0].length });
  }
  return out;
}

/** Formats yuan as REPORT.md money: a two-place decimal string, half-up to the fen. */
export function yuanString(yuan: Decimal): string {
  return yuan.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

/** Formats a percentage for REPORT.md: a decimal string without trailing zeros (`"0.1"`). */
export function percentString(p: Decimal): string {
  return p.toString();
}

/**
 * Percent of the contract total (`合同总金额的 40%`, `合同金额剩余30%`, `总价款的【5%】`,
 * `合同总价款的百分之三十`, `合同价的30%`, `剩余20%合同价款`); group 1 (or 2, for the rate before
 * the base) is the rate as written, read with {@link ratePercent}.
 */
export const PERCENT_OF_TOTAL_RE = new RegExp(
  `(?:合同|项目)(?:总)?(?:金额|价款|总价款?|款项|总项目款项|总额|价)(?:的)?(?:剩余)?\\s*[【\\[]?\\s*${RATE_SOURCE}|(?:剩余|余下|其余)\\s*${RATE_SOURCE}\\s*(?:的)?(?:合同|项目)(?:总)?(?:价款|金额|款项|价|款)`,
  'g',
);
