/**
 * The app's IPC for one data folder, locked or open. An encrypted folder starts locked: only
 * `vault:status` and `vault:unlock` answer, every other channel says `locked`, and nothing of the
 * folder is read. Unlocking opens the store with the passphrase and serves the handlers of
 * `handlers.ts`; `vault:lock` drops the store, its search index and the key from memory and goes
 * back to locked. A folder that is not encrypted is open from the start. Electron's main and the
 * loopback harness serve the same session.
 */
import { CHANNELS, type IpcResult } from '../../../shared/ipc/contract';
import { ContractStore } from '../store/store';
import { lockedError } from '../store/data-files';
import { createHandlers, dispatch, installationHandlers, type AppInstallation } from './handlers';
import type { OpenQueue } from '../open-files';

/** What the app hands a session beside the store (all optional: tests leave them out). */
export interface SessionOptions {
  /** Called with the store each time it is opened (the app starts the re-analysis here). */
  onOpen?: (store: ContractStore) => void;
  /**
   * Files the operating system asked the app to open, served to the renderer once the folder is
   * open (`app:openRequests`).
   */
  openRequests?: OpenQueue;
  /** Prints the HTML report to PDF (`report:export` format `pdf`). */
  printToPdf?: (html: string) => Promise<Uint8Array>;
  /**
   * The installation (`app:info`, `app:setLanguage`); without it, the store's data folder and
   * an unknown version.
   */
  installation?: AppInstallation;
}

/**
 * Opens the folder's store, with the passphrase when it is encrypted.
 * @throws QiyueError as {@link ContractStore.open} (`wrong-passphrase`, `locked`)
 */
export type OpenStore = (passphrase?: string) => Promise<ContractStore>;

/** A data folder's IPC session (see module doc). */
export class AppSession {
  private open: { store: ContractStore; handlers: ReturnType<typeof createHandlers> } | null = null;

  private constructor(
    private readonly openStore: OpenStore,
    private readonly options: SessionOptions,
  ) {}

  /**
   * A session for the folder: open at once when it is not encrypted, locked when it is.
   * @param encrypted whether the folder is encrypted (`ContractStore.isEncrypted`)
   * @throws QiyueError as {@link ContractStore.open} for a folder that is not encrypted
   */
  static async start(
    encrypted: boolean,
    openStore: OpenStore,
    options: SessionOptions = {},
  ): Promise<AppSession> {
    const session = new AppSession(openStore, options);
    if (!encrypted) session.attach(await openStore());
    return session;
  }

  /** The open store. @throws QiyueError `locked` while the folder is locked */
  get store(): ContractStore {
    if (!this.open) throw lockedError();
    return this.open.store;
  }

  /** Whether the folder is locked (encrypted and not unlocked). */
  get locked(): boolean {
    return this.open === null;
  }

  private attach(store: ContractStore): void {
    this.open = {
      store,
      handlers: createHandlers(store, {
        lock: async () => {
          this.open = null;
        },
        openRequests: this.options.openRequests,
        printToPdf: this.options.printToPdf,
        installation: this.options.installation,
      }),
    };
    this.options.onOpen?.(store);
  }

  /**
   * Validates and runs one call (`handlers.ts` `dispatch`); while locked, only `vault:status`,
   * `vault:unlock` and the installation's `app:info` and `app:setLanguage` answer.
   */
  async dispatch(channel: unknown, payload: unknown): Promise<IpcResult<unknown>> {
    if (this.open) return dispatch(this.open.handlers, channel, payload);
    return dispatch(this.lockedHandlers(), channel, payload);
  }

  /** The handler table while locked: every channel refuses but the two that unlock. */
  private lockedHandlers(): Parameters<typeof dispatch>[0] {
    const refuse = async () => {
      throw lockedError();
    };
    const table = Object.fromEntries(CHANNELS.map((c) => [c, refuse])) as unknown as Parameters<
      typeof dispatch
    >[0];
    table['vault:status'] = async () => ({ encrypted: true, locked: true });
    Object.assign(table, installationHandlers(this.options.installation));
    table['vault:unlock'] = async ({ passphrase }: { passphrase: string }) => {
      const store = await this.openStore(passphrase);
      // Another call may have unlocked it while this passphrase was checked: that one stays.
      if (!this.open) this.attach(store);
      return { encrypted: store.encryption.encrypted, locked: false };
    };
    return table;
  }
}
