/**
 * The imported document as the analysis sees it: one normalised text, and for PDFs the box of
 * every character on its page, so that any span of the text can be turned back into PDF
 * rectangles (PDF user space, origin bottom-left, units of 1/72 inch).
 */
import { canonicalText, spacingMask } from './text/normalize';
import type { PageGraphics } from './layout/page-view';

/** Source formats Qiyue imports (REPORT.md `source.format`; `image`: a .jpg, .png or .tif page). */
export type SourceFormat = 'pdf' | 'txt' | 'md' | 'docx' | 'ofd' | 'image';

/** A rectangle in PDF user space: `[x1, y1, x2, y2]`, x1 < x2, y1 < y2. */
export type Rect = [number, number, number, number];

/** Rectangles of one page. `pageIndex` is 0-based. */
export interface PagePosition {
  pageIndex: number;
  rects: Rect[];
}

/**
 * Where a span of the document is: character offsets into {@link SourceDocument.text}, the
 * quoted text (to re-find the span if coordinates drift), and for PDFs the rectangles per page.
 */
export interface Anchor {
  start: number;
  end: number;
  quote: string;
  positions: PagePosition[];
}

/**
 * A document ready for analysis.
 * `boxes` holds 5 numbers per UTF-16 unit of `text`: pageIndex, x1, y1, x2, y2 (NaN where the
 * character has no box, e.g. line breaks); it is null for text and DOCX sources.
 */
export interface SourceDocument {
  format: SourceFormat;
  text: string;
  pageCount: number | null;
  boxes: Float32Array | null;
  /** Each page's width and height in points (PDF and OFD sources), for drawing the pages. */
  pageSizes?: [number, number][];
  /**
   * What the importer could not read exactly, in the reviewer's words (`文件中有 2 处字节不是有效的
   * UTF-8…`); the report lists them among its `limitations`.
   */
  warnings?: string[];
  /**
   * For text read by OCR: per UTF-16 unit of `text`, the recognition model's probability (0–1)
   * for that character; NaN where the character was not recognised (a line break, a page with a
   * text layer). Absent when nothing was read by OCR.
   */
  confidence?: Float32Array;
  /** The 1-based numbers of the pages read by OCR (scanned pages); absent when none was. */
  ocrPages?: number[];
  /** Per page, the vector paths and images an OFD draws (for the viewer only). */
  graphics?: PageGraphics[];
}

/**
 * The character boxes of an importer, in one flat table: 5 numbers per box (pageIndex, x1, y1,
 * x2, y2, PDF user space). A box is referred to by its index ({@link BoxTable.add}); -1 stands
 * for none (a space or tab the importer inserted). Numbers in a typed array rather than an object
 * per character: a 100-page tender holds some 200,000 characters.
 */
export class BoxTable {
  private data = new Float32Array(4096 * 5);
  private count = 0;
  /** Per box, the OCR probability of its character (NaN when not set); null until one is set. */
  private conf: Float32Array | null = null;

  /** Adds one box; returns its index. */
  add(pageIndex: number, x1: number, y1: number, x2: number, y2: number): number {
    if ((this.count + 1) * 5 > this.data.length) {
      const grown = new Float32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const at = this.count * 5;
    this.data[at] = pageIndex;
    this.data[at + 1] = x1;
    this.data[at + 2] = y1;
    this.data[at + 3] = x2;
    this.data[at + 4] = y2;
    return this.count++;
  }

  /** Records the OCR probability (0–1) of box `ref`'s character. */
  setConfidence(ref: number, p: number): void {
    if (!this.conf || this.conf.length < this.data.length / 5) {
      const grown = new Float32Array(this.data.length / 5).fill(NaN);
      if (this.conf) grown.set(this.conf);
      this.conf = grown;
    }
    this.conf[ref] = p;
  }

  /** The OCR probability of box `ref`'s character, NaN when none was recorded. */
  confidenceOf(ref: number): number {
    return this.conf && ref < this.conf.length ? this.conf[ref] : NaN;
  }

  /** Whether any box has an OCR probability. */
  get hasConfidence(): boolean {
    return this.conf !== null;
  }

  /** The table's storage: box `ref` is `values[ref * 5]` … `values[ref * 5 + 4]`. */
  get values(): Float32Array {
    return this.data;
  }

  /** The boxes added so far, as {@link SourceDocument.boxes} holds them (a copy). */
  toArray(): Float32Array {
    return this.data.slice(0, this.count * 5);
  }
}

/**
 * Accumulates lines into a {@link SourceDocument}, mapping radicals to the ideographs they
 * stand for and applying the whitespace rules of `text/normalize.ts` to each line, keeping each
 * surviving character's box.
 */
export class TextBuilder {
  private parts: string[] = [];
  /** One box per UTF-16 unit of the text (NaN where none), in order: {@link SourceDocument.boxes}. */
  private boxes = new BoxTable();
  private length = 0;
  private hasBoxes: boolean;
  /** Per UTF-16 unit, the OCR probability (NaN where none); null until a line brings one. */
  private conf: number[] | null = null;

  constructor(hasBoxes: boolean) {
    this.hasBoxes = hasBoxes;
  }

  /**
   * Appends one line (without its break). With `table`, `boxes[i]` is the index in it of the box
   * of `raw[i]` (-1 for none).
   */
  addLine(raw: string, boxes?: readonly number[], table?: BoxTable): void {
    const values = table?.values;
    const line = canonicalText(raw);
    const keep = spacingMask(line);
    const kept: string[] = [];
    if (table?.hasConfidence && !this.conf) this.conf = new Array<number>(this.length).fill(NaN);
    for (let i = 0; i < line.length; i++) {
      if (!keep[i]) continue;
      kept.push(line[i] === '\u3000' || line[i] === '\u00a0' ? ' ' : line[i]);
      if (this.conf) {
        const ref = boxes?.[i] ?? -1;
        this.conf.push(ref >= 0 && table ? table.confidenceOf(ref) : NaN);
      }
      if (this.hasBoxes) {
        const ref = boxes?.[i] ?? -1;
        if (ref >= 0 && values) {
          const at = ref * 5;
          this.boxes.add(
            values[at],
            values[at + 1],
            values[at + 2],
            values[at + 3],
            values[at + 4],
          );
        } else this.boxes.add(NaN, NaN, NaN, NaN, NaN);
      }
    }
    if (kept.length === 0) {
      if (this.conf) this.conf.length = this.length;
      return;
    }
    const out = kept.join('');
    this.conf?.push(NaN);
    this.parts.push(out, '\n');
    this.length += out.length + 1;
    if (this.hasBoxes) this.boxes.add(NaN, NaN, NaN, NaN, NaN);
  }

  /** Number of UTF-16 units appended so far. */
  get size(): number {
    return this.length;
  }

  build(format: SourceFormat, pageCount: number | null): SourceDocument {
    return {
      format,
      text: this.parts.join(''),
      pageCount,
      boxes: this.hasBoxes ? this.boxes.toArray() : null,
      ...(this.conf ? { confidence: Float32Array.from(this.conf) } : {}),
    };
  }
}

/**
 * The anchor of `text[start, end)`: quoted text plus, for PDFs, one rectangle per line the span
 * covers (characters on the same page and baseline merged). Offsets are clamped to the text.
 */
export function anchorFor(doc: SourceDocument, start: number, end: number): Anchor {
  const s = Math.max(0, Math.min(start, doc.text.length));
  const e = Math.max(s, Math.min(end, doc.text.length));
  const positions = doc.boxes ? positionsOf(doc.boxes, 0, s, e) : [];
  return { start: s, end: e, quote: doc.text.slice(s, e), positions };
}

/**
 * The rectangles of characters `[start, end)` from their boxes, one per line they cover
 * (characters on the same page and baseline merged), by page. `boxes` holds the boxes from
 * character `offset` on (5 numbers each, as {@link SourceDocument.boxes}), so that a part of a
 * document's boxes read from its file serves as well as the whole.
 */
export function positionsOf(
  boxes: Float32Array,
  offset: number,
  start: number,
  end: number,
): PagePosition[] {
  const positions: PagePosition[] = [];
  let cur: { page: number; rect: Rect } | null = null;
  const flush = () => {
    if (!cur) return;
    let pp = positions.find((p) => p.pageIndex === cur!.page);
    if (!pp) {
      pp = { pageIndex: cur.page, rects: [] };
      positions.push(pp);
    }
    pp.rects.push(cur.rect.map((v) => Math.round(v * 100) / 100) as Rect);
    cur = null;
  };
  for (let i = start; i < end; i++) {
    const at = (i - offset) * 5;
    if (at < 0 || at + 5 > boxes.length) continue;
    const page = boxes[at];
    if (Number.isNaN(page)) continue;
    const x1 = boxes[at + 1];
    const y1 = boxes[at + 2];
    const x2 = boxes[at + 3];
    const y2 = boxes[at + 4];
    const h = y2 - y1;
    if (
      cur &&
      cur.page === page &&
      Math.abs(cur.rect[1] - y1) < h * 0.5 &&
      x1 >= cur.rect[2] - h * 0.5 &&
      x1 - cur.rect[2] < h * 4
    ) {
      cur.rect[2] = Math.max(cur.rect[2], x2);
      cur.rect[1] = Math.min(cur.rect[1], y1);
      cur.rect[3] = Math.max(cur.rect[3], y2);
    } else {
      flush();
      cur = { page, rect: [x1, y1, x2, y2] };
    }
  }
  flush();
  return positions;
}

/** 1-based page of the first character of `text[start, end)` that has a box, else null. */
export function pageOf(doc: SourceDocument, start: number, end: number): number | null {
  if (!doc.boxes) return null;
  for (let i = start; i < Math.min(end, doc.text.length); i++) {
    const p = doc.boxes[i * 5];
    if (!Number.isNaN(p)) return p + 1;
  }
  return null;
}

/** 1-based page of the last character of `text[start, end)` that has a box, else null. */
export function lastPageOf(doc: SourceDocument, start: number, end: number): number | null {
  if (!doc.boxes) return null;
  for (let i = Math.min(end, doc.text.length) - 1; i >= start; i--) {
    const p = doc.boxes[i * 5];
    if (!Number.isNaN(p)) return p + 1;
  }
  return null;
}

/**
 * The part `text[start, end)` of a document as a document of its own (offsets from 0), with the
 * same pages and character boxes; used to analyse the contract chapter of a tender.
 */
export function sliceDocument(doc: SourceDocument, start: number, end: number): SourceDocument {
  return {
    format: doc.format,
    text: doc.text.slice(start, end),
    pageCount: doc.pageCount,
    boxes: doc.boxes ? doc.boxes.slice(start * 5, end * 5) : null,
    ...(doc.pageSizes ? { pageSizes: doc.pageSizes } : {}),
    ...(doc.warnings ? { warnings: doc.warnings } : {}),
    ...(doc.confidence ? { confidence: doc.confidence.slice(start, end) } : {}),
    ...(doc.ocrPages ? { ocrPages: doc.ocrPages } : {}),
  };
}
