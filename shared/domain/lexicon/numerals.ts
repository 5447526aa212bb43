/**
 * Chinese numerals as data: the ordinary (小写) characters of counts, clause numbers and dates,
 * and the capital (大写) characters of written amounts and of some periods (`壹年`). Each entry
 * carries its value and an example; `text/chinese-numerals.ts` reads them (with nzh), and every
 * pattern that accepts a number written in Chinese builds its character class from here.
 */

/** One numeral character. A `digit` stands for its value; a `unit` multiplies (十, 百, 千, 万, 亿). */
export interface Numeral {
  char: string;
  value: number;
  kind: 'digit' | 'unit';
  /** A phrase of a contract using it. */
  example: string;
}

/** Ordinary numerals (小写数字). */
export const NUMERALS: readonly Numeral[] = [
  { char: '零', value: 0, kind: 'digit', example: '一百零五日' },
  { char: '〇', value: 0, kind: 'digit', example: '二〇二五年三月一日' },
  { char: '一', value: 1, kind: 'digit', example: '服务期一年' },
  { char: '二', value: 2, kind: 'digit', example: '第二条' },
  { char: '两', value: 2, kind: 'digit', example: '保密期限为两年' },
  { char: '三', value: 3, kind: 'digit', example: '三个工作日内' },
  { char: '四', value: 4, kind: 'digit', example: '四小时内解决' },
  { char: '五', value: 5, kind: 'digit', example: '万分之五' },
  { char: '六', value: 6, kind: 'digit', example: '千分之六' },
  { char: '七', value: 7, kind: 'digit', example: '七日内' },
  { char: '八', value: 8, kind: 'digit', example: '八小时内到达现场' },
  { char: '九', value: 9, kind: 'digit', example: '第九条' },
  { char: '十', value: 10, kind: 'unit', example: '十五日内支付' },
  { char: '百', value: 100, kind: 'unit', example: '百分之二十' },
  { char: '千', value: 1000, kind: 'unit', example: '千分之五' },
  { char: '万', value: 10000, kind: 'unit', example: '五万元' },
];

/** Capital numerals (大写数字) of written amounts (大写金额), and of periods (`壹年`). */
export const CAPITAL_NUMERALS: readonly Numeral[] = [
  { char: '零', value: 0, kind: 'digit', example: '壹万元零伍分' },
  { char: '壹', value: 1, kind: 'digit', example: '服务期限壹年' },
  { char: '贰', value: 2, kind: 'digit', example: '贰拾捌万元整' },
  { char: '叁', value: 3, kind: 'digit', example: '叁拾日' },
  { char: '肆', value: 4, kind: 'digit', example: '肆万元整' },
  { char: '伍', value: 5, kind: 'digit', example: '伍仟元' },
  { char: '陆', value: 6, kind: 'digit', example: '陆佰元' },
  { char: '柒', value: 7, kind: 'digit', example: '叁拾柒万元' },
  { char: '捌', value: 8, kind: 'digit', example: '玖佰捌拾元' },
  { char: '玖', value: 9, kind: 'digit', example: '玖佰元' },
  { char: '拾', value: 10, kind: 'unit', example: '叁拾日' },
  { char: '佰', value: 100, kind: 'unit', example: '陆佰元' },
  { char: '仟', value: 1000, kind: 'unit', example: '伍仟元' },
  { char: '万', value: 10000, kind: 'unit', example: '肆万元整' },
  { char: '亿', value: 100000000, kind: 'unit', example: '壹亿元' },
];

const chars = (list: readonly Numeral[], keep: (n: Numeral) => boolean) =>
  list
    .filter(keep)
    .map((n) => n.char)
    .join('');

/** Ordinary digits, `零〇一二两三四五六七八九` (a year written digit by digit uses them alone). */
export const DIGIT_CHARS = chars(NUMERALS, (n) => n.kind === 'digit');

/**
 * The characters of a small count (days, months, hours, times, list and clause numbers):
 * the digits with 十 and 百 (`十五`, `一百二十`). For a regex character class.
 */
export const COUNT_CHARS = DIGIT_CHARS + chars(NUMERALS, (n) => n.char === '十' || n.char === '百');

/** Every ordinary numeral character, 千 and 万 included. */
export const NUMERAL_CHARS = chars(NUMERALS, () => true);

/** Capital digits, `壹贰叁肆伍陆柒捌玖` (no 零: it is also an ordinary numeral). */
export const CAPITAL_DIGIT_CHARS = chars(
  CAPITAL_NUMERALS,
  (n) => n.kind === 'digit' && n.value > 0,
);

/** Capital digits with 拾, for a small count written in capitals (`壹年`, `叁拾日`). */
export const CAPITAL_COUNT_CHARS = `${CAPITAL_DIGIT_CHARS}拾`;

/** Every capital numeral character, 零 included. */
export const CAPITAL_CHARS = chars(CAPITAL_NUMERALS, () => true);

/**
 * Regex source (no capturing group) of a count in figures or ordinary numerals: `15`, `十五`,
 * `两`. Figures and numerals may mix, as converters sometimes leave them (`1十`); the reader
 * ({@link parseChineseInteger}) refuses what is not a number. A count starts where a run of such
 * characters starts (the lookbehind), so a pattern that fails after a long run of digits fails
 * once for the run, not once per character of it: linear time on `1111…`.
 */
export const COUNT_SOURCE = `(?<![\\d${COUNT_CHARS}])[\\d${COUNT_CHARS}]+`;
