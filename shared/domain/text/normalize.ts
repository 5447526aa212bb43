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
