/**
 * Errors Qiyue reports to people. Every refusal has a stable `code` (for tests, the IPC error
 * shape and translations) and a message in Chinese followed by English.
 */

/** Why an import or a store operation was refused. */
export type QiyueErrorCode =
  | 'empty-file'
  | 'too-large'
  | 'wrong-type'
  | 'unsupported-format'
  | 'encrypted'
  | 'wrong-password'
  | 'no-text-layer'
  | 'ocr-unavailable'
  | 'cancelled'
  | 'corrupt'
  | 'timeout'
  | 'too-complex'
  | 'store-unreadable'
  | 'store-locked'
  | 'locked'
  | 'wrong-passphrase'
  | 'not-found'
  | 'no-reviewer'
  | 'invalid-request'
  | 'internal';

/** An error with a code and a bilingual, specific message. */
export class QiyueError extends Error {
  readonly code: QiyueErrorCode;
  constructor(code: QiyueErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'QiyueError';
    this.code = code;
  }
}

/** Largest file Qiyue imports: 100 MiB. Larger files are refused with `too-large`. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
