/**
 * Lines of one page from positioned text runs (PDF user space: points, origin bottom-left, y up),
 * in the order the page draws them: runs on one baseline joined left to right (a wide gap a tab,
 * a narrow one a space), table rows whose cells are vertically centred or top-aligned rebuilt,
 * the wrapped lines of a cell put back into it. Each character keeps its box. The PDF importer,
 * OCR and OFD feed this; `document.ts` turns the pages' lines into a {@link SourceDocument}.
 */
import type { BoxTable } from '../document';
import { canonicalText, isHan } from '../text/normalize';

/**
 * One run of text as a page draws it: `str` from (`x`, `y`) on its baseline, `width` wide, in a
 * font `height` points high (0 when unknown), all in PDF user space.
 */
export interface TextRun {
  str: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /**
   * Each UTF-16 unit's own box, `[x1, y1, x2, y2]` in PDF user space, where the source knows it
   * (OCR: where the character was read, on a page that may be skewed); otherwise the run's width
   * is shared out by character weight on its baseline.
   */
  boxes?: readonly (readonly [number, number, number, number])[];
  /** Each UTF-16 unit's OCR probability (0–1), for text read by OCR. */
  confidence?: readonly number[];
}

/** A line of a page: its text, one box per UTF-16 unit, its extent and baseline (points). */
export interface LayoutLine {
  page: number;
  text: string;
  /** Per UTF-16 unit of `text`, the index of its box in the import's {@link BoxTable}, or -1. */
  boxes: number[];
  x1: number;
  x2: number;
  y: number;
  h: number;
  /** The last line of its page. */
  last: boolean;
}

function charWeight(ch: string): number {
  return isHan(ch) || ch.charCodeAt(0) > 0x2e80 ? 1 : 0.5;
}

/** Appends to `out` one box per UTF-16 unit of `item.str`, its width shared by character weight. */
function pushItemBoxes(item: TextRun, pageIndex: number, table: BoxTable, out: number[]): void {
  const { x: e, y: f } = item;
  const h = item.height || 10;
  const str = item.str;
  let total = 0;
  for (let i = 0; i < str.length; i++) total += charWeight(str[i]);
  total ||= 1;
  let x = e;
  for (let i = 0; i < str.length; i++) {
    const w = (item.width * charWeight(str[i])) / total;
    const own = item.boxes?.[i];
    const ref = own
      ? table.add(pageIndex, own[0], own[1], own[2], own[3])
      : table.add(pageIndex, x, f - h * 0.2, x + w, f + h * 0.85);
    const p = item.confidence?.[i];
    if (p !== undefined) table.setConfidence(ref, p);
    out.push(ref);
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
 * The lines of one page from its text runs in drawing order (a PDF's content-stream order). An item joins
 * the current line when it shares its baseline and lies to its right; otherwise it starts a new
 * line. Within a line a wide gap becomes a tab (table cells), a narrow one a space. Then table
 * rows whose cells are vertically centred are rebuilt ({@link mergeRowBands}) and the wrapped
 * lines of a cell put back into it ({@link mergeWrappedCells}).
 */
export function pageLines(
  items: readonly TextRun[],
  pageIndex: number,
  table: BoxTable,
): LayoutLine[] {
  const lines: (LayoutLine & { cells: Cell[] })[] = [];
  let cur: (LayoutLine & { cells: Cell[] }) | null = null;
  for (const item of items) {
    const h = item.height;
    const x = item.x;
    const y = item.y;
    if (item.str.length > 0 && item.str.trim().length > 0) {
      const onLine = (l: LayoutLine) =>
        Math.abs(l.y - y) < Math.max(l.h, h) * 0.5 && x >= l.x2 - Math.max(l.h, h);
      let target: (LayoutLine & { cells: Cell[] }) | null = cur && onLine(cur) ? cur : null;
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

type CellLine = LayoutLine & { cells: Cell[] };

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
function mergeWrappedCells(lines: CellLine[], pageRight: number): LayoutLine[] {
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
