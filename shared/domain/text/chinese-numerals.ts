/**
 * Chinese numerals via nzh: small forms (一二三…十二, 两, 〇) for clause numbers and dates, and
 * capital money (大写金额, e.g. `叁拾柒万伍仟玖佰捌拾元整`) in both directions.
 */
import Decimal from 'decimal.js';
import Nzh from 'nzh';
import {
  CAPITAL_CHARS,
  CAPITAL_DIGIT_CHARS,
  CAPITAL_NUMERALS,
  NUMERAL_CHARS,
  NUMERALS,
} from '../lexicon/numerals';

const nzhcn = Nzh.cn;

/**
 * Parses Arabic digits or a Chinese numeral (`十二`, `一百零五`, `二〇二五` read digit by digit
 * when it has no unit characters). Returns null when the text is not a number.
 */
export function parseChineseInteger(text: string): number | null {
  // Capital numerals (大写, `壹年`, `叁拾日`) read as their ordinary forms.
  const t = text.trim().replace(CAPITAL_RUN, (c) => CAPITAL_TO_LOWER.get(c) ?? c);
  if (/^\d+$/.test(t)) return Number(t);
  if (!ORDINARY.test(t)) return null;
  if (![...t].some((ch) => VALUE.get(ch)!.kind === 'unit')) {
    // Digit-by-digit forms such as 二〇二五.
    let n = 0;
    for (const ch of t) n = n * 10 + VALUE.get(ch)!.value;
    return n;
  }
  const v = Number(nzhcn.decodeS(t.replace(/两/g, '二').replace(/〇/g, '零')));
  return Number.isFinite(v) ? v : null;
}

const VALUE = new Map(NUMERALS.map((n) => [n.char, n]));
const ORDINARY = new RegExp(`^[${NUMERAL_CHARS}]+$`);
const CAPITAL_RUN = new RegExp(`[${CAPITAL_DIGIT_CHARS}拾佰仟]`, 'g');
/** 壹 → 一 … 仟 → 千: each capital numeral to the ordinary one of the same value. */
const CAPITAL_TO_LOWER = new Map(
  CAPITAL_NUMERALS.filter((c) => c.value > 0 && c.value < 10000).map((c) => [
    c.char,
    NUMERALS.find((n) => n.value === c.value && n.char !== '两')!.char,
  ]),
);

const MONEY_CHARS = `${CAPITAL_CHARS}元圆角分整正`;

/** Matches a run of capital-money characters (大写金额) of at least two characters; a stray space inside (`叁佰 万元`) is allowed. */
export const WRITTEN_AMOUNT_RE = new RegExp(
  `[${MONEY_CHARS}](?:[ \\u3000]{0,2}[${MONEY_CHARS}])+`,
  'g',
);

/** `…元`, then `…角`, then `…分`, each optional (the digits of 角 and 分 may follow a 零). */
const WRITTEN_PARTS = new RegExp(
  `^(?:(.*?)[元圆])?(?:(零?[${CAPITAL_DIGIT_CHARS}])角)?(?:(零?[${CAPITAL_DIGIT_CHARS}])分)?$`,
);
const CAPITAL_ONLY = new RegExp(`^[${CAPITAL_CHARS}]+$`);
const CAPITAL_VALUE = new Map(CAPITAL_NUMERALS.map((c) => [c.char, c]));

/**
 * Reads a capital-money amount (大写金额) into yuan.
 * Accepts `人民币` prefixes, `元`/`圆`, `角`, `分` and a trailing `整`/`正`.
 * @returns the amount as a Decimal (yuan), or null when the text is not a well-formed amount
 */
export function parseWrittenAmount(text: string): Decimal | null {
  const t = text
    .replace(/^人民币/, '')
    .replace(/[整正]$/, '')
    .replace(/\s/g, '');
  const m = WRITTEN_PARTS.exec(t);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  let yuan = new Decimal(0);
  if (m[1]) {
    const intPart = m[1].replace(/^零+/, '');
    if (intPart.length) {
      if (!CAPITAL_ONLY.test(intPart)) return null;
      const v = nzhcn.decodeB(intPart);
      if (v === undefined || v === null || Number.isNaN(Number(v))) return null;
      yuan = new Decimal(String(v));
    }
  }
  const digit = (s?: string) => (s ? CAPITAL_VALUE.get(s.replace(/^零/, ''))!.value : 0);
  yuan = yuan.plus(new Decimal(digit(m[2])).div(10)).plus(new Decimal(digit(m[3])).div(100));
  return yuan;
}

/**
 * Writes yuan as capital money the way Chinese contracts do (`贰拾捌万元整`, `壹万元零伍分`).
 * @param yuan a non-negative amount; rounded half-up to the fen
 */
export function writeAmount(yuan: Decimal): string {
  const fixed = yuan.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
  const text = nzhcn.toMoney(fixed, { outSymbol: false }) as string;
  return /[元圆]$/.test(text) ? `${text}整` : text;
}
