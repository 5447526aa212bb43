/**
 * Errors Qiyue reports to people. Every refusal has a stable `code` (for tests, the IPC error
 * shape and translations) and a message in Chinese followed by English.
 */

/** Every code a refusal may carry (the renderer has words for each: `errors.<code>`). */
export const QIYUE_ERROR_CODES = [
  'empty-file',
  'too-large',
  'wrong-type',
  'unsupported-format',
  'encrypted',
  'wrong-password',
  'no-text-layer',
  'ocr-unavailable',
  'cancelled',
  'corrupt',
  'timeout',
  'too-complex',
  'store-unreadable',
  'store-locked',
  'locked',
  'wrong-passphrase',
  'not-found',
  'no-reviewer',
  'invalid-request',
  'internal',
] as const;

/** Why an import or a store operation was refused. */
export type QiyueErrorCode = (typeof QIYUE_ERROR_CODES)[number];

/** Values an error's wording may name (a limit in MiB, a file name), for the renderer's words. */
export type QiyueErrorParams = Record<string, string | number>;

/**
 * An error with a code and a bilingual, specific message written `中文 (English)`. The app's
 * renderer words the error by its code and `params` in the interface language
 * (`renderer/src/lib/errors.ts`) and gives the message's part in that language as the detail.
 */
export class QiyueError extends Error {
  readonly code: QiyueErrorCode;
  readonly params?: QiyueErrorParams;
  constructor(
    code: QiyueErrorCode,
    message: string,
    options?: { cause?: unknown; params?: QiyueErrorParams },
  ) {
    super(message, options);
    this.name = 'QiyueError';
    this.code = code;
    if (options?.params) this.params = options.params;
  }
}

/**
 * A message written `中文 (English)` as its two parts: `{ zh: '中文', en: 'English' }`. The
 * English part is the last parenthesis that closes the message; a message without one is
 * returned whole as `zh` with `en` null.
 */
export function splitBilingual(message: string): { zh: string; en: string | null } {
  const m = /^([\s\S]*?)\s*\(([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/.exec(message);
  if (!m || !/[A-Za-z]/.test(m[2]) || !m[1].trim()) return { zh: message, en: null };
  return { zh: m[1].trim(), en: m[2].trim() };
}

/** Largest file Qiyue imports: 100 MiB. Larger files are refused with `too-large`. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024;
