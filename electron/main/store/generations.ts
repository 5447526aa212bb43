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
 * A generation is either the whole content or, when the adapter is given a {@link DeltaPolicy},
 * only what changed since the generation before it (its parent): a {@link DeltaGeneration},
 * read by applying the chain of deltas back to the last whole generation (its base). A write is
 * whole when nothing was read to diff against, when the policy finds no delta, or when the chain
 * would grow past {@link MAX_CHAIN_LENGTH} deltas or half its base's size, so reading stays
 * bounded (at 10,000 contracts the catalog is ~24 MB, a delta ~3 KB). The CAS is the same: a
 * delta is committed under the next generation's one name.
 *
 * The current store is the highest generation. It and the one before are kept with every
 * generation their chains read (a reader that listed the folder just before a commit still finds
 * the files it chose, or lists again); older ones are deleted after each commit. A store written before generations (`qiyue-store.json` in the data
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

/**
 * How the content changes from one generation to the next, for writing deltas (see module doc).
 * `snapshot` records what was read or committed (by reference: the caller replaces what it
 * changes rather than editing it in place); `diff` gives what changed since, or null when only a
 * whole copy will do; `apply` replays a delta on the content it was taken from.
 */
export interface DeltaPolicy<T, S = unknown, D = unknown> {
  snapshot(data: T): S;
  diff(before: S, after: T): D | null;
  /** @throws Error when `delta` is not one this policy wrote */
  apply(data: T, delta: D): T;
}

/** A generation that holds what changed since `parent`; `base` is its chain's whole generation. */
export interface DeltaGeneration {
  qiyueDelta: 1;
  parent: number;
  base: number;
  /** Deltas from `base` up to this one, and their JSON's length in characters. */
  chainLength: number;
  chainChars: number;
  delta: unknown;
}

/** Deltas one chain may hold before a whole generation is written. */
export const MAX_CHAIN_LENGTH = 100;

/** Characters of deltas a chain may hold whatever its base's size. */
const MIN_CHAIN_BUDGET = 16 * 1024;

/** Whether parsed generation content is a delta. */
export function isDeltaGeneration(x: unknown): x is DeltaGeneration {
  return typeof x === 'object' && x !== null && (x as DeltaGeneration).qiyueDelta === 1;
}

/** Where the generation last read or written stands in its chain. */
interface Chain {
  base: number;
  length: number;
  chars: number;
  /** Characters of the base generation's JSON. */
  baseChars: number;
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
  private chain: Chain | null = null;
  private snapshot: unknown = null;
  private wholeNext = false;

  constructor(
    readonly folder: string,
    /** The single store file of earlier versions, read when no generation exists. */
    readonly legacyFile: string,
    private readonly codec: GenerationCodec = PLAIN,
    private readonly policy: DeltaPolicy<T> | null = null,
  ) {}

  /** The name generation `n` is bound to by the codec: `store/000000000042.json`. */
  private nameOf(n: number): string {
    return `${path.basename(this.folder)}/${generationName(n)}`;
  }

  private fileOf(n: number): string {
    return path.join(this.folder, generationName(n));
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
    return this.generation > 0 ? this.fileOf(this.generation) : null;
  }

  /** The next `write` is a whole generation, whatever changed. */
  writeWholeNext(): void {
    this.wholeNext = true;
  }

  /**
   * @throws UnreadableGeneration when the newest generation (or the legacy file) is not JSON, or
   *   a generation its chain reads is damaged or missing; the caller moves it aside and reads
   *   again
   */
  async read(): Promise<T | null> {
    // A generation listed here may be deleted by a later commit before it is opened: list again.
    for (let attempt = 0; ; attempt++) {
      const [newest] = await generationsIn(this.folder);
      if (newest === undefined) {
        this.generation = 0;
        this.chain = null;
        this.snapshot = null;
        return (await readJson<T>(this.legacyFile, PLAIN, ''))?.value ?? null;
      }
      const read = await this.readChain(newest);
      if (read === null) {
        if (attempt < 20) continue;
        throw new Error(`the store generations in ${this.folder} keep disappearing while read`);
      }
      this.generation = newest;
      this.chain = read.chain;
      this.snapshot = this.policy?.snapshot(read.content) ?? null;
      return read.content;
    }
  }

  /**
   * Generation `n`'s content, its deltas applied to their base; null when a file of its chain
   * was deleted by a newer commit meanwhile (the caller lists again).
   * @throws UnreadableGeneration as {@link read}
   */
  private async readChain(n: number): Promise<{ content: T; chain: Chain } | null> {
    const deltas: { n: number; d: DeltaGeneration }[] = [];
    let k = n;
    for (;;) {
      const got = await readJson<unknown>(this.fileOf(k), this.codec, this.nameOf(k));
      if (got === null) {
        // Gone because a newer generation was committed and this one pruned: list again.
        const [newest] = await generationsIn(this.folder);
        if (k === n || newest !== n) return null;
        throw new UnreadableGeneration(this.fileOf(n), `generation ${k} it builds on is missing`);
      }
      if (!isDeltaGeneration(got.value)) {
        let content = got.value as T;
        for (const { n: at, d } of deltas.reverse()) {
          if (!this.policy) throw new UnreadableGeneration(this.fileOf(at), 'unexpected delta');
          try {
            content = this.policy.apply(content, d.delta);
          } catch (err) {
            throw new UnreadableGeneration(this.fileOf(at), (err as Error).message, { cause: err });
          }
        }
        const top = deltas.at(-1)?.d;
        return {
          content,
          chain: {
            base: k,
            length: top?.chainLength ?? 0,
            chars: top?.chainChars ?? 0,
            baseChars: got.chars,
          },
        };
      }
      const d = got.value;
      if (!(Number.isInteger(d.parent) && d.parent < k && d.parent >= d.base))
        throw new UnreadableGeneration(this.fileOf(k), `delta parent ${d.parent} out of order`);
      deltas.push({ n: k, d });
      k = d.parent;
    }
  }

  /**
   * Commits `data` as the generation after the one last read: what changed since, when the
   * policy gives it and the chain has room, else the whole content.
   * @throws StoreConflict when another writer committed that generation (or a later one) first;
   *   nothing of this write is left behind then
   */
  async write(data: T): Promise<void> {
    const next = this.generation + 1;
    const prev = this.chain;
    let json: string | null = null;
    let chain: Chain;
    const delta =
      this.policy &&
      prev &&
      this.snapshot !== null &&
      !this.wholeNext &&
      prev.length < MAX_CHAIN_LENGTH
        ? this.policy.diff(this.snapshot, data)
        : null;
    if (delta !== null && prev) {
      const deltaJson = JSON.stringify(delta);
      const chars = prev.chars + deltaJson.length;
      if (chars <= Math.max(prev.baseChars / 2, MIN_CHAIN_BUDGET)) {
        chain = { ...prev, length: prev.length + 1, chars };
        const head: Omit<DeltaGeneration, 'delta'> = {
          qiyueDelta: 1,
          parent: this.generation,
          base: prev.base,
          chainLength: chain.length,
          chainChars: chars,
        };
        json = `${JSON.stringify(head).slice(0, -1)},"delta":${deltaJson}}`;
      }
    }
    if (json === null) {
      json = JSON.stringify(data);
      chain = { base: next, length: 0, chars: 0, baseChars: json.length };
    }
    await fs.mkdir(this.folder, { recursive: true, mode: 0o700 });
    const target = this.fileOf(next);
    const tmp = path.join(
      this.folder,
      `.${generationName(next)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
    );
    const handle = await fs.open(tmp, 'wx', 0o600);
    try {
      await handle.writeFile(this.codec.encode(this.nameOf(next), Buffer.from(json, 'utf8')));
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
    this.chain = chain!;
    this.wholeNext = false;
    this.snapshot = this.policy?.snapshot(data) ?? null;
    // Kept: this generation's chain, and the one before with its chain.
    await this.prune(Math.min(chain!.base, prev?.base ?? next - 1, next - 1));
  }

  /**
   * Deletes every generation the newest does not read, and the legacy file: after the folder's
   * encryption changed (with a whole generation written last), no copy written the other way is
   * kept.
   */
  async pruneAllButNewest(): Promise<void> {
    await this.prune(this.chain?.base ?? this.generation);
    await fs.rm(`${this.legacyFile}.migrated`, { force: true });
  }

  /** Deletes generations older than `floor`, and retires the legacy file. */
  private async prune(floor: number): Promise<void> {
    for (const n of await generationsIn(this.folder)) {
      if (n >= floor) continue;
      await fs.rm(this.fileOf(n), { force: true });
    }
    await fs.rename(this.legacyFile, `${this.legacyFile}.migrated`).catch(() => undefined);
  }
}

/**
 * The parsed JSON of `file` (decoded as `name`) and its length in characters; null when it
 * does not exist.
 * @throws UnreadableGeneration when it cannot be decoded or parsed; QiyueError `locked` when it
 *   is encrypted and the key is not at hand
 */
async function readJson<T>(
  file: string,
  codec: GenerationCodec,
  name: string,
): Promise<{ value: T; chars: number } | null> {
  let bytes: Uint8Array;
  try {
    bytes = await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const text = Buffer.from(codec.decode(name, bytes)).toString('utf8');
    return { value: JSON.parse(text) as T, chars: text.length };
  } catch (err) {
    if (err instanceof QiyueError && err.code === 'locked') throw err;
    throw new UnreadableGeneration(file, (err as Error).message, { cause: err });
  }
}
