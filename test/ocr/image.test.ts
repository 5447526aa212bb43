/**
 * Image files as one page each: the first page of seed 001, printed at 150 dpi and saved as PNG,
 * as a grey JPEG and as TIFF, is read by OCR into the seed's party lines with boxes on a page of
 * the image's size; the viewer gets a one-page PDF of it made in the parser. Bad images are
 * refused each with its own code: damaged, too large to OCR, not an image, blank.
 */
import fs from 'node:fs';
import { createCanvas } from '@napi-rs/canvas';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/main/import/index';
import { loadPdfJs, pdfDocumentOptions } from '../../electron/main/import/pdf';
import { parseContract } from '../../electron/main/isolation/parse';
import type { PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { QiyueError } from '../../shared/domain/errors';
import { seedPath } from '../support/seeds';

let png: Buffer;

beforeAll(async () => {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument(
    pdfDocumentOptions(new Uint8Array(fs.readFileSync(seedPath('001_18cfc68e7d229bba', 'pdf')))),
  );
  const page = await (await task.promise).getPage(1);
  const viewport = page.getViewport({ scale: 150 / 72 });
  const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  type RenderArgs = Parameters<PDFPageProxy['render']>[0];
  await page.render({
    canvas: canvas as unknown as RenderArgs['canvas'],
    canvasContext: ctx as unknown as RenderArgs['canvasContext'],
    viewport,
  }).promise;
  await task.destroy();
  // 150 dpi stated in the file, as a scanner writes it.
  png = await sharp(await canvas.encode('png'))
    .withMetadata({ density: 150 })
    .png()
    .toBuffer();
}, 60_000);

async function refusal(name: string, bytes: Uint8Array): Promise<QiyueError> {
  const err = await importFile(name, bytes).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(QiyueError);
  return err as QiyueError;
}

describe('image files', () => {
  it('reads a PNG, a grey JPEG and a TIFF of a contract page by OCR', async () => {
    const files: [string, Buffer][] = [
      ['page.png', png],
      ['page.jpg', await sharp(png).grayscale().jpeg({ quality: 70 }).toBuffer()],
      ['page.tif', await sharp(png).tiff().toBuffer()],
    ];
    for (const [name, bytes] of files) {
      const doc = await importFile(name, new Uint8Array(bytes));
      expect(doc.format).toBe('image');
      expect(doc.pageCount).toBe(1);
      expect(doc.ocrPages).toEqual([1]);
      expect(doc.text).toContain('甲方（采购人）：内蒙古自治区大数据中心');
      expect(doc.text).toContain('乙方（供应商）：内蒙古绿能万企智科信息科技有限公司');
      // The page is the image at its 150 dpi: US letter, 612 × 792 points.
      expect(doc.pageSizes![0][0]).toBeCloseTo(612, 0);
      expect(doc.pageSizes![0][1]).toBeCloseTo(792, 0);
      const at = doc.text.indexOf('乙方（供应商）');
      expect(doc.boxes![at * 5]).toBe(0);
      expect(doc.boxes![at * 5 + 1]).toBeGreaterThan(40);
      expect(doc.boxes![at * 5 + 1]).toBeLessThan(120);
    }
  }, 120_000);

  it('gives the viewer a one-page PDF of the image, the size the boxes are on', async () => {
    const { doc, view } = await parseContract('page.png', new Uint8Array(png));
    expect(view).toBeInstanceOf(Uint8Array);
    const pdfjs = await loadPdfJs();
    const task = pdfjs.getDocument(pdfDocumentOptions(new Uint8Array(view!)));
    const pdf = await task.promise;
    expect(pdf.numPages).toBe(1);
    const [, , w, h] = (await pdf.getPage(1)).view;
    expect(w).toBeCloseTo(doc.pageSizes![0][0], 0);
    expect(h).toBeCloseTo(doc.pageSizes![0][1], 0);
    await task.destroy();
  }, 120_000);

  it('refuses a damaged, huge, blank or mislabelled image, each with its own code', async () => {
    expect((await refusal('t.png', new Uint8Array(png.subarray(0, 2000)))).code).toBe('corrupt');
    const huge = await sharp({
      create: { width: 9000, height: 9000, channels: 3, background: '#fff' },
    })
      .png()
      .toBuffer();
    const big = await refusal('big.png', new Uint8Array(huge));
    expect(big.code).toBe('too-large');
    expect(big.message).toContain('9000×9000');
    const blank = await sharp({
      create: { width: 1275, height: 1650, channels: 3, background: '#fff' },
    })
      .jpeg()
      .toBuffer();
    expect((await refusal('blank.jpg', new Uint8Array(blank))).code).toBe('no-text-layer');
    const text = await refusal('t.jpg', new TextEncoder().encode('甲方：某单位'));
    expect(text.code).toBe('wrong-type');
    expect(text.message).toContain('not an image file');
  }, 120_000);
});
