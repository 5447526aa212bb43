/**
 * A document from the lines of its pages (`lines.ts`): page numbers and bullets alone on a line
 * dropped, running headers and footers removed, lines wrapped in mid-sentence joined back into
 * paragraphs by the document's own line pitch (also across a page break), and the text built with
 * radicals mapped to the ideographs they stand for and each character's box kept.
 */
import { TextBuilder, type BoxTable, type SourceDocument, type SourceFormat } from '../document';
import { startsWithHeadingNumber } from '../clauses/numbering';
import type { LayoutLine } from './lines';

/** A page's lines and its size in points. */
export interface PageLines {
  lines: LayoutLine[];
  height: number;
  /** The page's width; when every page gives one, the document keeps the pages' sizes. */
  width?: number;
}

/**
 * A page's lines without page furniture: a line that is only a bullet or dash, and a page number
 * alone on a line in the top or bottom inch.
 */
export function withoutFurniture(lines: LayoutLine[], height: number): LayoutLine[] {
  return lines.filter(
    (l) =>
      !/^[•·●○■□◆▪\-–—*]?$/.test(l.text.trim()) &&
      !(PAGE_NUMBER.test(l.text.trim()) && (l.y < 72 || l.y > height - 72)),
  );
}

/**
 * The document of `pages` (each page's lines from {@link withoutFurniture}): running headers and
 * footers dropped, wrapped lines joined, the text built with boxes from `table`.
 * @returns null when no visible character is left (a scan: its pages hold no text, or only a
 *   running header)
 */
export function layoutDocument(
  pages: readonly PageLines[],
  table: BoxTable,
  format: SourceFormat,
  pageCount: number,
): SourceDocument | null {
  const running = runningLines(pages);
  const lines: LayoutLine[] = [];
  for (const { lines: all } of pages) {
    const pl = all.filter((l) => !running.has(l));
    for (const l of pl) l.last = false;
    if (pl.length) pl[pl.length - 1].last = true;
    lines.push(...pl);
  }
  if (lines.every((l) => !/\S/.test(l.text))) return null;
  const rightEdges = lines.filter((l) => !l.text.includes('\t')).map((l) => l.x2);
  const pitch = linePitch(lines);
  rightEdges.sort((a, b) => a - b);
  const right = rightEdges[Math.floor(rightEdges.length * 0.9)] ?? 0;
  const builder = new TextBuilder(true);
  let para: LayoutLine | null = null;
  for (const line of lines) {
    if (para && continues(para, line, right, pitch)) {
      para.text += line.text;
      para.boxes.push(...line.boxes);
      para.x2 = line.x2;
      para.y = line.y;
      para.page = line.page;
      para.last = line.last;
    } else {
      if (para) builder.addLine(para.text, para.boxes, table);
      para = { ...line, boxes: [...line.boxes] };
    }
  }
  if (para) builder.addLine(para.text, para.boxes, table);
  const doc = builder.build(format, pageCount);
  if (pages.every((p) => p.width !== undefined))
    doc.pageSizes = pages.map((p) => [p.width!, p.height]);
  return doc;
}

/** A page number on its own: `3`, `- 3 -`, `第 3 页`, `第3页 共20页`, `共20页 第3页`, `3/20`, `Page 3 of 20`. */
const PAGE_NUMBER =
  /^(?:[-—–\s]*\d{1,4}[-—–\s]*|第\s*\d+\s*页(?:\s*[,，/]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*[,，/]?\s*第\s*\d+\s*页|\d+\s*\/\s*\d+|page\s*\d+(?:\s*of\s*\d+)?)$/i;

/** Share of the page height, at the top and at the bottom, where headers and footers sit. */
const MARGIN_ZONE = 0.12;

/** A line's text with digits generalised and spaces dropped: the same running header or footer on every page gives the same key. */
function runningKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/\d+/g, '#');
}

/**
 * Running headers and footers: lines in the top or bottom {@link MARGIN_ZONE} of their page
 * whose text (digits aside) recurs in that zone on at least two pages and on at least 40 % of
 * the document's pages (a cover page or odd/even headers aside). They are page furniture, not
 * contract text: left in, they would split a sentence that runs across a page break.
 *
 * @param pages lines per page, each with the page's height in PDF points
 * @returns the set of lines to drop
 */
function runningLines(pages: readonly PageLines[]): Set<LayoutLine> {
  const drop = new Set<LayoutLine>();
  if (pages.length < 2) return drop;
  const inZone = (l: LayoutLine, height: number) =>
    l.y > height * (1 - MARGIN_ZONE) || l.y < height * MARGIN_ZONE;
  const pagesByKey = new Map<string, Set<number>>();
  for (const { lines, height } of pages) {
    for (const l of lines) {
      if (!inZone(l, height)) continue;
      const key = runningKey(l.text);
      if (!key) continue;
      let set = pagesByKey.get(key);
      if (!set) pagesByKey.set(key, (set = new Set()));
      set.add(l.page);
    }
  }
  const needed = Math.max(2, Math.ceil(pages.length * 0.4));
  for (const { lines, height } of pages) {
    for (const l of lines) {
      if (inZone(l, height) && (pagesByKey.get(runningKey(l.text))?.size ?? 0) >= needed)
        drop.add(l);
    }
  }
  return drop;
}

/**
 * The document's usual distance between baselines of consecutive lines of body text, in PDF
 * points (the median over same-page pairs of tab-free lines of one size), or 0 when unknown.
 * Chinese documents set anything from single spacing to the 公文 standard's 28.95 pt pitch
 * on 16 pt type (GB/T 9704), so a fixed multiple of the font size cannot tell a wrapped line.
 */
function linePitch(lines: LayoutLine[]): number {
  const gaps: number[] = [];
  for (let i = 1; i < lines.length; i++) {
    const a = lines[i - 1];
    const b = lines[i];
    if (a.page !== b.page || a.text.includes('\t') || b.text.includes('\t')) continue;
    if (Math.abs(a.h - b.h) >= 1.5) continue;
    const gap = a.y - b.y;
    if (gap > 0 && gap < Math.max(a.h, b.h) * 2.5) gaps.push(gap);
  }
  if (!gaps.length) return 0;
  gaps.sort((x, y) => x - y);
  return gaps[Math.floor(gaps.length / 2)];
}

/** Whether `next` continues the paragraph `prev` (a line wrapped in mid-sentence). */
function continues(prev: LayoutLine, next: LayoutLine, right: number, pitch: number): boolean {
  if (prev.text.includes('\t') || next.text.includes('\t')) return false;
  if (prev.x2 < right - prev.h * 2) return false;
  if (startsWithHeadingNumber(next.text.trim())) return false;
  if (prev.page === next.page) {
    const gap = prev.y - next.y;
    const h = Math.max(prev.h, next.h);
    const limit = Math.min(Math.max(h * 1.6, pitch * 1.15), h * 2.5);
    return gap > 0 && gap <= limit && Math.abs(next.h - prev.h) < 1.5;
  }
  // Across a page break: only when the previous page's last line was full and unfinished.
  return prev.last && next.page === prev.page + 1 && !/[。；：！？]$/.test(prev.text.trim());
}
