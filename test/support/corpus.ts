/**
 * Scores Qiyue's reports against hand-read answer keys, the way `../shared/tools/score-corpus.sh`
 * does (the same `score-report.mjs`), but in one process and for every format of a document:
 * each `DIR/expected/NAME.json` is scored against `DIR/NAME.pdf`, `.docx`, `.txt`… that exist
 * (encrypted and scanned variants are left to the bad-input tests).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { importFile, sha256 } from '../../electron/main/import/index';
import { analyzeDocument } from '../../shared/domain/analyze';
import { buildReport, type ReviewReport } from '../../shared/domain/report';

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** The team's folder beside the repository. */
export const TEAM_SHARED = path.resolve(HERE, '../../../shared');
export const CORPUS_DIR = path.join(TEAM_SHARED, 'fixtures/corpus');
export const SEEDS_DIR = path.join(TEAM_SHARED, 'fixtures/seeds');
const SCORER = path.join(TEAM_SHARED, 'tools/score-report.mjs');

/** One document's score: `score-report.mjs`'s output plus the file scored. */
export interface DocScore {
  file: string;
  facts: number;
  matched: number;
  listed: number;
  extra: number;
  missing: string[];
  extraItems: string[];
  error?: string;
}

/** The report of one file, as the command line's `--json` prints it. */
export async function reviewFile(file: string): Promise<ReviewReport> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const doc = await importFile(file, bytes);
  const fileName = path.basename(file);
  return buildReport(
    { fileName, sha256: sha256(bytes), format: doc.format, pageCount: doc.pageCount },
    doc,
    analyzeDocument(doc),
  );
}

/** The documents of `dir` that have an answer key: [key path, document path][]. */
export function keyedDocuments(dir: string): [string, string][] {
  const out: [string, string][] = [];
  for (const key of fs.readdirSync(path.join(dir, 'expected')).sort()) {
    if (!key.endsWith('.json')) continue;
    const name = key.slice(0, -5);
    for (const f of fs.readdirSync(dir).sort()) {
      const ext = f.slice(name.length);
      if (f.startsWith(name) && /^\.(pdf|docx|txt|md)$/.test(ext))
        out.push([path.join(dir, 'expected', key), path.join(dir, f)]);
    }
  }
  return out;
}

/** The team's scorer's verdict on one report against one answer key (`score-report.mjs`). */
export function scoreReport(report: unknown, keyPath: string): DocScore {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-score-'));
  try {
    const reportPath = path.join(tmp, 'report.json');
    fs.writeFileSync(reportPath, JSON.stringify(report));
    return JSON.parse(
      execFileSync(process.execPath, [SCORER, keyPath, reportPath], { encoding: 'utf8' }),
    ) as DocScore;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Reviews and scores every keyed document of `dir`. */
export async function scoreDir(dir: string): Promise<DocScore[]> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-corpus-'));
  try {
    const scores: DocScore[] = [];
    for (const [key, file] of keyedDocuments(dir)) {
      const reportPath = path.join(tmp, `${path.basename(file)}.json`);
      let error: string | undefined;
      try {
        fs.writeFileSync(reportPath, JSON.stringify(await reviewFile(file)));
      } catch (err) {
        error = (err as Error).message;
        fs.writeFileSync(reportPath, JSON.stringify({ error }));
      }
      const out = JSON.parse(
        execFileSync(process.execPath, [SCORER, key, reportPath], { encoding: 'utf8' }),
      ) as DocScore;
      scores.push({ ...out, file: path.basename(file), ...(error ? { error } : {}) });
    }
    return scores;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Totals over documents: facts found and false items, with their shares in percent. */
export function totals(scores: DocScore[]): {
  facts: number;
  matched: number;
  listed: number;
  extra: number;
  recallPercent: number;
  extraPercent: number;
} {
  const sum = (k: 'facts' | 'matched' | 'listed' | 'extra') =>
    scores.reduce((n, s) => n + (s[k] ?? 0), 0);
  const facts = sum('facts');
  const matched = sum('matched');
  const listed = sum('listed');
  const extra = sum('extra');
  return {
    facts,
    matched,
    listed,
    extra,
    recallPercent: facts ? (100 * matched) / facts : 0,
    extraPercent: listed ? (100 * extra) / listed : 0,
  };
}
