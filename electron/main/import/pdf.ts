/**
 * PDF import with pdfjs-dist in plain Node: the text of every page with character boxes in PDF
 * user space, lines in reading order and wrapped lines joined back into paragraphs.
 * cMaps, standard fonts and wasm decoders load from the local pdfjs-dist package, never the network.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BoxTable, TextBuilder, type SourceDocument } from '../../../shared/domain/document';
import { QiyueError } from '../../../shared/domain/errors';
import { startsWithHeadingNumber } from '../../../shared/domain/clauses/numbering';
import { canonicalText, isHan } from '../../../shared/domain/text/normalize';

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjsPromise: Promise<PdfJs> | null = null;

/** Loads the pdf.js legacy build once (the Node-compatible build). */
export function loadPdfJs(): Promise<PdfJs> {
  pdfjsPromise ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  return pdfjsPromise;
}

/** Folder of the installed pdfjs-dist package, with a trailing separator. */
export function pdfjsDir(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('pdfjs-dist/package.json')) + path.sep;
}

/** getDocument options shared by import, bench and tests: local assets, no eval. */
export function pdfDocumentOptions(data: Uint8Array, password?: string) {
  const dir = pdfjsDir();
  return {
    data,
    password,
    cMapUrl: path.join(dir, 'cmaps') + path.sep,
    cMapPacked: true,
    standardFontDataUrl: path.join(dir, 'standard_fonts') + path.sep,
    wasmUrl: path.join(dir, 'wasm') + path.sep,
    iccUrl: path.join(dir, 'iccs') + path.sep,
    // Ignored by pdf.js 6, which no longer evaluates PDF functions with eval; kept so an older
    // pdf.js could never turn it back on.
    isEvalSupported: false,
    useSystemFonts: false,
    disableFontFace: true,
    verbosity: 0,
  };
}

/**
 * The most pages read: a tender with its annexes runs to a few hundred; past this the file is
 * refused before any page is extracted.
 */
export const MAX_PDF_PAGES = 5000;

/**
 * The most text runs (pdf.js text items) read over all pages: a dense contract page has a few
 * hundred, so this is some thousands of such pages; it bounds the work and memory of a PDF whose
 * content streams draw text one glyph at a time without end.
 */
export const MAX_PDF_TEXT_ITEMS = 2_000_000;

interface PdfLine {
  page: number;
  text: string;
  /** Per UTF-16 unit of `text`, the index of its box in the import's {@link BoxTable}, or -1. */
  boxes: number[];
  x1: number;
  x2: number;
  y: number;
  h: number;
  last: boolean;
}

interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

function charWeight(ch: string): number {
  return isHan(ch) || ch.charCodeAt(0) > 0x2e80 ? 1 : 0.5;
}

/** Appends to `out` one box per UTF-16 unit of `item.str`, its width shared by character weight. */
function pushItemBoxes(
  item: TextItemLike,
  pageIndex: number,
  table: BoxTable,
  out: number[],
): void {
  const [, , c, d, e, f] = item.transform;
  const h = item.height || Math.hypot(c, d) || 10;
  const str = item.str;
  let total = 0;
  for (let i = 0; i < str.length; i++) total += charWeight(str[i]);
  total ||= 1;
  let x = e;
  for (let i = 0; i < str.length; i++) {
    const w = (item.width * charWeight(str[i])) / total;
    out.push(table.add(pageIndex, x, f - h * 0.2, x + w, f + h * 0.85));
    x += w;
  }
}

/** True when `text` ends in whitespace (`\s`), testing its last character only. */
function endsInSpace(text: string): boolean {
  return /\s/.test(text.charAt(text.length - 1));
}

/** A table cell within a line: where its text starts and its horizontal extent. */
interface Cell {
  at: number;
  x1: number;
  x2: number;
}

/**
 * Extracts the lines of one page from pdf.js text items in content-stream order. An item joins
 * the current line when it shares its baseline and lies to its right; otherwise it starts a new
 * line. Within a line a wide gap becomes a tab (table cells), a narrow one a space. Then table
 * rows whose cells are vertically centred are rebuilt ({@link mergeRowBands}) and the wrapped
 * lines of a cell put back into it ({@link mergeWrappedCells}).
 */
function pageLines(items: TextItemLike[], pageIndex: number, table: BoxTable): PdfLine[] {
  const lines: (PdfLine & { cells: Cell[] })[] = [];
  let cur: (PdfLine & { cells: Cell[] }) | null = null;
  for (const item of items) {
    if (!('str' in item)) continue;
    const h = item.height || Math.hypot(item.transform[2], item.transform[3]);
    const x = item.transform[4];
    const y = item.transform[5];
    if (item.str.length > 0 && item.str.trim().length > 0) {
      const onLine = (l: PdfLine) =>
        Math.abs(l.y - y) < Math.max(l.h, h) * 0.5 && x >= l.x2 - Math.max(l.h, h);
      let target: (PdfLine & { cells: Cell[] }) | null = cur && onLine(cur) ? cur : null;
      if (!target) {
        target = {
          page: pageIndex,
          text: '',
          boxes: [],
          x1: x,
          x2: x,
          y,
          h,
          last: false,
          cells: [],
        };
        target.cells.push({ at: 0, x1: x, x2: x });
        lines.push(target);
      } else {
        const gap = x - target.x2;
        if (gap > h * 1.5) {
          target.text += '\t';
          target.boxes.push(-1);
          target.cells.push({ at: target.text.length, x1: x, x2: x });
        } else if (gap > h * 0.15 && !endsInSpace(target.text)) {
          target.text += ' ';
          target.boxes.push(-1);
        }
      }
      pushItemBoxes(item, pageIndex, table, target.boxes);
      target.text += canonicalText(item.str);
      target.x2 = Math.max(target.x2, x + item.width);
      target.cells[target.cells.length - 1].x2 = target.x2;
      target.h = Math.max(target.h, h);
      cur = target;
    } else if (item.str.length > 0 && cur && Math.abs(cur.y - y) < cur.h * 0.5) {
      // A whitespace item on the line: keep it as a space so words stay apart. It does not
      // move the line's right edge — a PDF printer's space may span a whole table gap.
      if (x + item.width > cur.x2 && x <= cur.x2 + cur.h * 1.5 && !endsInSpace(cur.text)) {
        cur.text += ' ';
        cur.boxes.push(-1);
      }
    }
  }
  const pageRight = Math.max(0, ...lines.map((l) => l.x2));
  const merged = mergeWrappedCells(mergeRowBands(lines), pageRight);
  if (merged.length) merged[merged.length - 1].last = true;
  return merged;
}

type CellLine = PdfLine & { cells: Cell[] };

/** One cell's piece of a line: its text, boxes, extent and baseline. */
interface Segment {
  text: string;
  boxes: number[];
  x1: number;
  x2: number;
  y: number;
}

function segmentsOf(line: CellLine): Segment[] {
  return line.cells.map((c, i) => {
    const end = line.cells[i + 1] ? line.cells[i + 1].at - 1 : line.text.length;
    return {
      text: line.text.slice(c.at, end),
      boxes: line.boxes.slice(c.at, end),
      x1: c.x1,
      x2: c.x2,
      y: line.y,
    };
  });
}

/**
 * Rebuilds table rows whose cells are vertically centred (Word's and browsers' common table
 * style): a one-line cell then sits between the lines of a two-line cell of the same row, so
 * the row's pieces come as lines less than a line apart. Lines chained that closely are one band;
 * so is a wrapped line followed by more of the row on its first baseline (top-aligned cells).
 * A band whose pieces stand side by side (a line with a tab, or two lines that do not overlap
 * horizontally) becomes one row: pieces overlapping horizontally form a column, read top to
 * bottom; columns left to right, separated by tabs. Ordinary lines are a line pitch apart and
 * are never chained.
 */
function mergeRowBands(lines: CellLine[]): CellLine[] {
  const out: CellLine[] = [];
  let i = 0;
  while (i < lines.length) {
    const band = [lines[i]];
    let j = i + 1;
    for (;;) {
      if (
        j < lines.length &&
        band.some((b) => Math.abs(b.y - lines[j].y) < Math.min(b.h, lines[j].h) * 0.9)
      ) {
        band.push(lines[j++]);
        continue;
      }
      // Top-aligned cells: a cell's wrapped line comes before the next cell, which is back on
      // the row's first baseline and to the right of what the row has so far.
      const top = band[0];
      const right = Math.max(
        ...band.filter((b) => Math.abs(b.y - top.y) < top.h * 0.5).map((b) => b.x2),
      );
      const wrap = lines[j];
      const next = lines[j + 1];
      if (
        wrap &&
        next &&
        wrap.cells.length === 1 &&
        top.y - wrap.y > 0 &&
        top.y - wrap.y < top.h * 2.5 &&
        Math.abs(next.y - top.y) < top.h * 0.5 &&
        next.x1 >= right - top.h
      ) {
        band.push(wrap, next);
        j += 2;
        continue;
      }
      break;
    }
    const sideBySide =
      band.length > 1 &&
      (band.some((l) => l.cells.length > 1) ||
        band.some((a, k) => band.slice(k + 1).some((b) => a.x2 <= b.x1 || b.x2 <= a.x1)));
    if (!sideBySide) {
      out.push(lines[i]);
      i++;
      continue;
    }
    const columns: Segment[][] = [];
    for (const seg of band.flatMap(segmentsOf)) {
      const col = columns.find((c) => c.some((o) => seg.x1 < o.x2 && o.x1 < seg.x2));
      if (col) col.push(seg);
      else columns.push([seg]);
    }
    columns.sort((a, b) => Math.min(...a.map((s) => s.x1)) - Math.min(...b.map((s) => s.x1)));
    const row: CellLine = {
      ...band[0],
      text: '',
      boxes: [],
      cells: [],
      x1: Math.min(...band.map((l) => l.x1)),
      x2: Math.max(...band.map((l) => l.x2)),
      y: Math.max(...band.map((l) => l.y)),
      h: Math.max(...band.map((l) => l.h)),
    };
    columns.forEach((col, k) => {
      if (k > 0) {
        row.text += '\t';
        row.boxes.push(-1);
      }
      row.cells.push({
        at: row.text.length,
        x1: Math.min(...col.map((s) => s.x1)),
        x2: Math.max(...col.map((s) => s.x2)),
      });
      for (const seg of col.sort((a, b) => b.y - a.y)) {
        row.text += seg.text;
        row.boxes.push(...seg.boxes);
      }
    });
    out.push(row);
    i = j;
  }
  return out;
}

/**
 * Puts the wrapped lines of table cells back into their cells: a line without tabs just below a
 * table row, lying within one of the row's cells, continues that cell's text
 * (`合同签订后且乙方提交履约保函` + `后15个工作日内`) — unless the row runs to the page's right
 * edge (`pageRight`) and the line starts at the row's left edge: that is text flowing on.
 * Lines are in reading order; the row keeps every character's box.
 */
function mergeWrappedCells(lines: CellLine[], pageRight: number): PdfLine[] {
  const out: CellLine[] = [];
  for (const line of lines) {
    const row = out[out.length - 1];
    const below = row ? row.y - line.y : 0;
    // A row running to the right edge, then a line from its left edge: text flowing on (a
    // table flattened into a paragraph), not a wrapped cell.
    const flows = row && row.x2 >= pageRight - row.h && Math.abs(line.x1 - row.x1) < row.h * 0.5;
    const cellIndex =
      row &&
      !flows &&
      row.cells.length > 1 &&
      line.cells.length === 1 &&
      below > 0 &&
      below < row.h * 1.6
        ? row.cells.findIndex(
            (c, i) =>
              line.x1 >= c.x1 - row.h * 0.25 &&
              line.x2 <= (row.cells[i + 1]?.x1 ?? Infinity) + row.h * 0.25,
          )
        : -1;
    if (cellIndex < 0) {
      out.push(line);
      continue;
    }
    // Insert at the end of that cell, before the tab that ends it.
    const end = row.cells[cellIndex + 1] ? row.cells[cellIndex + 1].at - 1 : row.text.length;
    row.text = row.text.slice(0, end) + line.text + row.text.slice(end);
    row.boxes.splice(end, 0, ...line.boxes);
    for (const c of row.cells.slice(cellIndex + 1)) c.at += line.text.length;
  }
  return out;
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
function runningLines(pages: { lines: PdfLine[]; height: number }[]): Set<PdfLine> {
  const drop = new Set<PdfLine>();
  if (pages.length < 2) return drop;
  const inZone = (l: PdfLine, height: number) =>
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
 * Imports a PDF's text layer.
 * @param data the file's bytes (not retained)
 * @param password the user password for encrypted PDFs
 * @returns the document with per-character boxes; `pageCount` is the PDF's page count
 * @throws QiyueError `encrypted` (needs a password), `wrong-password`, `corrupt` (truncated or
 *   damaged), `no-text-layer` (image-only, e.g. a scan: OCR is not available yet)
 */
export async function importPdf(data: Uint8Array, password?: string): Promise<SourceDocument> {
  const pdfjs = await loadPdfJs();
  // A copy, as a plain Uint8Array (pdf.js refuses a Node Buffer and detaches what it is given).
  const loadingTask = pdfjs.getDocument(pdfDocumentOptions(new Uint8Array(data), password));
  let doc;
  try {
    doc = await loadingTask.promise;
  } catch (err) {
    await loadingTask.destroy();
    const e = err as { name?: string; code?: number; message?: string };
    if (e?.name === 'PasswordException') {
      if (e.code === 2 || password)
        throw new QiyueError(
          'wrong-password',
          'PDF 密码不正确 (wrong password for this encrypted PDF)',
          { cause: err },
        );
      throw new QiyueError(
        'encrypted',
        'PDF 已加密，需要输入打开密码 (the PDF is encrypted: enter its password to import it)',
        { cause: err },
      );
    }
    throw new QiyueError(
      'corrupt',
      'PDF 文件已损坏，无法读取；请用生成它的软件重新导出 PDF 后再导入 (the PDF is damaged and cannot be read: export it again from the program that made it)',
      { cause: err },
    );
  }
  try {
    if (doc.numPages > MAX_PDF_PAGES)
      throw new QiyueError(
        'too-complex',
        `PDF 页数过多：共 ${doc.numPages} 页，超过 ${MAX_PDF_PAGES} 页上限；请拆分后分别导入 (too many pages: ${doc.numPages}, the limit is ${MAX_PDF_PAGES})`,
      );
    const pages: { lines: PdfLine[]; height: number }[] = [];
    const table = new BoxTable();
    let items = 0;
    for (let p = 1; p <= doc.numPages; p++) {
      let page;
      let content;
      try {
        page = await doc.getPage(p);
        content = await page.getTextContent();
      } catch (err) {
        throw new QiyueError(
          'corrupt',
          `PDF 第 ${p} 页已损坏，无法读取 (page ${p} of the PDF is damaged)`,
          { cause: err },
        );
      }
      items += content.items.length;
      if (items > MAX_PDF_TEXT_ITEMS)
        throw new QiyueError(
          'too-complex',
          `PDF 文字内容过于复杂：到第 ${p} 页已超过 ${MAX_PDF_TEXT_ITEMS} 个文字片段上限，可能是结构异常的文件；请用原软件重新导出后再导入 (too complex: more than ${MAX_PDF_TEXT_ITEMS} text runs)`,
        );
      const height = page.view[3] - page.view[1];
      const pl = pageLines(content.items as TextItemLike[], p - 1, table).filter(
        (l) =>
          !/^[•·●○■□◆▪\-–—*]?$/.test(l.text.trim()) &&
          !(PAGE_NUMBER.test(l.text.trim()) && (l.y < 72 || l.y > height - 72)),
      );
      pages.push({ lines: pl, height });
      page.cleanup();
    }
    const running = runningLines(pages);
    const lines: PdfLine[] = [];
    for (const { lines: all } of pages) {
      const pl = all.filter((l) => !running.has(l));
      for (const l of pl) l.last = false;
      if (pl.length) pl[pl.length - 1].last = true;
      lines.push(...pl);
    }
    const rightEdges = lines.filter((l) => !l.text.includes('\t')).map((l) => l.x2);
    const pitch = linePitch(lines);
    const visible = lines.reduce((n, l) => n + l.text.replace(/\s/g, '').length, 0);
    if (visible === 0) {
      throw new QiyueError(
        'no-text-layer',
        'PDF 没有文字层（可能是扫描件）；暂不支持 OCR (no text layer; OCR is not available yet)',
      );
    }
    rightEdges.sort((a, b) => a - b);
    const right = rightEdges[Math.floor(rightEdges.length * 0.9)] ?? 0;
    const builder = new TextBuilder(true);
    let para: PdfLine | null = null;
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
    return builder.build('pdf', doc.numPages);
  } finally {
    await loadingTask.destroy();
  }
}

/**
 * The document's usual distance between baselines of consecutive lines of body text, in PDF
 * points (the median over same-page pairs of tab-free lines of one size), or 0 when unknown.
 * Chinese documents set anything from single spacing to the 公文 standard's 28.95 pt pitch
 * on 16 pt type (GB/T 9704), so a fixed multiple of the font size cannot tell a wrapped line.
 */
function linePitch(lines: PdfLine[]): number {
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
function continues(prev: PdfLine, next: PdfLine, right: number, pitch: number): boolean {
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

/** file:// URL of a pdfjs-dist asset folder (for callers that need URLs). */
export function pdfjsAssetUrl(sub: string): string {
  return pathToFileURL(path.join(pdfjsDir(), sub) + path.sep).href;
}
