/**
 * Whitespace rules for Chinese contract text, shared by every importer so that a PDF, a DOCX
 * and a text file of the same contract yield the same analysable text.
 *
 * Chinese typesetting puts no spaces between words; the spaces found in extracted text are
 * artefacts: letter-spaced titles (`保 密 协 议`), full-width padding (`\u3000`), or the
 * thin gaps word processors insert between Han characters and digits (`2025 年 6 月`).
 * Spaces between two multi-character Han tokens (`刘春 经办人`) are kept: they separate
 * fields that were laid out side by side.
 */

const HAN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const CJK_PUNCT =
  /[\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018-\u201f\u2026\u2014\u00b7]/;
const SPACE = /[ \t\u00a0\u2000-\u200b\u3000\ufeff]/;
const SPACES = new RegExp(SPACE.source);

/**
 * Han characters that PDF producers write as radicals. Fonts such as Noto CJK / Source Han
 * carry one glyph for, say, 页 and the radical ⻚; a PDF whose ToUnicode map picks the radical
 * (common in PDFs printed from Chromium and some WPS exports) extracts `⻚` (U+2EDA) where the
 * reader sees 页, and `⽅` (U+2F45) for 方. Kangxi Radicals (U+2F00–U+2FD5) and CJK
 * Compatibility Ideographs (U+F900–U+FAFF) have NFKC mappings; CJK Radicals Supplement
 * (U+2E80–U+2EF3) mostly does not, so its forms that stand for whole characters in modern text
 * are mapped here, following Unicode's EquivalentUnifiedIdeograph.txt.
 */
// prettier-ignore
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '\u2e81': '厂', '\u2e85': '亻', '\u2e86': '冂', '\u2e8a': '卜', '\u2e8c': '小', '\u2e8d': '小',
  '\u2e9f': '母', '\u2ea0': '民', '\u2ea1': '氵', '\u2ea3': '灬', '\u2ea8': '犭', '\u2eac': '示',
  '\u2ead': '礻', '\u2ebe': '艹', '\u2ebf': '艹', '\u2ec0': '艹', '\u2ec2': '衤', '\u2ec4': '西',
  '\u2ec5': '见', '\u2ec6': '角', '\u2ec8': '讠', '\u2ec9': '贝', '\u2ecb': '车', '\u2ecd': '辶',
  '\u2ecf': '阝', '\u2ed0': '钅', '\u2ed1': '長', '\u2ed2': '镸', '\u2ed3': '长', '\u2ed4': '门',
  '\u2ed6': '阝', '\u2ed7': '雨', '\u2ed8': '青', '\u2ed9': '韦', '\u2eda': '页', '\u2edb': '风',
  '\u2edc': '飞', '\u2edd': '食', '\u2edf': '飠', '\u2ee0': '饣', '\u2ee2': '马', '\u2ee3': '骨',
  '\u2ee4': '鬼', '\u2ee5': '鱼', '\u2ee6': '鸟', '\u2ee7': '卤', '\u2ee8': '麦', '\u2ee9': '黄',
  '\u2eea': '黾', '\u2eeb': '斉', '\u2eec': '齐', '\u2eed': '歯', '\u2eee': '齿', '\u2eef': '竜',
  '\u2ef0': '龙', '\u2ef1': '龜', '\u2ef2': '亀', '\u2ef3': '龟',
};

/**
 * The ideograph a reader sees for `ch`: Kangxi and supplement radicals and compatibility
 * ideographs become their unified ideographs; anything else is returned unchanged. Always one
 * UTF-16 unit for one, so character boxes stay aligned with the text.
 */
export function canonicalChar(ch: string): string {
  const c = ch.charCodeAt(0);
  if (ch.length !== 1) return ch;
  if (c >= 0x2e80 && c <= 0x2eff) return RADICAL_SUPPLEMENT[ch] ?? ch;
  if ((c >= 0x2f00 && c <= 0x2fdf) || (c >= 0xf900 && c <= 0xfaff)) {
    const n = ch.normalize('NFKC');
    return n.length === 1 ? n : ch;
  }
  return ch;
}

/** {@link canonicalChar} over a string; the result has the same UTF-16 length. */
export function canonicalText(text: string): string {
  return /[\u2e80-\u2fdf\uf900-\ufaff]/.test(text)
    ? text.replace(/[\u2e80-\u2fdf\uf900-\ufaff]/g, canonicalChar)
    : text;
}

/** True for a Han ideograph (CJK Unified Ideographs, extension A, compatibility). */
export function isHan(ch: string): boolean {
  return HAN.test(ch);
}

/** True for full-width / CJK punctuation such as `，。：；（）【】《》“”`. */
export function isCjkPunct(ch: string): boolean {
  return CJK_PUNCT.test(ch);
}

/** True for a horizontal whitespace character, including full-width and no-break spaces. */
export function isSpace(ch: string): boolean {
  return SPACE.test(ch);
}

function isAsciiWordChar(ch: string): boolean {
  return /[0-9A-Za-z.%¥￥$\-+/]/.test(ch);
}

/**
 * Decides which characters of one line to keep: returns a mask with `false` for every
 * whitespace character that the rules above drop, and for leading/trailing whitespace.
 * Tabs are kept (they separate table cells) unless they lead or trail the line.
 *
 * @param line one line of text, without line breaks
 * @returns `keep[i]` is true when `line[i]` stays
 */
export function spacingMask(line: string): boolean[] {
  // Most lines of a Chinese document hold no whitespace at all: every character stays.
  if (!SPACES.test(line)) return new Array<boolean>(line.length).fill(true);
  const chars = Array.from(line);
  // Work in UTF-16 indices so the mask lines up with String indexing.
  const keep = new Array<boolean>(line.length).fill(true);
  const tokens: { start: number; end: number; text: string }[] = [];
  let i = 0;
  let pos = 0;
  const units: { ch: string; at: number }[] = [];
  for (const ch of chars) {
    units.push({ ch, at: pos });
    pos += ch.length;
  }
  // Tokenise by runs of spaces (tabs are their own separators and never dropped inside a line).
  while (i < units.length) {
    while (i < units.length && isSpace(units[i].ch)) i++;
    const s = i;
    while (i < units.length && !isSpace(units[i].ch)) i++;
    if (i > s) {
      tokens.push({
        start: units[s].at,
        end: units[i - 1].at + units[i - 1].ch.length,
        text: units
          .slice(s, i)
          .map((u) => u.ch)
          .join(''),
      });
    }
  }
  // Drop leading and trailing whitespace.
  for (let k = 0; k < line.length; k++) keep[k] = false;
  for (const t of tokens) for (let k = t.start; k < t.end; k++) keep[k] = true;
  for (let t = 1; t < tokens.length; t++) {
    const a = tokens[t - 1];
    const b = tokens[t];
    const gapHasTab = line.slice(a.end, b.start).includes('\t');
    if (gapHasTab) {
      // Keep exactly one tab as the cell separator.
      const tabAt = line.indexOf('\t', a.end);
      keep[tabAt] = true;
      continue;
    }
    const last = Array.from(a.text).pop() ?? '';
    const first = Array.from(b.text)[0] ?? '';
    let drop = false;
    if (isCjkPunct(last) || isCjkPunct(first)) drop = true;
    else if (isHan(last) && isHan(first)) {
      // Letter-spacing: one of the two tokens ends/starts with a lone Han character.
      drop = hanRunAtEnd(a.text) === 1 || hanRunAtStart(b.text) === 1;
    } else if ((isHan(last) && isAsciiWordChar(first)) || (isAsciiWordChar(last) && isHan(first))) {
      drop = true;
    }
    if (!drop) {
      // Keep a single separating space.
      keep[a.end] = true;
      for (let k = a.end + 1; k < b.start; k++) keep[k] = false;
    }
  }
  return keep;
}

function hanRunAtEnd(token: string): number {
  const chars = Array.from(token);
  let n = 0;
  for (let k = chars.length - 1; k >= 0 && isHan(chars[k]); k--) n++;
  // A token like `方：` ends in punctuation; the Han run before it counts.
  if (n === 0) return 0;
  return n === chars.length ? n : Number.POSITIVE_INFINITY;
}

function hanRunAtStart(token: string): number {
  const chars = Array.from(token);
  let n = 0;
  for (let k = 0; k < chars.length && isHan(chars[k]); k++) n++;
  if (n === 0) return 0;
  if (n === chars.length) return n;
  // `方：…` — a lone Han character followed by punctuation is still letter-spaced.
  return n === 1 && isCjkPunct(chars[1]) ? 1 : Number.POSITIVE_INFINITY;
}

/** Applies {@link spacingMask} to a line and returns the normalised string. */
export function normalizeLine(line: string): string {
  const keep = spacingMask(line);
  let out = '';
  for (let k = 0; k < line.length; k++) if (keep[k]) out += line[k] === '\u3000' ? ' ' : line[k];
  return out.replace(/[ \u00a0]/g, ' ');
}
