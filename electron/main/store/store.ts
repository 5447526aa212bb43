/**
 * The contract store: a lowdb catalog in the data folder (one small record per contract, NDA
 * terms, settings), each contract's text, report, boxes and reviewer work in its own files
 * under `contracts/<id>/` (`catalog.ts`), and each original file copied in under its SHA-256.
 * Schema-versioned (a schema-1 store, contracts whole in the one file, is moved to this layout
 * on first open); an unreadable store file is moved aside, never overwritten, and reported.
 *
 * An acknowledged write is never lost, whatever the other processes on the folder do:
 * - each read-modify-write holds a cross-process lock (proper-lockfile) kept fresh by a
 *   heartbeat, with a stale time (30 s) far above any write; a lock whose holder was killed is
 *   taken over at once (its PID is gone), one whose holder stalls past the stale time is taken
 *   over after it;
 * - the commit is a compare-and-swap on the store's generation number (`generations.ts`): a
 *   writer that stalled while holding the lock and resumes after another took it over finds its
 *   generation taken, reads the store again and re-applies its change instead of overwriting.
 *
 * The data folder and the folders in it are the user's only (0700), files 0600. With a
 * passphrase set (`vault.ts`), every file in it is encrypted (AES-256-GCM) and the store opens
 * only with the passphrase.
 */
import {
  decide,
  triageOf,
  type TriageMap,
  type TriageRecord,
  type TriageStatus,
} from '../../../shared/domain/triage';
import { makePrivateFolder, PRIVATE_FOLDER_MODE } from './private-folder';
import {
  ANALYZER_VERSION,
  carryOver,
  reanalysisSummary,
  type HistoryEntry,
} from '../../../shared/domain/reanalysis';
import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import { Low } from 'lowdb';
import { QiyueError } from '../../../shared/domain/errors';
import type { SourceFormat } from '../../../shared/domain/document';
import type { ReportNdaRecord, ReviewReport } from '../../../shared/domain/report';
import type { ImportOptions } from '../import/index';
import { sha256 } from '../sha256';
import { fingerprintOf } from '../identity';
import type { ParseFn, ParsedContract } from '../isolation/parse';
import type { ImportHooks } from '../ocr/index';
import { pageViews, type PageView } from '../../../shared/domain/layout/page-view';
import type { SourceDocument } from '../../../shared/domain/document';
import { sharedParser } from '../isolation/parser';
import { DataFiles, lockedError, type Keyring } from './data-files';
import {
  changePassphrase,
  createVault,
  isEncrypted,
  readVault,
  removeVault,
  setVaultState,
  unlockVault,
  type FolderCipher,
  type VaultState,
} from './vault';
import { GenerationalJsonFile, StoreConflict, UnreadableGeneration } from './generations';
import { CATALOG_DELTA } from './catalog-delta';
import type { ChecklistState, Scenario } from '../../../shared/domain/checklist';
import { applyChange } from '../../../shared/domain/checklist';
import type { ChecklistStatus } from '../../../shared/domain/obligations/schedule';
import type { PaymentEvents } from '../../../shared/domain/calculators/payments';
import { PRC_HOLIDAYS, type HolidayCalendar } from '../../../shared/domain/calendar/holidays';
import { createHash, randomUUID } from 'node:crypto';
import {
  DEFAULT_PLAYBOOK,
  withDefaults,
  type NdaPlaybook,
} from '../../../shared/domain/nda/playbook';
import {
  changeAnnotation,
  createAnnotation,
  type Annotation,
  type AnnotationEdit,
  type AnnotationStatus,
  type SignOff,
} from '../../../shared/domain/annotations';
import type { Anchor } from '../../../shared/domain/document';

/** Version of the store file's schema: 2 since the catalog and per-contract files. */
export const STORE_SCHEMA_VERSION = 2;

export type { CatalogEntry, StoredContract } from './catalog';
import {
  boxBytes,
  CONTRACTS_FOLDER,
  libraryFields,
  partFiles,
  partName,
  partPath,
  recordOf,
  workOf,
  type CatalogEntry,
  type ContractContent,
  type ContractLayout,
  type ContractParts,
  type ContractWork,
  type SearchText,
  type StoredContract,
  checklistSourceOf,
  decodeSearchText,
  encodeSearchText,
  type ChecklistSource,
  searchTextOf,
} from './catalog';

/**
 * NDA terms (保密) kept as their own records: one per source in a contract (its 保密 clauses,
 * each attached or personal 保密协议). `id` is `<contractId>:<record id>`.
 */
export interface NdaRecord extends Omit<
  ReportNdaRecord,
  'terms' | 'clauseIds' | 'penaltyRuleIds' | 'recipientName'
> {
  contractId: string;
  /** Whom a personal 保密协议 binds, when named. */
  recipientName?: string;
  /** The duration of secrecy as the contract words it, when stated. */
  duration: string | null;
  /**
   * The terms' values (their wording, pages, anchors, clauses and penalty rules are in the
   * contract's report: `confidentiality.records`, same id after the colon).
   */
  terms: { key: string; value: string | number | null }[];
}

/** The store file's content. */
export interface StoreData {
  schemaVersion: number;
  contracts: CatalogEntry[];
  ndaTerms: NdaRecord[];
  /** The holiday calendar for working-day counts, when the user edited it. */
  calendar?: HolidayCalendar;
  /** The NDA playbook, when the user edited it. */
  playbook?: NdaPlaybook;
  /** Installations whose signed review bundles the user accepted (trust on first use). */
  trustedKeys?: TrustedKey[];
  /** The reviewer's name, set once in settings: main signs every change with it. */
  reviewer?: string;
}

/** An installation's signing key the user accepted, by its fingerprint. */
export interface TrustedKey {
  fingerprint: string;
  /** SPKI PEM. */
  publicKey: string;
  acceptedAt: string;
}

/**
 * One contract of a review bundle, read and analysed, ready for {@link ContractStore.applyBundle}:
 * its original, the receiver's own analysis of it, and how to merge its reviewer state into a
 * stored contract (an empty one for a new contract).
 */
export interface BundleItem {
  id: string;
  fileName: string;
  /** The original's extension (`.pdf`), naming its copy `files/<id><ext>`. */
  ext: string;
  original: Uint8Array;
  parsed: ParsedContract;
  importedAt: string;
  merge: (c: StoredContract) => void;
}

/** Result of an import: the contract, and whether it was already in the store. */
export interface ImportResult {
  contract: StoredContract;
  duplicate: boolean;
}

/** The single store file of versions before generations (read once, then retired). */
const LEGACY_STORE_FILE = 'qiyue-store.json';
/** The folder of store generations. */
const STORE_FOLDER = 'store';

/** How the store's cross-process lock behaves (milliseconds). */
export interface LockTiming {
  /** A lock not refreshed for this long is taken over (proper-lockfile's `stale`, at least 2000). */
  staleMs: number;
  /** How often the holder refreshes it (at least 1000, at most half of `staleMs`). */
  updateMs: number;
}

/** The lock timing of the app and the command line: writes take milliseconds to about a second. */
export const DEFAULT_LOCK_TIMING: LockTiming = { staleMs: 30_000, updateMs: 3_000 };

/** Options of {@link ContractStore.open}. */
export interface StoreOptions {
  /**
   * How files are read and analysed; by default in the shared parser process, under its time
   * and memory limits (`isolation/parser.ts`).
   */
  parse?: ParseFn;
  /** Lock timing; {@link DEFAULT_LOCK_TIMING} by default. */
  lock?: LockTiming;
  /**
   * Called under the lock after a change is applied and before it is committed: fault
   * injection for tests (a writer that stalls or dies while holding the lock).
   */
  beforeCommit?: () => void | Promise<void>;
  /** The passphrase of an encrypted data folder (`vault.ts`); ignored for one that is not. */
  passphrase?: string;
  /**
   * Called before each per-contract file (and a migration's backup) is written: fault injection
   * for tests (a process killed between the files of one commit).
   */
  beforeWrite?: (name: string) => void | Promise<void>;
  /**
   * How old a file no commit names must be before it is collected (`collectGarbage`); 10 minutes
   * by default, far past the lock's stale time.
   */
  orphanAgeMs?: number;
  /**
   * Called before each file of an encryption pass is rewritten: fault injection for tests (a
   * process killed half-way through encrypting the folder).
   */
  beforePassStep?: (name: string) => void | Promise<void>;
}

/** Whether a data folder, and the store in it, are encrypted. */
export interface EncryptionStatus {
  encrypted: boolean;
}

/** The folders whose every file is encrypted with the folder (besides the store's generations). */
const ENCRYPTED_FOLDERS = ['files', 'evidence', 'identity', 'search', 'team'];

/** Owner-only permissions for what the store writes (see `private-folder.ts`). */
const PRIVATE_FOLDER = PRIVATE_FOLDER_MODE;

function emptyData(): StoreData {
  return { schemaVersion: STORE_SCHEMA_VERSION, contracts: [], ndaTerms: [] };
}

/** The store of one data folder. Create with {@link ContractStore.open}. */
/**
 * Where the background re-analysis of contracts written by an older analyser stands
 * ({@link ContractStore.reanalyzeOutdated}): `done` of `total` contracts, of which `updated`
 * were analysed again and `skipped` could not be (their original cannot be read again).
 */
export interface ReanalysisProgress {
  running: boolean;
  done: number;
  total: number;
  updated: number;
  skipped: number;
}

export class ContractStore {
  /** Settles when the files no commit names, found at open, are deleted (`collectGarbage`). */
  collected: Promise<void> = Promise.resolve();
  /** Set when the store file could not be read and was moved aside at open. */
  recoveredFrom: { movedTo: string; reason: string } | null = null;
  /** The last (or current) re-analysis run; null when none has run since the store was opened. */
  reanalysis: ReanalysisProgress | null = null;
  private db: Low<StoreData>;
  /** Whether `db.data` is the newest generation as read or committed (not changed since). */
  private fresh = false;
  /** The catalog's entries newest first, for the contracts array they were sorted from. */
  private sorted: { data: CatalogEntry[]; list: CatalogEntry[] } | null = null;
  private readonly file: GenerationalJsonFile<StoreData>;
  private queue: Promise<unknown> = Promise.resolve();
  private lockChain: Promise<unknown> = Promise.resolve();
  private readonly parse: ParseFn;
  private readonly lockTiming: LockTiming;
  /** The data key of an encrypted folder (null for one that is not encrypted). */
  private cipher: FolderCipher | null;
  /** The vault's state as last read under the lock (null: the folder is not encrypted). */
  private vaultState: VaultState | null;
  /** The folder's files, read and written through the cipher. */
  readonly files: DataFiles;

  private constructor(
    readonly dataDir: string,
    private readonly options: StoreOptions,
    unlocked: { cipher: FolderCipher; state: VaultState } | null,
  ) {
    /** Reads and analyses untrusted files: in the parser process unless told otherwise. */
    this.parse = options.parse ?? ((...args) => sharedParser().parse(...args));
    this.lockTiming = options.lock ?? DEFAULT_LOCK_TIMING;
    this.cipher = unlocked?.cipher ?? null;
    this.vaultState = unlocked?.state ?? null;
    this.files = new DataFiles(dataDir, () => this.keyring());
    this.file = new GenerationalJsonFile<StoreData>(
      path.join(dataDir, STORE_FOLDER),
      path.join(dataDir, LEGACY_STORE_FILE),
      this.files,
      CATALOG_DELTA,
    );
    this.db = new Low<StoreData>(this.file, emptyData());
  }

  /** How files are read and written now: encrypted unless the encryption is being removed. */
  private keyring(): Keyring {
    return { cipher: this.cipher, encryptWrites: this.vaultState !== 'decrypting' };
  }

  /** Whether the folder is encrypted (a pass removing the encryption counts until it is done). */
  get encryption(): EncryptionStatus {
    return { encrypted: this.cipher !== null };
  }

  /** Whether the data folder `dataDir` is encrypted, so that opening it needs the passphrase. */
  static async isEncrypted(dataDir: string): Promise<boolean> {
    return (await readVault(path.resolve(dataDir))) !== null;
  }

  /**
   * The number of the catalog generation last read or committed (0 before the first commit):
   * while it stays the same, so does the catalog {@link list} gives.
   */
  get catalogGeneration(): number {
    return this.file.generation;
  }

  /** The folder holding the store's generations (`generations.ts`). */
  get storeFolder(): string {
    return this.file.folder;
  }

  /** The file the store was last read from (null while nothing has been written). */
  get storeFile(): string | null {
    return this.file.currentFile ?? (this.file.generation === 0 ? this.file.legacyFile : null);
  }

  /**
   * Opens (creating if needed, owner-only) the store in `dataDir`. An encrypted folder is
   * unlocked with `options.passphrase`, and an encryption pass that was cut short (the process
   * was killed) is finished first.
   * @throws QiyueError `store-unreadable` when the file was written by a newer Qiyue or the
   *   vault file is damaged; `locked` when the folder is encrypted and no passphrase is given;
   *   `wrong-passphrase`
   */
  static async open(dataDir: string, options: StoreOptions = {}): Promise<ContractStore> {
    const root = path.resolve(dataDir);
    for (const dir of [root, path.join(root, 'files'), path.join(root, STORE_FOLDER)]) {
      await makePrivateFolder(dir);
    }
    let unlocked: { cipher: FolderCipher; state: VaultState } | null = null;
    if (await readVault(root)) {
      if (options.passphrase === undefined) throw lockedError();
      const { cipher, vault } = await unlockVault(root, options.passphrase);
      unlocked = { cipher, state: vault.state };
    }
    const store = new ContractStore(root, options, unlocked);
    await store.removeStaleTemporaries();
    if (unlocked && unlocked.state !== 'encrypted')
      await store.serialize(() => store.withLock(() => store.finishPass()));
    await store.serialize(() => store.loadCatalog());
    // Files no commit names (a process killed before its commit, or before deleting what its
    // commit replaced) are collected in the background: reading the store does not wait for it.
    store.collected = store.collectGarbage().catch(() => undefined);
    return store;
  }

  /**
   * Deletes what no committed catalog names, under the lock so that no writer is between
   * writing its files and committing them: per-contract files of contracts not in the catalog,
   * or replaced; originals and kept files of contracts not in the catalog; a migration backup
   * whose migration landed; temporary files of writers that are gone. Only files older than
   * `orphanAgeMs` go (a writer that stalled past the lock's stale time may still commit its).
   */
  private async collectGarbage(): Promise<void> {
    const minAge = this.options.orphanAgeMs ?? ORPHAN_AGE_MS;
    await this.withLock(async () => {
      // The catalog in memory when it is the newest, else read apart from `db` (this runs beside
      // the store's queue of reads and writes).
      let data: StoreData | null = this.fresh && (await this.file.isNewest()) ? this.db.data : null;
      data ??= await new GenerationalJsonFile<StoreData>(
        this.file.folder,
        this.file.legacyFile,
        this.files,
        CATALOG_DELTA,
      ).read();
      if (!isStoreData(data) || data.schemaVersion !== STORE_SCHEMA_VERSION) return;
      const ids = new Set(data.contracts.map((c) => c.id));
      const named = new Set(data.contracts.flatMap(partFiles));
      // A folder whose entries have not changed since the last collection began, less the
      // orphan age, holds nothing that collection did not see and leave: it is not read again.
      const now = Date.now();
      let last = 0;
      try {
        const bytes = await this.files.read(COLLECTED_MARK);
        last = bytes ? Number(JSON.parse(Buffer.from(bytes).toString('utf8')).at) || 0 : 0;
      } catch {
        last = 0; // unreadable: every folder is read
      }
      const since = last > now ? 0 : last - minAge;
      await fs.mkdir(path.join(this.dataDir, 'search'), { recursive: true, mode: 0o700 });
      await this.files.write(COLLECTED_MARK, new TextEncoder().encode(JSON.stringify({ at: now })));
      const old = (abs: string) => {
        const st = fsSync.lstatSync(abs, { throwIfNoEntry: false });
        return st !== undefined && Date.now() - st.mtimeMs >= minAge;
      };
      // Synchronous calls, a batch at a time: 10,000 folders' worth of asynchronous ones would
      // hold the thread pool the first search's reads wait on.
      const root = path.join(this.dataDir, CONTRACTS_FOLDER);
      let batch = 0;
      for (const id of readdirSyncIfAny(root)) {
        if (++batch % 200 === 0) await new Promise((r) => setImmediate(r));
        const dir = path.join(root, id);
        const st = fsSync.statSync(dir, { throwIfNoEntry: false });
        if (!st?.isDirectory() || (ids.has(id) && st.mtimeMs < since)) continue;
        for (const name of readdirSyncIfAny(dir)) {
          const rel = `${CONTRACTS_FOLDER}/${id}/${name}`;
          const tmp = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name);
          if (tmp ? processAlive(Number(tmp[1])) : named.has(rel)) continue;
          if (old(path.join(dir, name))) fsSync.rmSync(path.join(dir, name), { force: true });
        }
        if (!ids.has(id) && readdirSyncIfAny(dir).length === 0)
          await fs.rmdir(dir).catch(() => undefined);
      }
      for (const name of readdirSyncIfAny(path.join(this.dataDir, 'files'))) {
        const id = /^[0-9a-f]{64}/.exec(name)?.[0];
        const abs = path.join(this.dataDir, 'files', name);
        if (id && !ids.has(id) && old(abs)) fsSync.rmSync(abs, { force: true });
      }
      await fs.rm(path.join(this.dataDir, MIGRATION_BACKUP), { force: true });
    });
  }

  /** Deletes temporary files left by writers that were killed (their process is gone). */
  private async removeStaleTemporaries(): Promise<void> {
    const dirs = [
      this.dataDir,
      this.storeFolder,
      ...ENCRYPTED_FOLDERS.map((f) => path.join(this.dataDir, f)),
    ];
    for (const dir of dirs) {
      const names = await fs.readdir(dir).catch((err: NodeJS.ErrnoException) => {
        if (err.code === 'ENOENT') return [] as string[];
        throw err;
      });
      for (const name of names) {
        const m = /^\..+\.(\d+)\.[0-9a-f]{8}\.tmp$/.exec(name);
        if (!m || processAlive(Number(m[1]))) continue;
        await fs.rm(path.join(dir, name), { force: true });
      }
    }
  }

  /**
   * Reads the newest generation, unless the one read last is still the newest and nothing was
   * changed in memory since (a generation never changes once committed). One that cannot be read
   * is moved aside (never overwritten), reported in {@link recoveredFrom}, and the one before it
   * is read instead.
   */
  private async load(): Promise<void> {
    if (this.fresh && (await this.file.isNewest())) return;
    this.fresh = false;
    for (;;) {
      let unreadable: { file: string; reason: string };
      try {
        this.db.data = emptyData();
        await this.db.read();
        const d = this.db.data as unknown;
        if (!isStoreData(d)) throw new UnreadableGeneration(this.storeFile!, 'not a Qiyue store');
        if (d.schemaVersion > STORE_SCHEMA_VERSION) {
          throw new QiyueError(
            'store-unreadable',
            `数据文件由更新版本的契阅写入（架构版本 ${d.schemaVersion}），请升级后再打开 (the store was written by a newer Qiyue: ${this.storeFile})`,
          );
        }
        d.ndaTerms ??= [];
        this.fresh = d.schemaVersion === STORE_SCHEMA_VERSION;
        return;
      } catch (err) {
        if (!(err instanceof UnreadableGeneration)) throw err;
        unreadable = { file: err.file, reason: err.message };
      }
      const movedTo = `${unreadable.file}.unreadable-${new Date().toISOString().replace(/[:.]/g, '-')}`;
      try {
        await fs.rename(unreadable.file, movedTo);
        this.recoveredFrom = { movedTo, reason: unreadable.reason };
        await pruneUnreadableCopies(path.dirname(unreadable.file));
      } catch (err) {
        // Another process moved it aside first.
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  }

  /** Reads the catalog; a schema-1 store is moved to the catalog layout first (under the lock). */
  private async loadCatalog(): Promise<StoreData> {
    await this.load();
    if (this.db.data.schemaVersion < STORE_SCHEMA_VERSION)
      await this.withLock(() => this.commit(() => undefined));
    return this.db.data;
  }

  private serialize<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Runs a read-modify-write under the cross-process lock: reads the newest generation, applies
   * `mutate`, commits the next generation. When another writer committed first (this one
   * stalled past the lock's stale time and the lock was taken over), reads again and re-applies
   * `mutate` to what that writer left, so `mutate` must derive everything from `data`.
   * @throws QiyueError `store-locked` when the lock cannot be had within the stale time and more
   */
  private transact<T>(mutate: (data: StoreData, tx: Transaction) => Promise<T> | T): Promise<T> {
    return this.serialize(() => this.withLock(() => this.commit(mutate)));
  }

  /**
   * The read-modify-write of {@link transact}, for a caller that holds the lock already. A
   * schema-1 store read here is moved to the catalog layout in the same commit. The files
   * `mutate` replaced (`tx.replaced`) are deleted once the commit has landed.
   */
  private async commit<T>(
    mutate: (data: StoreData, tx: Transaction) => Promise<T> | T,
  ): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      await this.load();
      const tx: Transaction = { replaced: [] };
      // What mutate changes in memory is not the generation read until it is committed.
      this.fresh = false;
      if (this.db.data.schemaVersion < STORE_SCHEMA_VERSION)
        this.db.data = await this.migrate(this.db.data as unknown as StoreDataV1, tx);
      let result: T;
      try {
        result = await mutate(this.db.data, tx);
      } catch (err) {
        // A file the catalog read names was replaced by a commit of another writer (one that
        // took the lock over from this one, thinking it gone): read the newer catalog.
        if (!(err instanceof MissingPart) || attempt >= MAX_COMMIT_ATTEMPTS) throw err;
        continue;
      }
      await this.options.beforeCommit?.();
      try {
        await this.db.write();
      } catch (err) {
        if (!(err instanceof StoreConflict) || attempt >= MAX_COMMIT_ATTEMPTS) throw err;
        continue;
      }
      this.fresh = true;
      // The contracts array was changed in place: sort it again at the next list.
      this.sorted = null;
      for (const rel of tx.replaced) await fs.rm(path.join(this.dataDir, rel), { force: true });
      return result;
    }
  }

  /**
   * A schema-1 store (each contract whole in the store file) in the catalog layout: each
   * contract's text, report and work written to its own files (`catalog.ts`), the catalog
   * returned for the caller to commit. The schema-1 file is copied to
   * `store/schema-1-backup.json` first and the copy deleted once the commit has landed; a
   * migration cut short leaves the schema-1 generation the newest, so the next open runs it again.
   */
  private async migrate(v1: StoreDataV1, tx: Transaction): Promise<StoreData> {
    await this.options.beforeWrite?.(MIGRATION_BACKUP);
    await this.files.write(MIGRATION_BACKUP, new TextEncoder().encode(JSON.stringify(v1)));
    const contracts: CatalogEntry[] = [];
    for (const c of v1.contracts) contracts.push(await this.writeParts(c, null, null, tx));
    tx.replaced.push(MIGRATION_BACKUP);
    const { contracts: _c, ndaTerms: _n, ...settings } = v1;
    return {
      ...settings,
      schemaVersion: STORE_SCHEMA_VERSION,
      contracts,
      ndaTerms: v1.contracts.flatMap((c) => ndaRecordsOf(c.id, c.report)),
    };
  }

  /**
   * Writes the per-contract files of `c` that changed since `prev` (its entry as committed; null
   * for a new contract) and returns its new catalog entry; the files it replaces go into
   * `tx.replaced`. `doc` (the document just read) gives the boxes and page sizes; without it
   * they stay as `prev` named them.
   */
  private async writeParts(
    c: StoredContract,
    prev: CatalogEntry | null,
    doc: SourceDocument | null,
    tx: Transaction,
  ): Promise<CatalogEntry> {
    const json = (v: unknown) => new TextEncoder().encode(JSON.stringify(v));
    const content = json({ text: c.text, report: c.report } satisfies ContractContent);
    const work = workOf(c);
    const workBytes = Object.keys(work).length > 0 ? json(work) : null;
    const search = encodeSearchText(searchTextOf(c.report));
    const obligations = json(checklistSourceOf(c.report));
    const parts: ContractParts = {
      content: partName('content', 'json', content),
      work: workBytes && partName('work', 'json', workBytes),
      boxes: prev?.parts.boxes ?? null,
      layout: prev?.parts.layout ?? null,
      search: partName('search', 'txt', search),
      obligations: partName('obligations', 'json', obligations),
    };
    const pending: [string, Uint8Array][] = [
      [parts.content, content],
      [parts.search!, search],
      [parts.obligations!, obligations],
    ];
    if (workBytes) pending.push([parts.work!, workBytes]);
    if (doc) {
      const boxes = doc.boxes?.length ? boxBytes(doc.boxes) : null;
      parts.boxes = boxes && partName('boxes', 'bin', boxes);
      if (boxes) pending.push([parts.boxes!, boxes]);
      const layout = doc.pageSizes?.length
        ? json({
            pageSizes: doc.pageSizes,
            ...(doc.graphics ? { graphics: doc.graphics } : {}),
          } satisfies ContractLayout)
        : null;
      parts.layout = layout && partName('layout', 'json', layout);
      if (layout) pending.push([parts.layout!, layout]);
    }
    await makePrivateFolder(path.join(this.dataDir, CONTRACTS_FOLDER));
    await makePrivateFolder(path.join(this.dataDir, CONTRACTS_FOLDER, c.id));
    for (const [name, bytes] of pending) {
      const rel = partPath(c.id, name);
      if (await exists(path.join(this.dataDir, rel))) continue;
      await this.options.beforeWrite?.(rel);
      await this.files.write(rel, bytes);
    }
    if (prev) {
      const kept = new Set(partFiles({ id: c.id, parts }));
      tx.replaced.push(...partFiles(prev).filter((f) => !kept.has(f)));
    }
    const evidence = [...new Set(evidenceFiles(c))];
    return {
      ...recordOf(c),
      ...libraryFields(c),
      ...(evidence.length ? { evidence } : {}),
      parts,
    };
  }

  /**
   * A catalog entry's contract, whole: its content and work read from their files.
   * @throws QiyueError `store-unreadable` when a file the catalog names is missing or damaged;
   *   `locked` as the data files
   */
  private async readContract(e: CatalogEntry): Promise<StoredContract> {
    const content = await this.readPart<ContractContent>(e.id, e.parts.content);
    const work = e.parts.work ? await this.readPart<ContractWork>(e.id, e.parts.work) : {};
    const { parts: _p, evidence: _e, ...record } = e;
    return { ...recordOf(record), ...content, ...workOf(work) };
  }

  /**
   * Contract `id`'s JSON file `name` (`catalog.ts`), parsed.
   * @throws MissingPart when it is not there (a newer commit replaced it); QiyueError
   *   `store-unreadable` when it is damaged, `locked` as the data files
   */
  private async readPart<T>(id: string, name: string): Promise<T> {
    const rel = partPath(id, name);
    const bytes = await this.files.read(rel);
    if (!bytes) throw new MissingPart(rel);
    try {
      return JSON.parse(Buffer.from(bytes).toString('utf8')) as T;
    } catch (err) {
      throw new QiyueError(
        'store-unreadable',
        `合同数据文件已损坏：${rel} (a contract's file cannot be read)`,
        { cause: err },
      );
    }
  }

  /**
   * Runs `fn` holding the cross-process lock, after checking that the folder's encryption is
   * still what this process holds the key for (another process may have set or removed it).
   * @throws QiyueError `store-locked` when the lock cannot be had; `locked` when the folder's
   *   encryption changed under this process (it must be opened again)
   */
  private withLock<T>(fn: () => Promise<T>): Promise<T> {
    // One holder in this process at a time (the queue of writes, the garbage collection beside
    // it): proper-lockfile's lock is per process, not per caller.
    const run = () => this.withProcessLock(fn);
    const next = this.lockChain.then(run, run);
    this.lockChain = next.catch(() => undefined);
    return next;
  }

  /** {@link withLock}'s cross-process part, for one caller of this process at a time. */
  private async withProcessLock<T>(fn: () => Promise<T>): Promise<T> {
    let release: () => Promise<void>;
    try {
      release = await this.acquireLock();
    } catch (err) {
      throw new QiyueError(
        'store-locked',
        `数据文件夹正被另一个契阅进程写入，请稍后再试 (another Qiyue process is writing to ${this.dataDir})`,
        { cause: err },
      );
    }
    try {
      const vault = await readVault(this.dataDir);
      if (!vault ? this.cipher !== null : vault.keyId !== this.cipher?.keyId)
        throw new QiyueError(
          'locked',
          '数据文件夹的加密设置已在另一个契阅进程中更改，请重新打开契阅 (the folder’s encryption was changed by another Qiyue process: open Qiyue again)',
        );
      this.vaultState = vault?.state ?? null;
      return await fn();
    } finally {
      await release();
    }
  }

  /**
   * Encrypts the data folder with `passphrase`: the vault is written first, then every file is
   * rewritten encrypted (originals, evidence, the signing key, then the store as a new
   * generation), and every copy written before (older generations, the retired single file) is
   * deleted. A pass cut short is finished at the next {@link open} with the passphrase.
   * @throws QiyueError `invalid-request` when the folder is encrypted already or the passphrase
   *   is too short or too long (`vault.ts`)
   */
  async enableEncryption(passphrase: string): Promise<EncryptionStatus> {
    return this.serialize(() =>
      this.withLock(async () => {
        if (this.cipher)
          throw new QiyueError(
            'invalid-request',
            '数据文件夹已加密 (the folder is encrypted already)',
          );
        this.cipher = await createVault(this.dataDir, passphrase);
        this.vaultState = 'encrypting';
        await this.finishPass();
        return this.encryption;
      }),
    );
  }

  /**
   * Removes the folder's encryption, given its passphrase: every file is rewritten as it is, the
   * store as a new generation, and the vault file is deleted last. A pass cut short is finished
   * at the next {@link open} with the passphrase.
   * @throws QiyueError `wrong-passphrase`; `invalid-request` when the folder is not encrypted
   */
  async disableEncryption(passphrase: string): Promise<EncryptionStatus> {
    return this.serialize(() =>
      this.withLock(async () => {
        if (!this.cipher)
          throw new QiyueError('invalid-request', '数据文件夹未加密 (the folder is not encrypted)');
        await unlockVault(this.dataDir, passphrase);
        await setVaultState(this.dataDir, 'decrypting');
        this.vaultState = 'decrypting';
        await this.finishPass();
        return this.encryption;
      }),
    );
  }

  /**
   * Changes the passphrase (the data key is rewrapped; no file is rewritten).
   * @throws QiyueError `wrong-passphrase` for a wrong current one, `invalid-request` for a new
   *   one too short or too long, or when the folder is not encrypted
   */
  async changePassphrase(current: string, next: string): Promise<void> {
    await this.serialize(() =>
      this.withLock(async () => {
        if (!this.cipher)
          throw new QiyueError('invalid-request', '数据文件夹未加密 (the folder is not encrypted)');
        await changePassphrase(this.dataDir, current, next);
      }),
    );
  }

  /**
   * Brings every file of the folder to the vault's state (called under the lock): `encrypting`
   * encrypts what is not encrypted yet and ends `encrypted`; `decrypting` decrypts what is
   * encrypted and ends with the vault file deleted. Each file is rewritten atomically, so a pass
   * killed at any point leaves every file whole, either way, and is simply run again.
   */
  private async finishPass(): Promise<void> {
    const cipher = this.cipher!;
    const decrypting = this.vaultState === 'decrypting';
    // The recovery copies of unreadable store files are encrypted (or decrypted) as well.
    const contractFolders = (await readdirIfAny(path.join(this.dataDir, CONTRACTS_FOLDER))).map(
      (id) => `${CONTRACTS_FOLDER}/${id}`,
    );
    for (const folder of [...ENCRYPTED_FOLDERS, ...contractFolders, STORE_FOLDER, '.']) {
      const copiesOnly = folder === STORE_FOLDER || folder === '.';
      let names: string[];
      try {
        names = await fs.readdir(path.join(this.dataDir, folder));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') continue;
        throw err;
      }
      for (const base of names) {
        const copy = base.includes('.unreadable-') || base === path.basename(MIGRATION_BACKUP);
        if (base.endsWith('.tmp') || (copiesOnly && !copy)) continue;
        const name = folder === '.' ? base : `${folder}/${base}`;
        const abs = path.join(this.dataDir, folder, base);
        if (!(await fs.lstat(abs)).isFile()) continue;
        const bytes = await fs.readFile(abs);
        // A file that starts as an encrypted one but does not open with the key is a plaintext
        // file that happens to (an evidence file may hold anything): encrypted as any other.
        let plain: Uint8Array | null = null;
        if (isEncrypted(bytes)) {
          try {
            plain = cipher.decrypt(name, bytes);
          } catch {
            plain = null;
          }
        }
        const done = decrypting ? plain === null : plain !== null;
        if (done) continue;
        await this.options.beforePassStep?.(name);
        await this.files.write(name, decrypting ? plain! : bytes);
      }
    }
    await this.options.beforePassStep?.(STORE_FOLDER);
    this.file.writeWholeNext();
    await this.commit(() => undefined);
    await this.file.pruneAllButNewest();
    if (decrypting) {
      await removeVault(this.dataDir);
      this.cipher = null;
      this.vaultState = null;
    } else {
      await setVaultState(this.dataDir, 'encrypted');
      this.vaultState = 'encrypted';
    }
  }

  /**
   * The cross-process write lock (proper-lockfile, refreshed every `updateMs`), with the owner's
   * PID beside it so that a lock left by a writer that was killed is taken over at once instead
   * of after it goes stale. A lock found compromised (this process stalled past the stale time
   * and another took it over) is only noted: the generation compare-and-swap keeps the commit
   * safe, so it must not throw from the heartbeat's timer as proper-lockfile does by default.
   */
  private async acquireLock(): Promise<() => Promise<void>> {
    const lockPath = path.join(this.dataDir, 'store.lock');
    const ownerFile = path.join(this.dataDir, 'store.lock.owner');
    const { staleMs, updateMs } = this.lockTiming;
    const options = {
      lockfilePath: lockPath,
      stale: staleMs,
      update: updateMs,
      onCompromised: () => undefined,
    };
    // Tried until past the stale time, when a stalled holder's lock is taken over by
    // proper-lockfile; a holder that is gone is found at once by the orphan check. Tried every
    // 100 ms at most (with jitter): a lock held for writes back to back is free only between
    // them, and a waiter that slept longer would rarely find it free.
    const deadline = Date.now() + staleMs + 15_000;
    let release: () => Promise<void>;
    for (let wait = 10; ; wait = Math.min(wait * 1.5, 100)) {
      try {
        release = await lockfile.lock(this.dataDir, { ...options, retries: 0 });
        break;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        // ENOENT: the lock vanished between proper-lockfile's steps (released, or cleared as
        // orphaned by another waiter): try again.
        if ((code !== 'ELOCKED' && code !== 'ENOENT') || Date.now() > deadline) throw err;
      }
      const orphan = await orphanedLock(lockPath, ownerFile);
      if (orphan) {
        // Cleared only if it is still the same lock (a new holder's has another inode).
        const now = await fs.stat(lockPath).catch(() => null);
        if (now?.ino === orphan.ino) {
          if ((await fs.readFile(ownerFile, 'utf8').catch(() => null)) === orphan.owner)
            await fs.rm(ownerFile, { force: true });
          await fs.rmdir(lockPath).catch(() => undefined);
        }
        continue;
      }
      await new Promise((r) => setTimeout(r, wait * (0.5 + Math.random())));
    }
    // The owner names this process and this lock (its inode), so that an owner file left by an
    // earlier holder is never taken for the current one's.
    const made = await fs.stat(lockPath).catch(() => null);
    const token = `${process.pid} ${made?.ino ?? 0} ${randomUUID()}`;
    // Whole or not at all (a rename), not durable: it only names the holder while it lives.
    const tmp = path.join(
      this.dataDir,
      `.store.lock.owner.${process.pid}.${randomUUID().slice(0, 8)}.tmp`,
    );
    await fs.writeFile(tmp, token, { mode: 0o600 });
    await fs.rename(tmp, ownerFile);
    return async () => {
      // The owner file is another holder's once the lock was taken over: leave that one.
      if ((await fs.readFile(ownerFile, 'utf8').catch(() => '')) === token)
        await fs.rm(ownerFile, { force: true });
      await release().catch((err: NodeJS.ErrnoException) => {
        if (err.code !== 'ERELEASED') throw err;
      });
    };
  }

  /**
   * The catalog: every contract's record and library row, newest import first. Re-reads the
   * catalog when another process committed since, so its writes show. Entries are the store's
   * own: read them, do not change them.
   */
  async list(): Promise<CatalogEntry[]> {
    return this.serialize(async () => {
      const data = await this.loadCatalog();
      // Sorted once per generation read (a generation never changes), unless changed since.
      if (this.sorted?.data !== data.contracts || !this.fresh)
        this.sorted = {
          data: data.contracts,
          // ISO times sort as strings (no locale collation: 10× slower at 1,000 contracts).
          list: [...data.contracts].sort((a, b) => byNewest(a.importedAt, b.importedAt)),
        };
      return [...this.sorted.list];
    });
  }

  /**
   * One contract, whole (record, text, report, work).
   * @throws QiyueError `not-found`; `store-unreadable` when its files are missing or damaged
   */
  async get(id: string): Promise<StoredContract> {
    return this.serialize(async () => {
      // A file named by the catalog read may be replaced by another process's commit before it
      // is opened: read the catalog again then.
      for (let attempt = 0; ; attempt++) {
        const entry = (await this.loadCatalog()).contracts.find((x) => x.id === id);
        if (!entry) throw new QiyueError('not-found', `找不到该合同 (no contract with id ${id})`);
        try {
          return await this.readContract(entry);
        } catch (err) {
          if (!(err instanceof MissingPart)) throw err;
          this.fresh = false;
          if (attempt >= 3)
            throw new QiyueError(
              'store-unreadable',
              `合同数据文件缺失：${err.file} (a contract's file is missing)`,
            );
        }
      }
    });
  }

  /** NDA records of a contract. */
  async ndaTerms(contractId: string): Promise<NdaRecord[]> {
    await this.list();
    return this.db.data.ndaTerms.filter((n) => n.contractId === contractId);
  }

  /** A contract's catalog entry. @throws QiyueError `not-found` */
  async entry(id: string): Promise<CatalogEntry> {
    const e = (await this.list()).find((x) => x.id === id);
    if (!e) throw new QiyueError('not-found', `找不到该合同 (no contract with id ${id})`);
    return e;
  }

  /** The original file's bytes. @throws QiyueError `not-found` */
  async readOriginal(id: string): Promise<{ contract: CatalogEntry; bytes: Uint8Array }> {
    const contract = await this.entry(id);
    let bytes: Uint8Array | null;
    try {
      bytes = await this.files.read(contract.file.replaceAll('\\', '/'));
    } catch (err) {
      if (err instanceof QiyueError) throw err;
      bytes = null;
    }
    if (!bytes)
      throw new QiyueError(
        'not-found',
        `原始文件缺失：${contract.file} (the original file is missing)`,
      );
    return { contract, bytes: new Uint8Array(bytes) };
  }

  /**
   * Imports a file: reads and analyses it first (nothing is written if that fails), then copies
   * the original into `files/` and records the contract and its NDA terms in one atomic write.
   * Importing the same bytes again returns the existing contract (`duplicate: true`).
   * @param options the PDF password, the time to record, and `onProgress` / `signal` to follow
   *   or stop a scan's OCR page by page
   * @throws QiyueError from the importers (see `import/index.ts`), `cancelled` when `signal` is
   *   aborted; the store is unchanged then
   */
  async importContract(
    fileName: string,
    bytes: Uint8Array,
    options: ImportOptions & ImportHooks & { now?: Date } = {},
  ): Promise<ImportResult> {
    const id = sha256(bytes);
    if ((await this.list()).some((c) => c.id === id))
      return { contract: await this.get(id), duplicate: true };
    const { doc, report, view } = await this.parse(
      fileName,
      bytes,
      { password: options.password },
      { onProgress: options.onProgress, signal: options.signal },
    );
    const ext = path.extname(fileName).toLowerCase() || `.${doc.format}`;
    const rel = path.join('files', `${id}${ext}`);
    const contract: StoredContract = {
      id,
      fileName: path.basename(fileName),
      format: doc.format,
      size: bytes.length,
      pageCount: doc.pageCount,
      importedAt: (options.now ?? new Date()).toISOString(),
      file: rel,
      text: doc.text,
      ...(doc.ocrPages ? { ocrPages: doc.ocrPages } : {}),
      ...(options.password ? { passwordProtected: true } : {}),
      report,
    };
    const result = await this.transact(async (data, tx) => {
      if (data.contracts.some((c) => c.id === id)) return null;
      if (!(await exists(path.join(this.dataDir, rel)))) await this.files.write(rel, bytes);
      await this.writeOcrPages(id, doc);
      if (view) await this.files.write(viewFile(id), view);
      data.contracts.push(await this.writeParts(contract, null, doc, tx));
      data.ndaTerms.push(...ndaRecordsOf(id, report));
      return { contract, duplicate: false };
    });
    // Imported by another process meanwhile.
    return result ?? { contract: await this.get(id), duplicate: true };
  }

  /**
   * Analyses again, from its stored original, every contract whose report an older analyser
   * wrote ({@link ANALYZER_VERSION}), one contract per atomic write so the store is never half
   * written; annotations, checklist states and scenarios are carried over by their quoted text
   * and a history line says what changed. A contract whose original cannot be read again (an
   * encrypted PDF: the password is not kept) keeps its report and is listed in `skipped`.
   * @param onProgress called after each contract with the count done and the total
   * @returns the ids re-analysed and those skipped, with why
   */
  async reanalyzeOutdated(
    onProgress?: (done: number, total: number) => void,
    now = new Date(),
  ): Promise<{ updated: string[]; skipped: { id: string; reason: string }[] }> {
    // Set before the first await, so a window opened right after the call sees the run.
    const progress: ReanalysisProgress = {
      running: true,
      done: 0,
      total: 0,
      updated: 0,
      skipped: 0,
    };
    this.reanalysis = progress;
    const updated: string[] = [];
    const skipped: { id: string; reason: string }[] = [];
    try {
      const outdated = (await this.list()).filter((c) => c.analyzerVersion !== ANALYZER_VERSION);
      progress.total = outdated.length;
      for (const [i, stale] of outdated.entries()) {
        try {
          await this.reanalyzeOne(stale, now);
          updated.push(stale.id);
        } catch (err) {
          skipped.push({ id: stale.id, reason: (err as Error).message });
        }
        Object.assign(progress, { done: i + 1, updated: updated.length, skipped: skipped.length });
        onProgress?.(i + 1, outdated.length);
      }
    } finally {
      progress.running = false;
    }
    return { updated, skipped };
  }

  /** Analyses one stored contract again from its original, in one atomic write (see above). */
  private async reanalyzeOne(stale: CatalogEntry, now: Date): Promise<void> {
    const { bytes } = await this.readOriginal(stale.id);
    const { doc, report } = await this.parse(stale.fileName, bytes);
    await this.transact(async (data, tx) => {
      const at = data.contracts.findIndex((x) => x.id === stale.id);
      if (at < 0 || data.contracts[at].analyzerVersion === ANALYZER_VERSION) return;
      const c = await this.readContract(data.contracts[at]);
      const carried = carryOver(doc, c.report, report, {
        annotations: c.annotations ?? [],
        checklist: c.checklist ?? {},
        scenarios: c.scenarios ?? [],
      });
      const lost = carried.annotations.filter((a) => (a.anchor as { lost?: boolean }).lost);
      c.history = [
        ...(c.history ?? []),
        {
          at: now.toISOString(),
          kind: 'reanalysis',
          fromVersion: c.report.analyzerVersion ?? null,
          toVersion: ANALYZER_VERSION,
          summary: reanalysisSummary(c.report, report, lost.length),
        },
      ];
      c.text = doc.text;
      if (doc.ocrPages) c.ocrPages = doc.ocrPages;
      else delete c.ocrPages;
      await this.writeOcrPages(c.id, doc);
      c.report = report;
      if (c.annotations) c.annotations = carried.annotations;
      if (c.checklist) c.checklist = carried.checklist;
      if (c.scenarios) c.scenarios = carried.scenarios;
      data.contracts[at] = await this.writeParts(c, data.contracts[at], doc, tx);
      data.ndaTerms = data.ndaTerms.filter((n) => n.contractId !== c.id);
      data.ndaTerms.push(...ndaRecordsOf(c.id, report));
    });
  }

  /**
   * Changes one contract with `fn` in one commit: its files are read, changed, and those that
   * changed written again (`writeParts`).
   * @throws QiyueError `not-found`, and whatever `fn` throws (nothing is written then)
   */
  private async mutateContract<T>(
    id: string,
    fn: (c: StoredContract) => T | Promise<T>,
  ): Promise<T> {
    return this.transact(async (data, tx) => {
      const at = data.contracts.findIndex((x) => x.id === id);
      if (at < 0) throw new QiyueError('not-found', `找不到该合同 (no contract with id ${id})`);
      const c = await this.readContract(data.contracts[at]);
      const result = await fn(c);
      data.contracts[at] = await this.writeParts(c, data.contracts[at], null, tx);
      return result;
    });
  }

  /** Sets a checklist item's status and note, recording who changed it when. */
  async updateChecklist(
    id: string,
    itemId: string,
    change: { status: ChecklistStatus; note: string; by: string; now?: Date },
  ): Promise<ChecklistState> {
    return this.mutateContract(id, (c) => {
      c.checklist ??= {};
      const next = applyChange(c.checklist[itemId], {
        ...change,
        at: (change.now ?? new Date()).toISOString(),
      });
      c.checklist[itemId] = next;
      return next;
    });
  }

  /** Copies an evidence file into `evidence/` (by SHA-256) and attaches it to an item. */
  async addEvidence(
    id: string,
    itemId: string,
    fileName: string,
    bytes: Uint8Array,
    by: string,
    now = new Date(),
  ) {
    const sha = createHash('sha256').update(bytes).digest('hex');
    const rel = path.join('evidence', `${sha}${path.extname(fileName).toLowerCase()}`);
    await fs.mkdir(path.join(this.dataDir, 'evidence'), { recursive: true, mode: PRIVATE_FOLDER });
    return this.mutateContract(id, async (c) => {
      if (!(await exists(path.join(this.dataDir, rel)))) await this.files.write(rel, bytes);
      c.checklist ??= {};
      const state = c.checklist[itemId] ?? {
        status: 'not_started',
        note: '',
        evidence: [],
        history: [],
      };
      state.evidence.push({
        fileName: path.basename(fileName),
        sha256: sha,
        file: rel,
        addedAt: now.toISOString(),
        by,
      });
      c.checklist[itemId] = state;
      return state;
    });
  }

  /**
   * Reads and analyses an original (a bundle's) the way an import does, in the parser process,
   * without storing anything.
   * @throws QiyueError as {@link importContract}
   */
  parseOriginal(fileName: string, bytes: Uint8Array): Promise<ParsedContract> {
    return this.parse(fileName, bytes);
  }

  /**
   * What the viewer shows of a contract: its original, or for an image file the one-page PDF made
   * of it at import (the image is not decoded in this process).
   * @throws QiyueError `not-found` as {@link readOriginal}
   */
  async readViewable(id: string): Promise<{ contract: CatalogEntry; bytes: Uint8Array }> {
    const original = await this.readOriginal(id);
    if (original.contract.format !== 'image') return original;
    const view = await this.files.read(viewFile(id));
    if (!view)
      throw new QiyueError('not-found', `图片的显示文件缺失 (the image's view file is missing)`);
    return { contract: original.contract, bytes: new Uint8Array(view) };
  }

  /**
   * What OCR read on a scanned contract's pages, as the viewer lays it over the page images (an
   * invisible, selectable text layer): kept at import so that showing a scan never reads it again.
   * @returns null when the contract has no scanned page, or the file was not kept (a contract
   *   from a review bundle)
   */
  async ocrPageViews(id: string): Promise<PageView[] | null> {
    const bytes = await this.readKept(ocrPagesFile(id));
    return bytes ? (JSON.parse(Buffer.from(bytes).toString('utf8')) as PageView[]) : null;
  }

  /**
   * A file kept beside a contract's original (its OCR text or boxes), decoded; null when it is
   * missing or the system cannot read it.
   * @throws QiyueError `locked`, `store-unreadable` from the data files (an encrypted folder)
   */
  private async readKept(rel: string): Promise<Uint8Array | null> {
    try {
      return await this.files.read(rel);
    } catch (err) {
      if (err instanceof QiyueError) throw err;
      return null;
    }
  }

  /** Keeps the OCR text of a scan's pages ({@link ocrPageViews}); nothing for other documents. */
  private async writeOcrPages(id: string, doc: SourceDocument): Promise<void> {
    if (!doc.ocrPages?.length) return;
    const scanned = new Set(doc.ocrPages);
    const pages = (pageViews(doc) ?? []).map((p, i) =>
      scanned.has(i + 1) ? p : { ...p, runs: [] },
    );
    await this.files.write(ocrPagesFile(id), new TextEncoder().encode(JSON.stringify(pages)));
  }

  /**
   * The character boxes of a contract's stored text (`SourceDocument.boxes`: 5 float32 per UTF-16
   * unit), kept at import so that search hits land on their characters without reading the
   * original again; null when the document has none (text, DOCX) or they were not kept (a
   * contract stored before they were: a scan's OCR boxes are then read from where they were).
   */
  async boxes(entry: CatalogEntry): Promise<Float32Array | null> {
    const bytes = await this.readKept(
      entry.parts.boxes ? partPath(entry.id, entry.parts.boxes) : legacyOcrBoxesFile(entry.id),
    );
    if (!bytes || bytes.byteLength % 20 !== 0) return null;
    return new Float32Array(new Uint8Array(bytes).buffer);
  }

  /**
   * The boxes of characters `[start, end)` of a contract's text, for each span asked (5 float32
   * a character, as {@link boxes}), read from those parts of the file only (a plain folder);
   * null when none were kept.
   */
  async boxRanges(entry: CatalogEntry, spans: [number, number][]): Promise<Float32Array[] | null> {
    if (!entry.parts.boxes) return null;
    let parts: Uint8Array[] | null;
    try {
      parts = this.files.readRangesSync(
        partPath(entry.id, entry.parts.boxes),
        spans.map(([s, e]) => [s * 20, (e - s) * 20]),
      );
    } catch (err) {
      if (err instanceof QiyueError) throw err;
      parts = null;
    }
    return parts && parts.map((b) => new Float32Array(new Uint8Array(b).buffer));
  }

  /**
   * What a contract's checklist is made of ({@link ChecklistSource}) and the reviewer's work on
   * it, read from their small files (the report only for an entry written before the source was
   * kept), so that the all-contracts checklist reads no report.
   * @throws QiyueError as {@link get}
   */
  async checklistSource(
    entry: CatalogEntry,
  ): Promise<{ source: ChecklistSource; work: ContractWork }> {
    if (!entry.parts.obligations) {
      const c = await this.get(entry.id);
      return { source: checklistSourceOf(c.report), work: workOf(c) };
    }
    try {
      return {
        source: await this.readPart<ChecklistSource>(entry.id, entry.parts.obligations),
        work: entry.parts.work ? await this.readPart<ContractWork>(entry.id, entry.parts.work) : {},
      };
    } catch (err) {
      if (!(err instanceof MissingPart)) throw err;
      throw new QiyueError(
        'store-unreadable',
        `合同数据文件缺失：${err.file} (a contract's file is missing)`,
      );
    }
  }

  /**
   * What search reads of a contract ({@link SearchText}): its kept file, or for an entry written
   * before it was kept, made from the report.
   * @throws QiyueError as {@link get}
   */
  async searchText(entry: CatalogEntry): Promise<SearchText> {
    if (entry.parts.search) {
      let bytes: Uint8Array | null;
      try {
        bytes = this.files.readSync(partPath(entry.id, entry.parts.search));
      } catch (err) {
        if (err instanceof QiyueError) throw err;
        bytes = null;
      }
      if (bytes) return decodeSearchText(bytes);
    }
    return searchTextOf((await this.get(entry.id)).report);
  }

  /**
   * The pages of a contract as the viewer draws their text layer, from what import kept: the
   * OCR text of a scan, else the stored boxes and page sizes; null when neither was kept (the
   * caller reads the original again).
   */
  async pageViews(id: string): Promise<PageView[] | null> {
    const ocr = await this.ocrPageViews(id);
    if (ocr) return ocr;
    const entry = await this.entry(id);
    if (!entry.parts.layout) return null;
    const [boxes, layout, contract] = await Promise.all([
      this.boxes(entry),
      this.readKept(partPath(id, entry.parts.layout)),
      this.get(id),
    ]);
    if (!boxes || !layout || boxes.length !== contract.text.length * 5) return null;
    const { pageSizes, graphics } = JSON.parse(
      Buffer.from(layout).toString('utf8'),
    ) as ContractLayout;
    return pageViews({
      format: contract.format,
      text: contract.text,
      pageCount: contract.pageCount,
      boxes,
      pageSizes,
      ...(graphics ? { graphics } : {}),
    });
  }

  /** The reviewer's name set in settings, or null when none is set yet. */
  async reviewer(): Promise<string | null> {
    await this.list();
    return this.db.data.reviewer ?? null;
  }

  /** Sets the reviewer's name (validated by the caller: IPC's ReviewerNameSchema). */
  async setReviewer(name: string): Promise<string> {
    return this.transact((data) => {
      data.reviewer = name;
      return name;
    });
  }

  /** The installations whose bundles the user accepted. */
  async trustedKeys(): Promise<TrustedKey[]> {
    await this.list();
    return this.db.data.trustedKeys ?? [];
  }

  /**
   * Applies a review bundle in one atomic write: each item's contract is added (from the
   * receiver's own analysis, its original copied in as `files/<id><ext>`) or, when stored
   * already, merged; `trust` (a public key the user accepted for it) is kept as trusted. When
   * anything fails nothing is written, and originals copied in for it are removed again.
   * @returns the ids added and the ids merged
   */
  async applyBundle(
    items: BundleItem[],
    trust: string | null,
    now = new Date(),
  ): Promise<{ added: string[]; merged: string[] }> {
    const copied: string[] = [];
    try {
      return await this.transact(async (data, tx) => {
        const added: string[] = [];
        const merged: string[] = [];
        for (const item of items) {
          const at = data.contracts.findIndex((c) => c.id === item.id);
          if (at >= 0) {
            const stored = await this.readContract(data.contracts[at]);
            item.merge(stored);
            data.contracts[at] = await this.writeParts(stored, data.contracts[at], null, tx);
            merged.push(item.id);
            continue;
          }
          const rel = path.join('files', `${item.id}${item.ext.toLowerCase()}`);
          if (!(await exists(path.join(this.dataDir, rel)))) {
            await this.files.write(rel, item.original);
            copied.push(rel);
          }
          const { doc, report, view } = item.parsed;
          if (view) {
            await this.files.write(viewFile(item.id), view);
            copied.push(viewFile(item.id));
          }
          if (doc.ocrPages?.length) {
            await this.writeOcrPages(item.id, doc);
            copied.push(ocrPagesFile(item.id));
          }
          const contract: StoredContract = {
            id: item.id,
            fileName: path.basename(item.fileName),
            format: doc.format,
            size: item.original.length,
            pageCount: doc.pageCount,
            importedAt: item.importedAt,
            file: rel,
            text: doc.text,
            ...(doc.ocrPages ? { ocrPages: doc.ocrPages } : {}),
            report,
          };
          item.merge(contract);
          data.contracts.push(await this.writeParts(contract, null, doc, tx));
          copied.push(`${CONTRACTS_FOLDER}/${item.id}`);
          data.ndaTerms.push(...ndaRecordsOf(item.id, report));
          added.push(item.id);
        }
        if (trust) {
          const fingerprint = fingerprintOf(trust);
          data.trustedKeys = [
            ...(data.trustedKeys ?? []).filter((k) => k.fingerprint !== fingerprint),
            { fingerprint, publicKey: trust, acceptedAt: now.toISOString() },
          ];
        }
        return { added, merged };
      });
    } catch (err) {
      for (const rel of copied)
        await fs.rm(path.join(this.dataDir, rel), { force: true, recursive: true });
      throw err;
    }
  }

  /**
   * Merges work done elsewhere (the team server's events, `electron/team/sync.ts`) into a stored
   * contract: `merge` changes it in place, in one commit.
   * @throws QiyueError `not-found`, and whatever `merge` throws (nothing is written then)
   */
  async mergeWork<T>(id: string, merge: (c: StoredContract) => T): Promise<T> {
    return this.mutateContract(id, merge);
  }

  /** Adds an annotation. */
  async addAnnotation(
    id: string,
    input: {
      anchor: Anchor;
      comment: string;
      tags: string[];
      status: AnnotationStatus;
      by: string;
    },
    now = new Date(),
  ): Promise<Annotation> {
    return this.mutateContract(id, (c) => {
      const a = createAnnotation({ ...input, id: randomUUID(), at: now.toISOString() });
      c.annotations = [...(c.annotations ?? []), a];
      return a;
    });
  }

  /** Edits, deletes (soft) or restores an annotation. @throws QiyueError `not-found` */
  async changeAnnotation(
    id: string,
    annotationId: string,
    change: AnnotationEdit,
    now = new Date(),
  ): Promise<Annotation> {
    return this.mutateContract(id, (c) => {
      const list = c.annotations ?? [];
      const i = list.findIndex((a) => a.id === annotationId);
      if (i < 0) throw new QiyueError('not-found', `找不到该批注 (no annotation ${annotationId})`);
      list[i] = changeAnnotation(list[i], { ...change, at: now.toISOString() });
      c.annotations = list;
      return list[i];
    });
  }

  /**
   * Records the reviewer's decision on one of the contract's findings (matched by rule and
   * quote, so it holds through re-analysis); the previous decision goes into its history.
   * @returns the finding's triage record
   * @throws QiyueError `not-found` when the contract, or a finding with that rule and quote in
   *   its current report, does not exist
   */
  async triageFinding(
    id: string,
    finding: { ruleId: string; quote: string },
    decision: { status: TriageStatus; note: string; by: string },
    now = new Date(),
  ): Promise<TriageRecord> {
    return this.mutateContract(id, (c) => {
      const f = c.report.findings.find(
        (x) =>
          x.ruleId === finding.ruleId &&
          x.quote.replace(/\s+/g, '') === finding.quote.replace(/\s+/g, ''),
      );
      if (!f)
        throw new QiyueError(
          'not-found',
          `该合同的报告中没有这条问题（可能已重新分析）(no finding ${finding.ruleId} with that quote)`,
        );
      c.triage = decide(c.triage, f, { ...decision, at: now.toISOString() });
      return triageOf(c.triage, f)!;
    });
  }

  /**
   * Signs off (or, with `by` empty, withdraws the sign-off of) a contract's review.
   * @param sign signs the sign-off over the contract as it is at that moment (main passes the
   *   installation's key, `signoff.ts`)
   */
  async signOff(
    id: string,
    by: string,
    note: string,
    now = new Date(),
    sign?: (c: StoredContract, s: SignOff) => SignOff['signature'],
  ): Promise<SignOff | null> {
    return this.mutateContract(id, (c) => {
      const s: SignOff | null = by ? { by, note, at: now.toISOString() } : null;
      if (s && sign) s.signature = sign(c, s);
      c.signOff = s;
      return c.signOff;
    });
  }

  /** Saves a calculator scenario with the contract. */
  async saveScenario(
    id: string,
    scenario: Omit<Scenario, 'id' | 'savedAt'>,
    now = new Date(),
  ): Promise<Scenario> {
    return this.mutateContract(id, (c) => {
      const saved: Scenario = { ...scenario, id: randomUUID(), savedAt: now.toISOString() };
      c.scenarios = [...(c.scenarios ?? []), saved];
      return saved;
    });
  }

  /** Removes a saved scenario. */
  async removeScenario(id: string, scenarioId: string): Promise<void> {
    await this.mutateContract(id, (c) => {
      c.scenarios = (c.scenarios ?? []).filter((s) => s.id !== scenarioId);
    });
  }

  /** Records dates the reviewer entered (invoice, acceptance) for due dates. */
  async setEvents(id: string, events: PaymentEvents): Promise<PaymentEvents> {
    return this.mutateContract(id, (c) => {
      c.events = { ...c.events, ...events };
      return c.events;
    });
  }

  /** The holiday calendar: the user's edited one, else the shipped PRC calendar. */
  async calendar(): Promise<HolidayCalendar> {
    await this.list();
    return this.db.data.calendar ?? PRC_HOLIDAYS;
  }

  /** The NDA playbook: the user's edited one, else the shipped default. */
  async playbook(): Promise<NdaPlaybook> {
    await this.list();
    return this.db.data.playbook ? withDefaults(this.db.data.playbook) : DEFAULT_PLAYBOOK;
  }

  /** Saves an edited NDA playbook. */
  async setPlaybook(playbook: NdaPlaybook): Promise<NdaPlaybook> {
    return this.transact((data) => {
      data.playbook = playbook;
      return playbook;
    });
  }

  /** Saves an edited holiday calendar. */
  async setCalendar(calendar: HolidayCalendar): Promise<HolidayCalendar> {
    return this.transact((data) => {
      data.calendar = calendar;
      return calendar;
    });
  }

  /**
   * Removes a contract, its NDA records, its copied original and the evidence files no other
   * contract's checklist holds; the files are deleted under the same lock as the write, so that
   * another process importing the same file again meanwhile keeps its copy.
   * @throws QiyueError `not-found`
   */
  async remove(id: string): Promise<void> {
    await this.serialize(() =>
      this.withLock(async () => {
        const { file, evidence } = await this.commit((data) => {
          const c = data.contracts.find((x) => x.id === id);
          if (!c) throw new QiyueError('not-found', `找不到该合同 (no contract with id ${id})`);
          data.contracts = data.contracts.filter((x) => x.id !== id);
          data.ndaTerms = data.ndaTerms.filter((n) => n.contractId !== id);
          const kept = new Set(data.contracts.flatMap((x) => x.evidence ?? []));
          return { file: c.file, evidence: (c.evidence ?? []).filter((f) => !kept.has(f)) };
        });
        for (const rel of [
          file,
          ocrPagesFile(id),
          legacyOcrBoxesFile(id),
          viewFile(id),
          `${CONTRACTS_FOLDER}/${id}`,
          ...evidence,
        ])
          await fs.rm(path.join(this.dataDir, rel), { force: true, recursive: true });
      }),
    );
  }
}

/** Where an image file's viewer PDF is kept ({@link ContractStore.readViewable}). */
function viewFile(id: string): string {
  return `files/${id}.view.pdf`;
}

/** Where a scanned contract's character boxes were kept before the catalog layout. */
function legacyOcrBoxesFile(id: string): string {
  return `files/${id}.ocr-boxes.bin`;
}

/** Where a scanned contract's OCR text is kept ({@link ContractStore.ocrPageViews}). */
function ocrPagesFile(id: string): string {
  return `files/${id}.ocr-pages.json`;
}

/** The evidence files a contract's checklist holds (paths in the data folder). */
function evidenceFiles(c: ContractWork): string[] {
  return Object.values(c.checklist ?? {}).flatMap((s) => s.evidence.map((e) => e.file));
}

/** Moved-aside copies of unreadable store files kept per folder (the newest); older ones go. */
const UNREADABLE_COPIES_KEPT = 3;

/**
 * Deletes all but the newest {@link UNREADABLE_COPIES_KEPT} moved-aside copies in `folder`
 * (named `<file>.unreadable-<ISO time>`, so the time sorts them).
 */
async function pruneUnreadableCopies(folder: string): Promise<void> {
  const time = (n: string) => n.slice(n.indexOf('.unreadable-'));
  const copies = (await fs.readdir(folder))
    .filter((n) => n.includes('.unreadable-'))
    .sort((a, b) => time(b).localeCompare(time(a)));
  for (const n of copies.slice(UNREADABLE_COPIES_KEPT))
    await fs.rm(path.join(folder, n), { force: true });
}

/** Orders ISO timestamps newest first. */
export function byNewest(a: string, b: string): number {
  return a < b ? 1 : a > b ? -1 : 0;
}

/** How old an unnamed file must be before it is collected, by default (milliseconds). */
const ORPHAN_AGE_MS = 10 * 60_000;

/** The names in a folder; none when it does not exist. */
async function readdirIfAny(dir: string): Promise<string[]> {
  try {
    return await fs.readdir(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** Commits tried before a write gives up (each conflict means another writer's commit landed). */
const MAX_COMMIT_ATTEMPTS = 50;

/** Whether parsed store content has the store's shape (a contracts array at least). */
function isStoreData(d: unknown): d is StoreData {
  return typeof d === 'object' && d !== null && Array.isArray((d as StoreData).contracts);
}

/**
 * The store lock, when its holder is gone: its owner file (for this lock's inode) names a
 * process that no longer runs, or no owner file names this lock a second after it was made (a
 * live holder writes it right after taking the lock, so it died in between). Null when the lock
 * is held or already gone.
 */
async function orphanedLock(
  lockPath: string,
  ownerFile: string,
): Promise<{ ino: number; owner: string | null } | null> {
  const lock = await fs.stat(lockPath).catch(() => null);
  if (!lock) return null;
  const owner = await fs.readFile(ownerFile, 'utf8').catch(() => null);
  const [pid, ino] = (owner ?? '').split(' ').map(Number);
  const gone =
    Number.isInteger(pid) && pid > 0 && ino === lock.ino
      ? pid !== process.pid && !processAlive(pid)
      : lock.mtimeMs < Date.now() - 1000;
  return gone ? { ino: lock.ino, owner } : null;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A report's NDA terms as the store keeps them: one record per source, ids prefixed by the contract's. */
function ndaRecordsOf(id: string, report: ReviewReport): NdaRecord[] {
  return report.confidentiality.records.map((r) => ({
    id: `${id}:${r.id}`,
    contractId: id,
    source: r.source,
    title: r.title,
    ...(r.recipientName ? { recipientName: r.recipientName } : {}),
    duration: (r.terms.find((t) => t.key === 'duration')?.value as string | undefined) ?? null,
    terms: r.terms.map((t) => ({ key: t.key, value: t.value })),
  }));
}

async function exists(p: string): Promise<boolean> {
  try {
    await fs.access(p);
    return true;
  } catch {
    return false;
  }
}

/** What one commit replaced: files deleted once it has landed. */
interface Transaction {
  replaced: string[];
}

/** A schema-1 store file: each contract whole (record, text, report, work). */
interface StoreDataV1 extends Omit<StoreData, 'contracts'> {
  contracts: StoredContract[];
}

/**
 * When the last collection of unnamed files began (what the next one skips), beside the search
 * index: derived state, encrypted with the folder; lost, the next collection reads every folder.
 */
const COLLECTED_MARK = 'search/collected.json';

/** The names in `dir`; none when it does not exist. */
function readdirSyncIfAny(dir: string): string[] {
  try {
    return fsSync.readdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** Where a schema-1 store is copied while it is moved to the catalog layout. */
const MIGRATION_BACKUP = `${STORE_FOLDER}/schema-1-backup.json`;

/** Thrown when a file the catalog names is not there (replaced by another process's commit). */
class MissingPart extends Error {
  constructor(readonly file: string) {
    super(`missing contract file ${file}`);
  }
}
