/**
 * Atomic, durable file writes: write a temporary file in the same folder (readable by the owner
 * only), fsync it, rename it over the target, fsync the folder. A reader sees the old or the new
 * file, never half of one, even if the process is killed mid-write. Used for the originals and
 * evidence files; the store file itself is committed by generation (`generations.ts`).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Writes `data` to `file` atomically (temp file + fsync + rename + folder fsync). */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(
    dir,
    `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`,
  );
  const handle = await fs.open(tmp, 'w', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await syncFolder(dir);
}

/** Flushes a folder's entries (a rename or link in it) to disk, where the file system allows. */
export async function syncFolder(dir: string): Promise<void> {
  try {
    const dh = await fs.open(dir, 'r');
    try {
      await dh.sync();
    } finally {
      await dh.close();
    }
  } catch {
    // Some file systems refuse fsync on folders; the rename or link itself is still atomic.
  }
}

/** A file's text, or null when it does not exist. @throws the system's other errors */
export async function readTextIfExists(file: string): Promise<string | null> {
  try {
    return await fs.readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}
