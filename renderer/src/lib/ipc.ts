/**
 * The renderer's typed IPC client. Types come from the contract's zod schemas, so a contract
 * change is a type error here. The transport is `window.qiyue.invoke`: the preload in Electron,
 * the loopback bridge script in the end-to-end harness.
 */
import type { Channel, IpcResult, Request, Response } from '../../../shared/ipc/contract';
import { IpcCallError } from './ipc-error';

export { IpcCallError };

declare global {
  interface Window {
    qiyue: { invoke(channel: string, payload: unknown): Promise<IpcResult<unknown>> };
  }
}

/** Calls a channel; resolves with its value or rejects with an {@link IpcCallError}. */
export async function call<C extends Channel>(
  channel: C,
  request: Request<C>,
): Promise<Response<C>> {
  const result = await window.qiyue.invoke(channel, request);
  if (!result.ok)
    throw new IpcCallError(result.error.code, result.error.message, result.error.params);
  return result.value as Response<C>;
}
