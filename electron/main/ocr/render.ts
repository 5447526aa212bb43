/**
 * A PDF page drawn to pixels for OCR, with pdf.js onto an `@napi-rs/canvas` canvas (the canvas
 * pdf.js itself uses in Node).
 */
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { QiyueError } from '../../../shared/domain/errors';
import type { RgbaImage } from './engine';

/**
 * The resolution pages are drawn at for OCR, in dots per inch. Measured on the scanned seed
 * (README, "OCR": character error rate against the printed text, 9 pages): 135 dpi 0.48 %,
 * 150 dpi 0.25 %, 200 dpi 0.65 % and a third slower; the recognition model reads lines scaled
 * to 48 px, so more pixels than a line needs do not help it.
 */
export const OCR_DPI = 150;

/**
 * The most pixels one page is drawn with (about A2 at 300 dpi): a page whose size asks for more
 * (a hostile MediaBox of a square kilometre) is drawn at the resolution that fits.
 */
export const MAX_OCR_PIXELS = 5000 * 7000;

/** A page image with the scale that maps PDF points to its pixels. */
export interface PageImage extends RgbaImage {
  /** Pixels per PDF point. */
  scale: number;
  /** Maps a pixel of this image (y down) to the page's PDF user space (points, y up). */
  toPdf: (p: [number, number]) => [number, number];
}

/**
 * Draws one page on white.
 * @param dpi the resolution; lowered for a page larger than {@link MAX_OCR_PIXELS}
 * @throws QiyueError `corrupt` when pdf.js cannot draw the page
 */
export async function renderPage(page: PDFPageProxy, dpi = OCR_DPI): Promise<PageImage> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const base = page.getViewport({ scale: 1 });
  let scale = dpi / 72;
  const pixels = base.width * base.height * scale * scale;
  if (pixels > MAX_OCR_PIXELS) scale *= Math.sqrt(MAX_OCR_PIXELS / pixels);
  const viewport = page.getViewport({ scale });
  const width = Math.max(1, Math.ceil(viewport.width));
  const height = Math.max(1, Math.ceil(viewport.height));
  const canvas = createCanvas(width, height);
  const context = canvas.getContext('2d');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  try {
    await page.render({
      // pdf.js types the browser's canvas; in Node it draws on @napi-rs/canvas's.
      canvas: canvas as unknown as Parameters<PDFPageProxy['render']>[0]['canvas'],
      canvasContext: context as unknown as Parameters<PDFPageProxy['render']>[0]['canvasContext'],
      viewport,
    }).promise;
  } catch (err) {
    throw new QiyueError(
      'corrupt',
      `PDF 第 ${page.pageNumber} 页无法绘制，不能识别文字 (page ${page.pageNumber} could not be drawn for OCR)`,
      { cause: err },
    );
  }
  const { data } = context.getImageData(0, 0, width, height);
  return {
    data: new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    width,
    height,
    scale,
    toPdf: ([x, y]) => viewport.convertToPdfPoint(x, y) as [number, number],
  };
}
