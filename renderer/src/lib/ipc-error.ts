/** The error a failed IPC call rejects with (kept apart from `ipc.ts`, which needs the DOM). */
/**
 * A failed IPC call: `code` is the QiyueErrorCode from main, `message` main's bilingual
 * `中文 (English)` text, `params` the values its wording names (see `errors.ts`).
 */
export class IpcCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
  }
}
