/**
 * The store's files as tests look at them: the content of the newest generation, a rewrite of
 * it in place (a store as an older Qiyue left it), and a snapshot of every byte the store holds.
 */
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { generationName, isDeltaGeneration } from '../../electron/main/store/generations';
import { CATALOG_DELTA } from '../../electron/main/store/catalog-delta';

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

/**
 * The content of the newest store generation of a plain (not encrypted) data folder: the file
 * itself when it is whole, its chain of deltas applied to their base when it is a delta.
 */
export function readCatalog(dir: string): any {
  const newest = newestStoreFile(dir);
  const read = (n: number) =>
    JSON.parse(fs.readFileSync(path.join(path.dirname(newest), generationName(n)), 'utf8'));
  const chain: any[] = [];
  let g = read(Number(path.basename(newest, '.json')));
  while (isDeltaGeneration(g)) {
    chain.push(g.delta);
    g = read(g.parent);
  }
  for (const d of chain.reverse()) g = CATALOG_DELTA.apply(g, d);
  return g;
}

/**
 * The newest store generation of a plain (not encrypted) data folder, each contract whole: its
 * catalog entry with its content and work files read in (`electron/main/store/catalog.ts`).
 */
export function readStoreData(dir: string): any {
  const data = readCatalog(dir);
  if (data.schemaVersion < 2) return data;
  const part = (id: string, name: string | null) =>
    name ? JSON.parse(fs.readFileSync(path.join(dir, 'contracts', id, name), 'utf8')) : {};
  data.contracts = data.contracts.map((e: any) => ({
    ...e,
    ...part(e.id, e.parts.content),
    ...part(e.id, e.parts.work),
  }));
  return data;
}

/**
 * Rewrites the newest generation in place as a store an older Qiyue left it: schema 1, each
 * contract whole in the store file (as {@link readStoreData} gives it, after `change`), so the
 * next open moves it to the catalog layout again.
 */
export function rewriteStoreData(dir: string, change: (data: any) => void): void {
  const file = newestStoreFile(dir);
  const data = readStoreData(dir);
  change(data);
  data.schemaVersion = 1;
  for (const c of data.contracts) {
    delete c.parts;
    delete c.evidence;
  }
  fs.writeFileSync(file, JSON.stringify(data));
}

/** Paths (relative to `dir`) of the store's files: its generations and per-contract files. */
function storeFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    const abs = path.join(dir, rel);
    if (!fs.existsSync(abs)) return;
    for (const n of fs.readdirSync(abs).sort()) {
      const child = rel ? `${rel}/${n}` : n;
      if (fs.statSync(path.join(dir, child)).isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk('store');
  walk('contracts');
  return out;
}

/** Every file of the store (generations, per-contract files) with its bytes, to compare before and after a refusal. */
export function storeSnapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of storeFiles(dir)) out[n] = fs.readFileSync(path.join(dir, n), 'base64');
  return out;
}

/** Every file of the store with the SHA-256 of its bytes (a snapshot that stays small). */
export function storeDigest(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of storeFiles(dir))
    out[n] = createHash('sha256')
      .update(fs.readFileSync(path.join(dir, n)))
      .digest('hex');
  return out;
}
