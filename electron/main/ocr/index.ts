/**
 * OCR for the importers: which pages need it, and reading one page into text runs. The engine
 * (models and native runtime) is loaded once per process, on the first page that needs it; the
 * importers run in the parser process (`isolation/`), so OCR is off the app's main thread, one
 * page at a time, under that process's memory and time limits.
 */
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { QiyueError } from '../../../shared/domain/errors';
import type { TextRun } from '../../../shared/domain/layout/lines';
import type { PageGraphics } from '../../../shared/domain/layout/page-view';
import { OcrEngine } from './engine';
import { runsFromOcr, suppressSeals } from './page';
import { MAX_OCR_PIXELS, OCR_DPI, renderPage } from './render';

/** Progress of a file's import: the OCR of page `page` (1-based) of `pages` has begun. */
export interface ImportProgress {
  phase: 'ocr';
  /** 1-based number of the page being read. */
  page: number;
  /** The file's page count. */
  pages: number;
}

/**
 * How a caller follows or stops one file's import (in the calling process: never sent to the
 * parser process, which reports progress by message and is stopped by being killed).
 */
export interface ImportHooks {
  /** Called as each scanned page's OCR begins. */
  onProgress?: (progress: ImportProgress) => void;
  /** Aborted: the import stops before its next page, refused `cancelled`. */
  signal?: AbortSignal;
}

/** The refusal of an import the reviewer stopped ({@link ImportHooks.signal}, or the parser killed). */
export function cancelledError(): QiyueError {
  return new QiyueError('cancelled', '已取消导入 (the import was cancelled)');
}

/** Throws {@link cancelledError} when `hooks.signal` has been aborted (checked before each page). */
export function throwIfCancelled(hooks: ImportHooks): void {
  if (hooks.signal?.aborted) throw cancelledError();
}

/**
 * A page with fewer visible characters than this in its text layer is read by OCR: a scan, or a
 * scan that carries only a stamped page number or a scanner's header as text.
 */
export const MIN_TEXT_LAYER_CHARS = 10;

/** Whether a page's own text layer is too thin to be its text (see {@link MIN_TEXT_LAYER_CHARS}). */
export function thinTextLayer(runs: readonly TextRun[]): boolean {
  let n = 0;
  for (const r of runs) n += r.str.replace(/\s/g, '').length;
  return n < MIN_TEXT_LAYER_CHARS;
}

/**
 * Path operations past which a page without text may be drawing its text as outlines (a PDF
 * whose fonts were converted to curves): read by OCR like a scan.
 */
const OUTLINED_TEXT_PATHS = 200;

/**
 * Whether a page with a thin text layer has something for OCR to read: an image (a scan, a
 * stamped page) or many drawn paths. A page with only a heading or a page number (a volume's
 * title page, a blank page) is left as its text layer gives it.
 */
export async function pageHasPicture(page: PDFPageProxy): Promise<boolean> {
  const { OPS } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const images = new Set<number>([
    OPS.paintImageXObject,
    OPS.paintInlineImageXObject,
    OPS.paintInlineImageXObjectGroup,
    OPS.paintImageXObjectRepeat,
    OPS.paintImageMaskXObject,
    OPS.paintImageMaskXObjectGroup,
    OPS.paintImageMaskXObjectRepeat,
    OPS.paintSolidColorImageMask,
  ]);
  const { fnArray } = await page.getOperatorList();
  let paths = 0;
  for (const fn of fnArray) {
    if (images.has(fn)) return true;
    if (fn === OPS.constructPath && ++paths >= OUTLINED_TEXT_PATHS) return true;
  }
  return false;
}

let engine: Promise<OcrEngine> | null = null;

/**
 * The process's OCR engine, loaded on first use.
 * @throws QiyueError `ocr-unavailable` (a later call tries again)
 */
export function ocrEngine(): Promise<OcrEngine> {
  engine ??= OcrEngine.create().catch((err) => {
    engine = null;
    throw err;
  });
  return engine;
}

/**
 * Reads one PDF page by OCR: drawn at the OCR resolution, seals whitened, lines recognised and
 * turned into runs in the page's user space (what pdf.js's text items would have given).
 * @throws QiyueError `ocr-unavailable`, `corrupt` (the page cannot be drawn)
 */
export async function ocrPdfPage(page: PDFPageProxy): Promise<TextRun[]> {
  const ocr = await ocrEngine();
  const image = await renderPage(page);
  suppressSeals(image);
  const lines = await ocr.read(image);
  return runsFromOcr(lines, image.toPdf);
}

/**
 * Reads by OCR a page that draws its text as graphics (an OFD whose glyphs are paths or images,
 * with no text codes): its paths and images drawn on white at the OCR resolution, then read as a
 * scanned page is.
 * @param graphics the page's paths and images (points from the top left, y down)
 * @param width,height the page's size in points
 * @throws QiyueError `ocr-unavailable`
 */
export async function ocrDrawnPage(
  graphics: PageGraphics,
  width: number,
  height: number,
): Promise<TextRun[]> {
  const { createCanvas, loadImage, Path2D } = await import('@napi-rs/canvas');
  const ocr = await ocrEngine();
  let scale = OCR_DPI / 72;
  const pixels = width * height * scale * scale;
  if (pixels > MAX_OCR_PIXELS) scale *= Math.sqrt(MAX_OCR_PIXELS / pixels);
  const w = Math.max(1, Math.ceil(width * scale));
  const h = Math.max(1, Math.ceil(height * scale));
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, w, h);
  ctx.scale(scale, scale);
  for (const img of graphics.images) {
    try {
      const bytes = Buffer.from(img.href.slice(img.href.indexOf(',') + 1), 'base64');
      ctx.drawImage(await loadImage(bytes), img.x, img.y, img.width, img.height);
    } catch {
      // An image that does not decode is left undrawn, as the viewer leaves it.
    }
  }
  for (const p of graphics.paths) {
    const path = new Path2D(p.d);
    if (p.fill) {
      ctx.fillStyle = p.fill;
      ctx.fill(path);
    }
    if (p.stroke) {
      ctx.strokeStyle = p.stroke;
      ctx.lineWidth = p.width;
      ctx.stroke(path);
    }
  }
  const { data } = ctx.getImageData(0, 0, w, h);
  const image = {
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    width: w,
    height: h,
  };
  suppressSeals(image);
  const lines = await ocr.read(image);
  return runsFromOcr(lines, ([x, y]) => [x / scale, height - y / scale]);
}
