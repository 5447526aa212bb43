/**
 * The store's files as tests look at them: the content of the newest generation, a rewrite of
 * it in place (a store as an older Qiyue left it), and a snapshot of every byte the store holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { generationName } from '../../electron/main/store/generations';

/** Path of the newest store generation in data folder `dir` (throws when there is none). */
export function newestStoreFile(dir: string): string {
  const folder = path.join(dir, 'store');
  const names = fs
    .readdirSync(folder)
    .filter((n) => /^\d{12}\.json$/.test(n))
    .sort();
  if (names.length === 0) throw new Error(`no store generation in ${folder}`);
  const file = path.join(folder, names[names.length - 1]);
  expectName(file);
  return file;
}

function expectName(file: string): void {
  const n = Number(path.basename(file, '.json'));
  if (path.basename(file) !== generationName(n)) throw new Error(`odd generation name ${file}`);
}

/** The parsed content of the newest store generation. */
export function readStoreData(dir: string): any {
  return JSON.parse(fs.readFileSync(newestStoreFile(dir), 'utf8'));
}

/** Rewrites the newest generation in place, as a store another version wrote would be. */
export function rewriteStoreData(dir: string, change: (data: any) => void): void {
  const file = newestStoreFile(dir);
  const data = JSON.parse(fs.readFileSync(file, 'utf8'));
  change(data);
  fs.writeFileSync(file, JSON.stringify(data));
}

/** Every file of the store folder with its bytes, to compare before and after a refusal. */
export function storeSnapshot(dir: string): Record<string, string> {
  const folder = path.join(dir, 'store');
  const out: Record<string, string> = {};
  for (const n of fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [])
    out[n] = fs.readFileSync(path.join(folder, n), 'base64');
  return out;
}

/** Every file of the store folder with the SHA-256 of its bytes (a snapshot that stays small). */
export function storeDigest(dir: string): Record<string, string> {
  const folder = path.join(dir, 'store');
  const out: Record<string, string> = {};
  for (const n of fs.existsSync(folder) ? fs.readdirSync(folder).sort() : [])
    out[n] = createHash('sha256')
      .update(fs.readFileSync(path.join(folder, n)))
      .digest('hex');
  return out;
}
