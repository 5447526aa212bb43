/**
 * The numbering systems of Chinese contracts, each a "style" of clause label:
 * `第X章`, `第X条`, `一、`, `（一）`/`(一)`, `1.`/`1、`, `1.1`/`1.1.1`, `(1)`/`（1）`, `①`,
 * `第一期：` (payment phases), `附件`/`附件1`, and short `标签：`/`【标签】` sub-headings.
 */
import { parseChineseInteger } from '../text/chinese-numerals';
import { COUNT_CHARS } from '../lexicon/numerals';
import { durationUnitSource } from '../recognize/durations';

/** A numbering style; dotted numbers carry their depth (`dotted2` is `1.1`). */
export type NumberingStyle =
  | 'chapter'
  | 'article'
  | 'cn'
  | 'cnParen'
  | 'dotted2'
  | 'dotted3'
  | 'dotted4'
  | 'decimal'
  | 'paren'
  | 'circled'
  | 'phase'
  | 'annex'
  | 'label';

/** A clause label found at the start of a line. */
export interface Numbering {
  style: NumberingStyle;
  /** Ordinal within its style (1-based); 0 for `label` and a bare `附件`. */
  value: number;
  /** The label as written, e.g. `十二、`, `（四）`, `1.1`, `附件1`. */
  raw: string;
  /** Text after the label. */
  rest: string;
}

const CN = COUNT_CHARS;
/** Units after a decimal that make it a quantity, not a label (`1.5小时`, `2.5个月`, `3.5日`). */
const NOT_A_LABEL_UNITS = durationUnitSource(['hour', 'day', 'month', 'year'], { bareMonth: true });
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

const PATTERNS: { style: NumberingStyle; re: RegExp }[] = [
  { style: 'chapter', re: new RegExp(`^(第([${CN}\\d]{1,4})章)[\\s、.．：:]*`) },
  { style: 'article', re: new RegExp(`^(第([${CN}\\d]{1,4})条)[\\s、.．：:]*`) },
  { style: 'phase', re: new RegExp(`^(第([${CN}\\d]{1,3})(?:期|阶段))[：:]\\s*`) },
  { style: 'cn', re: new RegExp(`^(([${CN}]{1,3})[、.．])\\s*`) },
  { style: 'cnParen', re: new RegExp(`^([（(]([${CN}]{1,3})[)）])[、.．]?\\s*`) },
  {
    style: 'dotted4',
    re: /^((\d{1,2})[.．](\d{1,2})[.．](\d{1,2})[.．](\d{1,2}))(?![.．]?\d)[.．、]?\s*/,
  },
  { style: 'dotted3', re: /^((\d{1,2})[.．](\d{1,2})[.．](\d{1,2}))(?![.．]?\d)[.．、]?\s*/ },
  {
    style: 'dotted2',
    re: new RegExp(
      String.raw`^((\d{1,2})[.．](\d{1,2}))(?![.．]?\d|\s*[%％])(?!\s*(?:条|款|倍|万|元|个|${NOT_A_LABEL_UNITS}))[.．、]?\s*`,
    ),
  },
  { style: 'decimal', re: /^((\d{1,2})[.．、])(?!\d)\s*/ },
  { style: 'paren', re: /^([（(](\d{1,2})[)）])[、.．]?\s*/ },
  { style: 'circled', re: new RegExp(`^(([${CIRCLED}]))\\s*`) },
];

const ANNEX = new RegExp(`^(附件\\s*([${CN}\\d]{0,3}))\\s*(?:[:：]\\s*)?(.*)$`);
const LABEL = /^(?:【([^】]{2,16})】|([\u4e00-\u9fff（）()、]{2,14})[：:])$/;

/**
 * Reads the clause label at the start of `line` (already trimmed), or null when the line does
 * not start with one. `附件` is only a label when the line is short and not a list of annexes.
 */
export function matchNumbering(line: string): Numbering | null {
  const annex = ANNEX.exec(line);
  if (annex) {
    const rest = annex[3] ?? '';
    if (rest.length <= 40 && !/^\d+[.．、]/.test(rest) && !/[。；;]$/.test(rest)) {
      const v = annex[2] ? parseChineseInteger(annex[2]) : 0;
      return { style: 'annex', value: v ?? 0, raw: annex[1].replace(/\s+/g, ''), rest };
    }
  }
  for (const { style, re } of PATTERNS) {
    const m = re.exec(line);
    if (!m) continue;
    const last = style.startsWith('dotted') ? m[m.length - 1] : m[2];
    const value = style === 'circled' ? CIRCLED.indexOf(last) + 1 : parseChineseInteger(last);
    if (value === null || value === 0) continue;
    const rest = line.slice(m[0].length);
    if (style === 'cn' && /^\d/.test(rest)) continue;
    return { style, value, raw: m[1].replace(/\s+/g, ''), rest };
  }
  const label = LABEL.exec(line);
  if (label) return { style: 'label', value: 0, raw: '', rest: label[1] ?? label[2] };
  return null;
}

/** True when `line` starts with a clause number (used to stop joining wrapped PDF lines). */
export function startsWithHeadingNumber(line: string): boolean {
  const n = matchNumbering(line);
  return n !== null && n.style !== 'label';
}
