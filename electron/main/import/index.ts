/**
 * Import dispatcher: checks size and type from the bytes (not only the file name) and hands
 * the file to the PDF, DOCX or text importer.
 */
import path from 'node:path';
import type { SourceDocument, SourceFormat } from '../../../shared/domain/document';
import { MAX_IMPORT_BYTES, QiyueError } from '../../../shared/domain/errors';
import { importDocx } from './docx';
import { importOfd } from './ofd';
import { importPdf } from './pdf';
import { importText } from './text';
import { importImage } from './image';
import type { ImportHooks } from '../ocr/index';

/** The format a file name claims, or null for an unsupported extension. */
export function formatFromName(fileName: string): SourceFormat | null {
  const ext = path.extname(fileName).toLowerCase();
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx') return 'docx';
  if (ext === '.ofd') return 'ofd';
  if (['.jpg', '.jpeg', '.png', '.tif', '.tiff'].includes(ext)) return 'image';
  if (ext === '.txt' || ext === '.text') return 'txt';
  if (ext === '.md' || ext === '.markdown') return 'md';
  return null;
}

function sniff(data: Uint8Array): string {
  const head = Buffer.from(data.subarray(0, 8));
  if (head.subarray(0, 4).toString('latin1') === '%PDF') return 'PDF';
  // Signatures in full, with their binary bytes: a text file may well start with `PK` or `MZ`.
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] < 0x09 && head[3] < 0x09) return 'ZIP/DOCX';
  if (head[0] === 0xff && head[1] === 0xd8) return 'JPEG';
  if (head.subarray(1, 4).toString('latin1') === 'PNG') return 'PNG';
  if (['49492a00', '4d4d002a'].includes(head.subarray(0, 4).toString('hex'))) return 'TIFF';
  if (head.subarray(0, 4).toString('hex') === 'd0cf11e0') return 'DOC/XLS (OLE)';
  if (head.subarray(0, 2).toString('latin1') === 'MZ' && data.subarray(0, 512).includes(0))
    return 'EXE';
  return 'unknown';
}

export { sha256 } from '../sha256';

/** Options for {@link importFile}. */
export interface ImportOptions {
  /** User password for an encrypted PDF. */
  password?: string;
}

/**
 * Reads a contract file into a {@link SourceDocument}.
 * @param fileName the original name; its extension selects the importer
 * @param data the file's bytes
 * @throws QiyueError `empty-file`, `too-large` (over {@link MAX_IMPORT_BYTES}),
 *   `unsupported-format`, `wrong-type` (content does not match the extension), and the
 *   importers' own errors (`encrypted`, `wrong-password`, `corrupt`, `no-text-layer`,
 *   `ocr-unavailable`)
 * @param hooks progress callbacks (a scanned page's OCR)
 */
export async function importFile(
  fileName: string,
  data: Uint8Array,
  options: ImportOptions = {},
  hooks: ImportHooks = {},
): Promise<SourceDocument> {
  if (data.length === 0)
    throw new QiyueError('empty-file', `文件为空：${fileName} (the file is empty)`);
  if (data.length > MAX_IMPORT_BYTES) {
    throw new QiyueError(
      'too-large',
      `文件过大：${(data.length / 1048576).toFixed(1)} MiB，上限 ${MAX_IMPORT_BYTES / 1048576} MiB (file too large: the limit is 100 MiB)`,
    );
  }
  const format = formatFromName(fileName);
  if (!format) {
    throw new QiyueError(
      'unsupported-format',
      `不支持的文件类型：${path.extname(fileName) || '无扩展名'}；请导入 PDF、OFD、DOCX、TXT、MD 或扫描图片（JPG、PNG、TIF） (unsupported file type)`,
    );
  }
  const kind = sniff(data);
  if (format === 'pdf') {
    if (
      kind !== 'PDF' &&
      !Buffer.from(data.subarray(0, 1024)).toString('latin1').includes('%PDF-')
    ) {
      throw new QiyueError(
        'wrong-type',
        `文件扩展名为 PDF，但内容不是 PDF（${kind === 'unknown' ? '未知格式' : kind}） (not a PDF file: the content is ${kind})`,
      );
    }
    // Anywhere, not only at the very end: a PDF may carry bytes after its end marker (padding, a
    // mail gateway's trailer), which readers ignore.
    if (Buffer.from(data.buffer, data.byteOffset, data.byteLength).lastIndexOf('%%EOF') < 0) {
      throw new QiyueError(
        'corrupt',
        'PDF 文件不完整：缺少文件结尾标记 %%EOF，可能在复制或下载时中断 (the PDF is truncated: it has no %%EOF end marker)',
      );
    }
    return importPdf(data, options.password, hooks);
  }
  if (format === 'docx') return importDocx(data);
  if (format === 'image') {
    if (!['JPEG', 'PNG', 'TIFF'].includes(kind))
      throw new QiyueError(
        'wrong-type',
        `文件扩展名为图片，但内容不是 JPEG、PNG 或 TIFF 图片（${kind === 'unknown' ? '未知格式' : kind}） (not an image file: the content is ${kind})`,
      );
    return importImage(data, kind, hooks);
  }
  if (format === 'ofd') {
    if (kind !== 'ZIP/DOCX')
      throw new QiyueError(
        'wrong-type',
        `文件扩展名为 OFD，但内容不是 OFD（${kind === 'unknown' ? '未知格式' : kind}） (not an OFD file: the content is ${kind})`,
      );
    return importOfd(data, hooks);
  }
  if (kind !== 'unknown') {
    throw new QiyueError(
      'wrong-type',
      `文件不是文本文件（内容为 ${kind}） (not a text file: the content is ${kind})`,
    );
  }
  return importText(data, format);
}
