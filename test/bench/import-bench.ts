/**
 * `npm run bench`: for each seed PDF and each PDF of the real-document corpus (tenders of 40–120
 * pages), import + analysis time as a ratio to pdf.js text extraction alone, both measured in
 * this run (interleaved, several rounds), so the ratio does not depend on how fast this machine
 * is. The goal: ≤ 1.3×, judged on the fastest round of each (as Python's timeit advises: slower
 * rounds are other processes interfering, not the code); the ratio of medians is printed beside it. Each PDF is measured in a process of its own (this script
 * run again with `--one FILE`), so that the heap one document leaves does not weigh on the next.
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { importFile } from '../../electron/main/import/index';
import { loadPdfJs, pdfDocumentOptions } from '../../electron/main/import/pdf';
import { analyzeDocument } from '../../shared/domain/analyze';
import { buildReport } from '../../shared/domain/report';
import { SEED_NAMES, seedPath } from '../support/seeds';
import { CORPUS_DIR } from '../support/corpus';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 9);

async function extractOnly(bytes: Uint8Array): Promise<void> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument(pdfDocumentOptions(bytes.slice()));
  const doc = await task.promise;
  for (let p = 1; p <= doc.numPages; p++) await (await doc.getPage(p)).getTextContent();
  await task.destroy();
}

async function fullReview(file: string, bytes: Uint8Array): Promise<void> {
  const doc = await importFile(file, bytes);
  buildReport(
    { fileName: file, sha256: '', format: doc.format, pageCount: doc.pageCount },
    doc,
    analyzeDocument(doc),
  );
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Measures one PDF; prints `{ pages, base, full, baseMin, fullMin }` (medians and minimums, ms) as JSON. */
async function measure(file: string): Promise<void> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  await extractOnly(bytes); // warm-up
  await fullReview(file, bytes);
  const base: number[] = [];
  const full: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    let t = performance.now();
    await extractOnly(bytes);
    base.push(performance.now() - t);
    t = performance.now();
    await fullReview(file, bytes);
    full.push(performance.now() - t);
  }
  const pages = (await importFile(file, bytes)).pageCount;
  console.log(
    JSON.stringify({
      pages,
      base: median(base),
      full: median(full),
      baseMin: Math.min(...base),
      fullMin: Math.min(...full),
    }),
  );
}

async function main() {
  const one = process.argv.indexOf('--one');
  if (one >= 0) return measure(process.argv[one + 1]);
  console.log(
    `PDF                          pages  pdf.js text (ms)  import+analysis (ms)  ratio  ratio (median)`,
  );
  let worst = 0;
  const corpus = fs.existsSync(CORPUS_DIR)
    ? fs
        .readdirSync(CORPUS_DIR)
        .filter((f) => f.endsWith('.pdf'))
        .map((f) => path.join(CORPUS_DIR, f))
    : [];
  for (const file of [...SEED_NAMES.map((n) => seedPath(n, 'pdf')), ...corpus]) {
    const name = path.basename(file, '.pdf').slice(0, 24);
    const out = execFileSync(
      process.execPath,
      [...process.execArgv, process.argv[1], '--one', file],
      {
        encoding: 'utf8',
        env: process.env,
      },
    );
    const m = JSON.parse(out.trim().split('\n').pop()!) as {
      pages: number;
      base: number;
      full: number;
      baseMin: number;
      fullMin: number;
    };
    const ratio = m.fullMin / m.baseMin;
    worst = Math.max(worst, ratio);
    console.log(
      `${`${name}.pdf`.padEnd(28)} ${String(m.pages).padStart(5)}  ${m.baseMin.toFixed(1).padStart(16)}  ${m.fullMin.toFixed(1).padStart(20)}  ${ratio.toFixed(2).padStart(5)}  ${(m.full / m.base).toFixed(2).padStart(14)}`,
    );
  }
  console.log(`worst ratio ${worst.toFixed(2)} (goal ≤ 1.30)`);
}

void main();
