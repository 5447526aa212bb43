/** Paths and expected facts of the seed fixtures in ../shared/fixtures/seeds. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile } from '../../electron/main/import/index';
import { analyzeDocument } from '../../shared/domain/analyze';
import { buildReport, type ReviewReport } from '../../shared/domain/report';

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

/**
 * A seed's review as the app builds it on import: the file read by the importer of its format,
 * analysed, and made a REPORT.md report (`sha256` is a placeholder).
 */
export async function seedReport(name: string, ext = 'pdf'): Promise<ReviewReport> {
  const file = seedPath(name, ext);
  const doc = await importFile(file, new Uint8Array(fs.readFileSync(file)));
  return buildReport(
    { fileName: `${name}.${ext}`, sha256: 'x', format: doc.format, pageCount: doc.pageCount },
    doc,
    analyzeDocument(doc),
  );
}
