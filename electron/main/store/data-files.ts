/**
 * The files of a data folder as the store reads and writes them: through the folder's cipher
 * when it is encrypted (`vault.ts`), as they are otherwise. Every name is a path relative to the
 * data folder (`files/<sha>.pdf`, `store/000000000042.json`), which is also what an encrypted
 * file is bound to.
 */
import fs from 'node:fs/promises';
import fsSync from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { QiyueError } from '../../../shared/domain/errors';
import { writeFileAtomic } from './atomic-file';
import { isEncrypted, type FolderCipher } from './vault';

/** The key a data folder's files are read and written with. */
export interface Keyring {
  /** The unlocked data key; null when the folder is not encrypted (or not unlocked). */
  cipher: FolderCipher | null;
  /** Whether new files are written encrypted (false while encryption is being removed). */
  encryptWrites: boolean;
}

/** The refusal for an encrypted file read without the key. */
export function lockedError(): QiyueError {
  return new QiyueError(
    'locked',
    '数据文件夹已加密，请输入口令解锁后再试 (the data folder is encrypted: unlock it with its passphrase)',
  );
}

/** Reads and writes a data folder's files with its {@link Keyring}. */
export class DataFiles {
  constructor(
    readonly dataDir: string,
    private readonly keyring: () => Keyring,
  ) {}

  /**
   * `bytes` as the file `name` holds them on disk: encrypted when the keyring says so.
   */
  encode(name: string, bytes: Uint8Array): Uint8Array {
    const { cipher, encryptWrites } = this.keyring();
    return cipher && encryptWrites ? cipher.encrypt(name, bytes) : bytes;
  }

  /**
   * The content of file `name` read from disk as `bytes`: decrypted when encrypted.
   * @throws QiyueError `locked` for an encrypted file without the key; `store-unreadable` for
   *   one the key does not open (damaged, altered, moved from another name)
   */
  decode(name: string, bytes: Uint8Array): Uint8Array {
    if (!isEncrypted(bytes)) return bytes;
    const { cipher } = this.keyring();
    if (!cipher) throw lockedError();
    return cipher.decrypt(name, bytes);
  }

  /**
   * The content of file `name`, or null when it does not exist.
   * @throws as {@link decode}; the system's other errors as they are
   */
  async read(name: string): Promise<Uint8Array | null> {
    let bytes: Buffer;
    try {
      bytes = await fs.readFile(path.join(this.dataDir, name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return this.decode(name, bytes);
  }

  /**
   * {@link read} without waiting on the thread pool: for the many small reads of one search
   * (a hundred files of some 50 KB, from the page cache), where each asynchronous read costs
   * more in hand-offs than in reading.
   * @throws as {@link read}
   */
  readSync(name: string): Uint8Array | null {
    let bytes: Buffer;
    try {
      bytes = fsSync.readFileSync(path.join(this.dataDir, name));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    return this.decode(name, bytes);
  }

  /**
   * Parts of file `name`'s content, each `[offset, length]` (fewer bytes at its end); null when
   * it does not exist. In a folder that is not encrypted only those bytes are read (at once, as
   * {@link readSync}); an encrypted file is decrypted whole (AES-GCM authenticates the file as
   * one), then cut.
   * @throws as {@link read}
   */
  readRangesSync(name: string, ranges: [number, number][]): Uint8Array[] | null {
    if (this.keyring().cipher) {
      const whole = this.readSync(name);
      return whole && ranges.map(([offset, length]) => whole.subarray(offset, offset + length));
    }
    let fd: number;
    try {
      fd = fsSync.openSync(path.join(this.dataDir, name), 'r');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
    try {
      return ranges.map(([offset, length]) => {
        const buf = Buffer.alloc(Math.max(0, length));
        return buf.subarray(0, fsSync.readSync(fd, buf, 0, buf.length, offset));
      });
    } finally {
      fsSync.closeSync(fd);
    }
  }

  /** Writes file `name` atomically and durably (see `atomic-file.ts`), encoded. */
  async write(name: string, bytes: Uint8Array): Promise<void> {
    await writeFileAtomic(path.join(this.dataDir, name), this.encode(name, bytes));
  }

  /**
   * Creates file `name` unless it exists (a link of a fully written temporary file, so that of
   * two processes creating it at once one wins and both then read that one).
   * @returns whether this call created it
   */
  async create(name: string, bytes: Uint8Array): Promise<boolean> {
    const file = path.join(this.dataDir, name);
    await fs.mkdir(path.dirname(file), { recursive: true, mode: 0o700 });
    const tmp = path.join(
      path.dirname(file),
      `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
    );
    await fs.writeFile(tmp, this.encode(name, bytes), { mode: 0o600 });
    try {
      await fs.link(tmp, file);
      return true;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw err;
    } finally {
      await fs.rm(tmp, { force: true });
    }
  }
}
