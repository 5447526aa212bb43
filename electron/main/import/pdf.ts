/**
 * PDF import with pdfjs-dist in plain Node: an adapter that feeds each page's text runs (PDF user
 * space) to the page-layout layer (`shared/domain/layout/`), which gives the lines in reading
 * order, wrapped lines joined back into paragraphs and every character's box.
 * cMaps, standard fonts and wasm decoders load from the local pdfjs-dist package, never the network.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { BoxTable, type SourceDocument } from '../../../shared/domain/document';
import { QiyueError } from '../../../shared/domain/errors';
import { pageLines, type TextRun } from '../../../shared/domain/layout/lines';
import {
  layoutDocument,
  withoutFurniture,
  type PageLines,
} from '../../../shared/domain/layout/document';
import {
  ocrPdfPage,
  pageHasPicture,
  thinTextLayer,
  throwIfCancelled,
  type ImportHooks,
} from '../ocr/index';

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

/** What the PDF importer reads of a pdf.js text item. */
interface TextItemLike {
  str: string;
  transform: number[];
  width: number;
  height: number;
}

/** A pdf.js text item as the layout layer's run (its height, when pdf.js gives none, from the matrix). */
function runOf(item: TextItemLike): TextRun {
  const [, , c, d, x, y] = item.transform;
  return { str: item.str, x, y, width: item.width, height: item.height || Math.hypot(c, d) };
}

/**
 * Imports a PDF's text layer.
 * @param data the file's bytes (not retained)
 * @param password the user password for encrypted PDFs
 * @returns the document with per-character boxes; `pageCount` is the PDF's page count
 * @throws QiyueError `encrypted` (needs a password), `wrong-password`, `corrupt` (truncated or
 *   damaged), `no-text-layer` (no page has text, not even by OCR), `ocr-unavailable` (a page
 *   needs OCR and its models cannot be loaded)
 *
 * A page whose text layer is empty or nearly so and that paints an image ({@link thinTextLayer},
 * {@link pageHasPicture}: a scan) is read by OCR, page
 * by page, so a PDF with some pages scanned and some with text is read as a whole; `hooks`
 * hears as each page's OCR begins. The document's `confidence` holds what OCR read.
 */
export async function importPdf(
  data: Uint8Array,
  password?: string,
  hooks: ImportHooks = {},
): Promise<SourceDocument> {
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
    const pages: PageLines[] = [];
    const table = new BoxTable();
    let items = 0;
    const ocrPages: number[] = [];
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
      let runs = (content.items as TextItemLike[]).filter((it) => 'str' in it).map(runOf);
      if (thinTextLayer(runs) && (await pageHasPicture(page))) {
        throwIfCancelled(hooks);
        hooks.onProgress?.({ phase: 'ocr', page: p, pages: doc.numPages });
        const read = await ocrPdfPage(page);
        // What OCR read stands for the page (its few text-layer characters are drawn in the
        // image OCR read); a page where it read nothing keeps its text layer.
        if (read.some((r) => r.str.trim())) {
          runs = read;
          ocrPages.push(p);
        }
      }
      pages.push({
        lines: withoutFurniture(pageLines(runs, p - 1, table), height),
        height,
        width: page.view[2] - page.view[0],
      });
      page.cleanup();
    }
    const laidOut = layoutDocument(pages, table, 'pdf', doc.numPages);
    if (!laidOut)
      throw new QiyueError(
        'no-text-layer',
        'PDF 中没有可识别的文字：没有文字层，文字识别（OCR）也未读出文字；可能是空白页或图片过于模糊 (no text: the PDF has no text layer and OCR found none)',
      );
    if (ocrPages.length) {
      const n = ocrPages.length;
      laidOut.ocrPages = ocrPages;
      laidOut.warnings = [
        ...(laidOut.warnings ?? []),
        n === doc.numPages
          ? `全部 ${n} 页为扫描件，文字由 OCR 识别，可能有误读，请对照原件核对 (all ${n} pages are scanned: the text was read by OCR)`
          : `第 ${ocrPages.join('、')} 页为扫描件（共 ${doc.numPages} 页），其文字由 OCR 识别，可能有误读，请对照原件核对 (pages ${ocrPages.join(', ')} of ${doc.numPages} were read by OCR)`,
      ];
    }
    return laidOut;
  } finally {
    await loadingTask.destroy();
  }
}

/** file:// URL of a pdfjs-dist asset folder (for callers that need URLs). */
export function pdfjsAssetUrl(sub: string): string {
  return pathToFileURL(path.join(pdfjsDir(), sub) + path.sep).href;
}
