/** Messages between the app (or command line) and its parser process. */
import type { QiyueErrorCode } from '../../../shared/domain/errors';
import type { ImportOptions } from '../import/index';
import type { ImportProgress } from '../ocr/index';
import type { ParsedContract } from './parse';

/** One file to parse. `id` pairs the answer with the request. */
export interface ParseRequest {
  id: number;
  fileName: string;
  bytes: Uint8Array;
  options?: ImportOptions;
}

/**
 * The answer: the parsed contract, or a refusal with its code and message. `unexpected` marks
 * the catch-all refusal for an error no importer anticipated (a defect to fix, counted by the
 * parent in {@link IsolatedParser.unexpected}).
 */
export type ParseResponse =
  | { id: number; progress: ImportProgress }
  | { id: number; ok: true; result: ParsedContract }
  | { id: number; ok: false; code: QiyueErrorCode; message: string; unexpected?: boolean };
