/** Scans for the tests: image-only PDFs ({@link imagePdf}) and a blank one. */
import { imagePdf } from '../../electron/main/import/image-pdf';

export { imagePdf } from '../../electron/main/import/image-pdf';
export type { ImagePage, TextPage } from '../../electron/main/import/image-pdf';

/** A one-page scan of a blank white sheet (US letter at 100 dpi): no text layer, nothing to read. */
export async function blankScanPdf(): Promise<Uint8Array> {
  const { createCanvas } = await import('@napi-rs/canvas');
  const canvas = createCanvas(850, 1100);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, 850, 1100);
  const jpeg = await canvas.encode('jpeg', 80);
  return imagePdf([{ jpeg, width: 850, height: 1100, pageWidth: 612, pageHeight: 792 }]);
}

/**
 * An image of one line of Chinese text, black on white in Noto Sans CJK, as a scanner would see
 * a printed line: `fontPx` high, from the left margin, on the image's lower half.
 */
export async function textLineImage(
  text: string,
  {
    width,
    height,
    fontPx,
    format,
  }: { width: number; height: number; fontPx: number; format: 'png' | 'jpeg' },
): Promise<Buffer> {
  const { GlobalFonts, createCanvas } = await import('@napi-rs/canvas');
  GlobalFonts.registerFromPath(
    '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    'Noto Sans CJK SC',
  );
  const canvas = createCanvas(width, height);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#000';
  ctx.font = `${fontPx}px "Noto Sans CJK SC"`;
  ctx.fillText(text, fontPx * 0.6, height * 0.6);
  return format === 'png' ? canvas.encode('png') : canvas.encode('jpeg', 90);
}
