/**
 * Image files (.jpg, .png, .tif: a page photographed or scanned to an image) as one page each:
 * decoded with sharp under a pixel limit, read by OCR, laid out like a PDF page whose size is the
 * image's at its stated resolution. The viewer shows the image as a one-page PDF
 * ({@link imageAsPdf}).
 */
import type { SourceDocument } from '../../../shared/domain/document';
import { BoxTable } from '../../../shared/domain/document';
import { QiyueError } from '../../../shared/domain/errors';
import { pageLines } from '../../../shared/domain/layout/lines';
import { layoutDocument, withoutFurniture } from '../../../shared/domain/layout/document';
import { ocrEngine, throwIfCancelled, type ImportHooks } from '../ocr/index';
import { runsFromOcr, suppressSeals } from '../ocr/page';
import { MAX_OCR_PIXELS } from '../ocr/render';
import { imagePdf } from './image-pdf';

/** The resolution assumed for an image that does not state one (a phone photo), dpi. */
const DEFAULT_DPI = 150;

/**
 * The image's resolution: its own (`density`, dpi) where it states a scanner's (100–1200), else
 * {@link DEFAULT_DPI}: 72 and 96 are what programs write when they know none (JFIF's and
 * Windows' defaults), not a scan's.
 */
function dpiOf(density: number | undefined): number {
  return density && density >= 100 && density <= 1200 ? density : DEFAULT_DPI;
}

type Sharp = typeof import('sharp');

async function loadSharp(): Promise<Sharp> {
  const m = await import('sharp');
  return (m as unknown as { default: Sharp }).default ?? (m as unknown as Sharp);
}

/** The image's size and resolution, its first page only (a multi-page TIFF's others are ignored). */
async function metadataOf(sharp: Sharp, data: Uint8Array, kind: string) {
  let meta;
  try {
    meta = await sharp(data, { limitInputPixels: false }).metadata();
  } catch (err) {
    throw new QiyueError(
      'corrupt',
      `图片文件已损坏，无法读取（${kind}）；请重新扫描或导出后再导入 (the ${kind} image is damaged and cannot be read)`,
      { cause: err },
    );
  }
  const width = meta.width ?? 0;
  const height = meta.height ?? 0;
  if (!width || !height)
    throw new QiyueError('corrupt', `图片没有可读的尺寸（${kind}） (the image has no size)`);
  if (width * height > MAX_OCR_PIXELS)
    throw new QiyueError(
      'too-large',
      `图片过大，无法识别文字：${width}×${height} 像素，上限 ${MAX_OCR_PIXELS / 1e6} 百万像素；请以 300 dpi 以下重新扫描 (the image is too large to OCR: ${width}×${height} pixels, the limit is ${MAX_OCR_PIXELS / 1e6} megapixels)`,
    );
  return { width, height, dpi: dpiOf(meta.density), pages: meta.pages ?? 1 };
}

/**
 * Reads an image file by OCR.
 * @param kind the sniffed type (`JPEG`, `PNG`, `TIFF`), for messages
 * @returns a one-page document (`format: 'image'`) with boxes in points on a page of the image's
 *   size at its resolution, OCR's probabilities, and `ocrPages: [1]`
 * @throws QiyueError `corrupt` (undecodable), `too-large` (over {@link MAX_OCR_PIXELS}),
 *   `no-text-layer` (OCR read nothing), `ocr-unavailable`, `cancelled`
 */
export async function importImage(
  data: Uint8Array,
  kind: string,
  hooks: ImportHooks = {},
): Promise<SourceDocument> {
  const sharp = await loadSharp();
  const { width, height, dpi, pages } = await metadataOf(sharp, data, kind);
  throwIfCancelled(hooks);
  hooks.onProgress?.({ phase: 'ocr', page: 1, pages: 1 });
  let raw: Buffer;
  try {
    raw = await sharp(data, { limitInputPixels: MAX_OCR_PIXELS })
      .rotate() // a photo's EXIF orientation
      .flatten({ background: '#ffffff' })
      .toColourspace('srgb')
      .ensureAlpha()
      .raw()
      .toBuffer();
  } catch (err) {
    throw new QiyueError(
      'corrupt',
      `图片文件已损坏，无法读取（${kind}）；请重新扫描或导出后再导入 (the ${kind} image is damaged and cannot be read)`,
      { cause: err },
    );
  }
  // EXIF rotation may swap the sides.
  const turned =
    raw.length === width * height * 4 ? { width, height } : { width: height, height: width };
  const image = { data: new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength), ...turned };
  const ocr = await ocrEngine();
  suppressSeals(image);
  const lines = await ocr.read(image);
  const scale = 72 / dpi;
  const pageWidth = turned.width * scale;
  const pageHeight = turned.height * scale;
  const runs = runsFromOcr(lines, ([x, y]) => [x * scale, pageHeight - y * scale]);
  const table = new BoxTable();
  const doc = layoutDocument(
    [
      {
        lines: withoutFurniture(pageLines(runs, 0, table), pageHeight),
        height: pageHeight,
        width: pageWidth,
      },
    ],
    table,
    'image',
    1,
  );
  if (!doc)
    throw new QiyueError(
      'no-text-layer',
      `图片中没有识别出文字（${kind}）：可能是空白页，或图片过于模糊 (OCR found no text in the image)`,
    );
  doc.ocrPages = [1];
  doc.warnings = [
    `图片文件，文字由 OCR 识别，可能有误读，请对照原件核对 (an image: the text was read by OCR)`,
    ...(pages > 1
      ? [
          `图片文件共 ${pages} 页，只读取了第 1 页；请将各页分别导入，或合成 PDF 后导入 (only the first of ${pages} pages was read)`,
        ]
      : []),
  ];
  return doc;
}

/**
 * An image file as a one-page PDF for the viewer: the page the importer laid the text out on
 * (the image's size at its resolution), the image in it as a JPEG.
 * @throws QiyueError `corrupt`, `too-large` as {@link importImage}
 */
export async function imageAsPdf(data: Uint8Array, kind: string): Promise<Uint8Array> {
  const sharp = await loadSharp();
  const { dpi } = await metadataOf(sharp, data, kind);
  const { data: jpeg, info } = await sharp(data, { limitInputPixels: MAX_OCR_PIXELS })
    .rotate()
    .flatten({ background: '#ffffff' })
    .toColourspace('srgb')
    .jpeg({ quality: 90 })
    .toBuffer({ resolveWithObject: true });
  const scale = 72 / dpi;
  return imagePdf([
    {
      jpeg: new Uint8Array(jpeg),
      width: info.width,
      height: info.height,
      pageWidth: info.width * scale,
      pageHeight: info.height * scale,
    },
  ]);
}
