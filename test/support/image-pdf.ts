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
