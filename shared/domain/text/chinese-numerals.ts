/**
 * Chinese numerals via nzh: small forms (一二三…十二, 两, 〇) for clause numbers and dates, and
 * capital money (大写金额, e.g. `叁拾柒万伍仟玖佰捌拾元整`) in both directions.
 */
import Decimal from 'decimal.js';
import Nzh from 'nzh';

const nzhcn = Nzh.cn;

/**
 * Parses Arabic digits or a Chinese numeral (`十二`, `一百零五`, `二〇二五` read digit by digit
 * when it has no unit characters). Returns null when the text is not a number.
 */
export function parseChineseInteger(text: string): number | null {
  // Capital numerals (大写, `壹年`, `叁拾日`) read as their ordinary forms.
  const t = text.trim().replace(/[壹贰叁肆伍陆柒捌玖拾佰仟]/g, (c) => CAPITAL_TO_LOWER[c]);
  if (/^\d+$/.test(t)) return Number(t);
  if (!/^[零〇一二两三四五六七八九十百千万]+$/.test(t)) return null;
  if (!/[十百千万]/.test(t)) {
    // Digit-by-digit forms such as 二〇二五.
    const digits = '〇一二三四五六七八九';
    let n = 0;
    for (const ch of t) n = n * 10 + (ch === '零' ? 0 : ch === '两' ? 2 : digits.indexOf(ch));
    return n;
  }
  const v = Number(nzhcn.decodeS(t.replace(/两/g, '二').replace(/〇/g, '零')));
  return Number.isFinite(v) ? v : null;
}

const CAPITAL_TO_LOWER: Record<string, string> = {
  壹: '一',
  贰: '二',
  叁: '三',
  肆: '四',
  伍: '五',
  陆: '六',
  柒: '七',
  捌: '八',
  玖: '九',
  拾: '十',
  佰: '百',
  仟: '千',
};

const CAPITAL_CHARS = '零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆角分整正';

/** Matches a run of capital-money characters (大写金额) of at least two characters; a stray space inside (`叁佰 万元`) is allowed. */
export const WRITTEN_AMOUNT_RE = new RegExp(
  `[${CAPITAL_CHARS}](?:[ \\u3000]{0,2}[${CAPITAL_CHARS}])+`,
  'g',
);

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
  const m =
    /^(?:(.*?)[元圆])?(?:(零?[壹贰叁肆伍陆柒捌玖])角)?(?:(零?[壹贰叁肆伍陆柒捌玖])分)?$/.exec(t);
  if (!m || (!m[1] && !m[2] && !m[3])) return null;
  let yuan = new Decimal(0);
  if (m[1]) {
    const intPart = m[1].replace(/^零+/, '');
    if (intPart.length) {
      if (!/^[零壹贰叁肆伍陆柒捌玖拾佰仟万亿]+$/.test(intPart)) return null;
      const v = nzhcn.decodeB(intPart);
      if (v === undefined || v === null || Number.isNaN(Number(v))) return null;
      yuan = new Decimal(String(v));
    }
  }
  const digit = (s?: string) => (s ? '零壹贰叁肆伍陆柒捌玖'.indexOf(s.replace(/^零/, '')) : 0);
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
