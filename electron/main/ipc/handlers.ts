/**
 * IPC handlers in plain Node: the same functions serve Electron's ipcMain and the loopback web
 * harness used by end-to-end tests. `dispatch` validates the channel and the payload with the
 * contract's zod schemas and never throws: failures come back as `{ ok: false, error }`.
 */
import {
  IPC_CONTRACT,
  isChannel,
  type Channel,
  type ContractSummary,
  type IpcResult,
  type Response,
} from '../../../shared/ipc/contract';
import { QiyueError } from '../../../shared/domain/errors';
import type { ContractStore, StoredContract } from '../store/store';

/** The library row of a stored contract. */
export function summarize(c: StoredContract): ContractSummary {
  const parties = c.report.contract.parties;
  return {
    id: c.id,
    fileName: c.fileName,
    format: c.format,
    pageCount: c.pageCount,
    importedAt: c.importedAt,
    title: c.report.contract.title,
    partyA: parties.find((p) => p.role === 'partyA')?.name ?? null,
    partyB: parties.find((p) => p.role === 'partyB')?.name ?? null,
    totalYuan: c.report.contract.totalAmount?.yuan ?? null,
    signedOn: c.report.contract.signedOn,
  };
}

type Handlers = { [C in Channel]: (req: any) => Promise<Response<C>> };

/** The handler table for one store. */
export function createHandlers(store: ContractStore): Handlers {
  return {
    'contracts:list': async () => (await store.list()).map(summarize),
    'contracts:get': async ({ id }: { id: string }) => {
      const c = await store.get(id);
      return { summary: summarize(c), text: c.text, report: c.report };
    },
    'contracts:import': async (req: { fileName: string; bytes: Uint8Array; password?: string }) => {
      const { contract, duplicate } = await store.importContract(req.fileName, req.bytes, {
        password: req.password,
      });
      return { summary: summarize(contract), duplicate };
    },
    'contracts:file': async ({ id }: { id: string }) => {
      const { contract, bytes } = await store.readOriginal(id);
      return { bytes: bytes as Uint8Array<ArrayBuffer>, format: contract.format };
    },
    'contracts:remove': async ({ id }: { id: string }) => {
      await store.remove(id);
      return { removed: true as const };
    },
    'store:status': async () => ({
      dataDir: store.dataDir,
      recoveredFrom: store.recoveredFrom?.movedTo ?? null,
    }),
  };
}

/**
 * Validates and runs one call.
 * @returns `{ ok: true, value }`, or `{ ok: false, error: { code, message } }` with code
 *   `invalid-request` (unknown channel or malformed payload) or the handler's QiyueError code
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: `未知的调用通道 (unknown IPC channel: ${String(channel)})`,
      },
    };
  }
  const parsed = IPC_CONTRACT[channel].request.safeParse(payload ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
      .join('; ');
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: `请求格式不正确 (invalid request for ${channel}: ${detail})`,
      },
    };
  }
  try {
    const value = await handlers[channel](parsed.data as never);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof QiyueError)
      return { ok: false, error: { code: err.code, message: err.message } };
    return {
      ok: false,
      error: { code: 'internal', message: `内部错误 (internal error: ${(err as Error).message})` },
    };
  }
}
