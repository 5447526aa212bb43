/**
 * The store file kept as numbered generations, `store/000000000042.json`, so that a write can
 * never overwrite one it did not read. A writer that read generation N commits by hard-linking
 * its fully written, fsynced temporary file to the name of generation N + 1: `link` fails when
 * that name exists, so of two writers that read the same generation exactly one commits, and the
 * other learns it ({@link StoreConflict}), reads again and re-applies its change. This is the
 * compare-and-swap the store's lock is verified by: a writer that stalled past the lock's stale
 * time (paused, swapped out) and resumes after another took the lock cannot lose that one's
 * write, it only finds its own generation taken.
 *
 * The current store is the highest generation. The two newest are kept (a reader that listed the
 * folder just before a commit still finds the file it chose, or lists again); older ones are
 * deleted after each commit. A store written before generations (`qiyue-store.json` in the data
 * folder) is read as generation 0 and renamed to `qiyue-store.json.migrated` after the first
 * commit. Needs a file system with hard links (ext4, XFS, Btrfs, NTFS, APFS).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { Adapter } from 'lowdb';
import { syncFolder } from './atomic-file';
import { QiyueError } from '../../../shared/domain/errors';

/**
 * How a generation's bytes are kept on disk (`data-files.ts`: encrypted in an encrypted data
 * folder); `name` is the file's path in the data folder, `store/000000000042.json`.
 */
export interface GenerationCodec {
  encode(name: string, bytes: Uint8Array): Uint8Array;
  /** @throws QiyueError `locked` without the key, `store-unreadable` for a damaged file */
  decode(name: string, bytes: Uint8Array): Uint8Array;
}

/** Bytes kept as they are. */
const PLAIN: GenerationCodec = { encode: (_n, b) => b, decode: (_n, b) => b };

const NAME = /^(\d{12})\.json$/;

/** Thrown by {@link GenerationalJsonFile.write} when another writer committed first. */
export class StoreConflict extends Error {
  constructor(readonly generation: number) {
    super(`store generation ${generation} was committed by another writer`);
  }
}

/** Thrown by {@link GenerationalJsonFile.read} when the newest generation cannot be parsed. */
export class UnreadableGeneration extends Error {
  constructor(
    readonly file: string,
    reason: string,
    options?: { cause: unknown },
  ) {
    super(`the store file ${file} cannot be read: ${reason}`, options);
  }
}

/** The file name of generation `n` (zero-padded so that names sort as numbers). */
export function generationName(n: number): string {
  return `${String(n).padStart(12, '0')}.json`;
}

/** Generation numbers present in `folder`, highest first (none when the folder is missing). */
export async function generationsIn(folder: string): Promise<number[]> {
  let names: string[];
  try {
    names = await fs.readdir(folder);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
  return names
    .map((n) => NAME.exec(n))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => Number(m[1]))
    .sort((a, b) => b - a);
}

/**
 * lowdb adapter over the generations in `folder` (see module doc). `read` returns the newest
 * generation's content (or the legacy file's, or null when there is neither) and remembers its
 * number; `write` commits the next number or throws {@link StoreConflict}.
 */
export class GenerationalJsonFile<T> implements Adapter<T> {
  /** The generation the last `read` returned (0: the legacy file or nothing). */
  generation = 0;

  constructor(
    readonly folder: string,
    /** The single store file of earlier versions, read when no generation exists. */
    readonly legacyFile: string,
    private readonly codec: GenerationCodec = PLAIN,
  ) {}

  /** The name generation `n` is bound to by the codec: `store/000000000042.json`. */
  private nameOf(n: number): string {
    return `${path.basename(this.folder)}/${generationName(n)}`;
  }

  /**
   * Whether the generation the last `read` returned is still the newest (generations never
   * change once committed, so what was read then is what the store holds now).
   */
  async isNewest(): Promise<boolean> {
    if (this.generation === 0) return false;
    const [newest] = await generationsIn(this.folder);
    return newest === this.generation;
  }

  /** Path of the file the last `read` returned, or null when it found none. */
  get currentFile(): string | null {
    return this.generation > 0 ? path.join(this.folder, generationName(this.generation)) : null;
  }

  /**
   * @throws UnreadableGeneration when the newest generation (or the legacy file) is not JSON;
   *   the caller moves it aside and reads again
   */
  async read(): Promise<T | null> {
    // A generation listed here may be deleted by a later commit before it is opened: list again.
    for (let attempt = 0; ; attempt++) {
      const [newest] = await generationsIn(this.folder);
      if (newest === undefined) {
        this.generation = 0;
        return readJson<T>(this.legacyFile, PLAIN, '');
      }
      const file = path.join(this.folder, generationName(newest));
      const content = await readJson<T>(file, this.codec, this.nameOf(newest));
      if (content === null) {
        if (attempt < 20) continue;
        throw new Error(`the store generations in ${this.folder} keep disappearing while read`);
      }
      this.generation = newest;
      return content;
    }
  }

  /**
   * Commits `data` as the generation after the one last read.
   * @throws StoreConflict when another writer committed that generation (or a later one) first;
   *   nothing of this write is left behind then
   */
  async write(data: T): Promise<void> {
    const next = this.generation + 1;
    await fs.mkdir(this.folder, { recursive: true, mode: 0o700 });
    const target = path.join(this.folder, generationName(next));
    const tmp = path.join(
      this.folder,
      `.${generationName(next)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
    );
    const handle = await fs.open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(
        this.codec.encode(this.nameOf(next), Buffer.from(JSON.stringify(data), 'utf8')),
      );
      await handle.sync();
    } finally {
      await handle.close();
    }
    try {
      await fs.link(tmp, target);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new StoreConflict(next);
      throw err;
    } finally {
      await fs.rm(tmp, { force: true });
    }
    // The name was free, but a writer that stalled long enough finds its number already pruned
    // behind newer generations: its file is then not the newest, and it must read again.
    const [newest] = await generationsIn(this.folder);
    if (newest > next) {
      await fs.rm(target, { force: true });
      throw new StoreConflict(next);
    }
    await syncFolder(this.folder);
    this.generation = next;
    await this.prune(next);
  }

  /**
   * Deletes every generation but the newest, and the legacy file: after the folder's encryption
   * changed, no copy written the other way is kept.
   */
  async pruneAllButNewest(): Promise<void> {
    await this.prune(this.generation, 0);
    await fs.rm(`${this.legacyFile}.migrated`, { force: true });
  }

  /**
   * Deletes generations older than `current` − `keep`, and retires the legacy file.
   */
  private async prune(current: number, keep = 1): Promise<void> {
    for (const n of await generationsIn(this.folder)) {
      if (n >= current - keep) continue;
      await fs.rm(path.join(this.folder, generationName(n)), { force: true });
    }
    await fs.rename(this.legacyFile, `${this.legacyFile}.migrated`).catch(() => undefined);
  }
}

/**
 * The parsed JSON of `file` (decoded as `name`); null when it does not exist.
 * @throws UnreadableGeneration when it cannot be decoded or parsed; QiyueError `locked` when it
 *   is encrypted and the key is not at hand
 */
async function readJson<T>(file: string, codec: GenerationCodec, name: string): Promise<T | null> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    return JSON.parse(Buffer.from(codec.decode(name, bytes)).toString('utf8')) as T;
  } catch (err) {
    if (err instanceof QiyueError && err.code === 'locked') throw err;
    throw new UnreadableGeneration(file, (err as Error).message, { cause: err });
  }
}
