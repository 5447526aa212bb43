/** Paths and expected facts of the seed fixtures in ../shared/fixtures/seeds. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const SEEDS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../shared/fixtures/seeds',
);
export const SEED_NAMES = fs
  .readdirSync(SEEDS_DIR)
  .filter((f) => /^\d{3}_[0-9a-f]+\.txt$/.test(f))
  .map((f) => f.replace(/\.txt$/, ''))
  .sort();

export function seedPath(name: string, ext: string): string {
  return path.join(SEEDS_DIR, `${name}.${ext}`);
}

export function expectedFor(name: string): Record<string, any> {
  return JSON.parse(fs.readFileSync(path.join(SEEDS_DIR, 'expected', `${name}.json`), 'utf8'));
}
