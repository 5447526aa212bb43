/**
 * `npm run bench`: for each seed PDF and each PDF of the real-document corpus (tenders of 40–120
 * pages), import + analysis time as a ratio to pdf.js text extraction alone, both measured in
 * this run (interleaved, median of several rounds), so the ratio does not depend on how fast
 * this machine is. The goal: ≤ 1.3×.
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

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

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

async function main() {
  console.log(`PDF                          pages  pdf.js text (ms)  import+analysis (ms)  ratio`);
  const corpus = fs.existsSync(CORPUS_DIR)
    ? fs
        .readdirSync(CORPUS_DIR)
        .filter((f) => f.endsWith('.pdf'))
        .map((f) => path.join(CORPUS_DIR, f))
    : [];
  for (const file of [...SEED_NAMES.map((n) => seedPath(n, 'pdf')), ...corpus]) {
    const name = path.basename(file, '.pdf').slice(0, 24);
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
    const b = median(base);
    const f = median(full);
    console.log(
      `${`${name}.pdf`.padEnd(28)} ${String(pages).padStart(5)}  ${b.toFixed(1).padStart(16)}  ${f.toFixed(1).padStart(20)}  ${(f / b).toFixed(2).padStart(5)}`,
    );
  }
}

void main();
