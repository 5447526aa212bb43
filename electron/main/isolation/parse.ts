/**
 * The work done on an untrusted file: import (PDF, DOCX, text) → analysis → report. Run in the
 * parser process (`child.ts`) so that a hostile file can only exhaust that process; also
 * callable in-process where isolation is not wanted (benchmarks, the importers' own tests).
 */
import path from 'node:path';
import type { SourceDocument } from '../../../shared/domain/document';
import { analyzeDocument } from '../../../shared/domain/analyze';
import { buildReport, type ReviewReport } from '../../../shared/domain/report';
import { importFile, sha256, type ImportOptions } from '../import/index';
import type { ImportHooks } from '../ocr/index';
import { imageAsPdf } from '../import/image';

/** A file read and analysed: its document (text, character boxes) and its report. */
export interface ParsedContract {
  doc: SourceDocument;
  report: ReviewReport;
  /** For an image file, the one-page PDF the viewer shows it as (made here, not in main). */
  view?: Uint8Array;
}

/** Reads a file in the calling process, as a parser process does; see {@link ContractParser}. */
export type ParseFn = (
  fileName: string,
  bytes: Uint8Array,
  options?: ImportOptions,
  hooks?: ImportHooks,
) => Promise<ParsedContract>;

/**
 * Imports and analyses one file.
 * @throws QiyueError from the importers (`import/index.ts`)
 */
export const parseContract: ParseFn = async (fileName, bytes, options = {}, hooks = {}) => {
  const doc = await importFile(fileName, bytes, options, hooks);
  const report = buildReport(
    {
      fileName: path.basename(fileName),
      sha256: sha256(bytes),
      format: doc.format,
      pageCount: doc.pageCount,
    },
    doc,
    analyzeDocument(doc),
  );
  const view =
    doc.format === 'image' ? await imageAsPdf(bytes, sniffedImageKind(bytes)) : undefined;
  return { doc, report, ...(view ? { view } : {}) };
};

/** The image type of an image file's bytes, for messages. */
function sniffedImageKind(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) return 'JPEG';
  if (bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'PNG';
  return 'TIFF';
}
