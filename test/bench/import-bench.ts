/**
 * `npm run bench`: for each seed PDF and each PDF of the real-document corpus (tenders of 40–120
 * pages), import + analysis time as a ratio to pdf.js text extraction alone, both measured in
 * this run, so the ratio does not depend on how fast this machine is. Each round measures the
 * two back to back and gives one ratio; the goal (≤ 1.3×) is judged on the median of those paired
 * ratios, which cancels the machine's drift between rounds. The ratio of the fastest rounds
 * (Python timeit's estimator) is printed beside it: on a busy two-core machine it swings with one
 * lucky round of either series (seed 001: 1.15–1.56 in runs minutes apart), so it is shown, not
 * judged. Each PDF is measured in a process of its own (this script run again with
 * `--one FILE`), so that the heap one document leaves does not weigh on the next. A PDF with
 * pages read by OCR (a tender's scanned annexes) is left out of that table and measured in the
 * OCR one. Then OFD import against PDF import of the same seed ({@link ofdAgainstPdf}), and OCR
 * seconds per page with the process's peak memory ({@link ocrTable}).
 */
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { importFile } from '../../electron/main/import/index';
import { loadPdfJs, pdfDocumentOptions } from '../../electron/main/import/pdf';
import { analyzeDocument } from '../../shared/domain/analyze';
import { buildReport } from '../../shared/domain/report';
import { SEED_NAMES, seedPath } from '../support/seeds';
import { CORPUS_DIR } from '../support/corpus';
import { ofdFromPdf } from '../fixtures/make-seed-ofd';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);

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

/**
 * Measures one PDF; prints `{ pages, base, full, baseMin, fullMin, paired }` as JSON: medians and
 * minimums (ms) of each series, and the median of the rounds' ratios.
 */
async function measure(file: string): Promise<void> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const first = await importFile(file, bytes);
  if (first.ocrPages?.length) {
    console.log(JSON.stringify({ pages: first.pageCount, ocrPages: first.ocrPages.length }));
    return;
  }
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
      paired: median(full.map((f, i) => f / base[i])),
    }),
  );
}

async function main() {
  const one = process.argv.indexOf('--one');
  if (one >= 0) return measure(process.argv[one + 1]);
  if (process.argv.includes('--ofd-only')) return ofdAgainstPdf();
  const ocrOne = process.argv.indexOf('--ocr-one');
  if (ocrOne >= 0) return ocrOneFile(process.argv[ocrOne + 1]);
  if (process.argv.includes('--ocr-only')) return ocrTable();
  console.log(
    `PDF                          pages  pdf.js text (ms)  import+analysis (ms)  ratio (paired)  ratio (fastest)`,
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
      ocrPages?: number;
      pages: number;
      base: number;
      full: number;
      baseMin: number;
      fullMin: number;
      paired: number;
    };
    if (m.ocrPages) {
      console.log(
        `${`${name}.pdf`.padEnd(28)} ${String(m.pages).padStart(5)}  (${m.ocrPages} pages read by OCR: see the OCR table)`,
      );
      continue;
    }
    worst = Math.max(worst, m.paired);
    console.log(
      `${`${name}.pdf`.padEnd(28)} ${String(m.pages).padStart(5)}  ${m.base.toFixed(1).padStart(16)}  ${m.full.toFixed(1).padStart(20)}  ${m.paired.toFixed(2).padStart(14)}  ${(m.fullMin / m.baseMin).toFixed(2).padStart(15)}`,
    );
  }
  console.log(`worst paired ratio ${worst.toFixed(2)} (goal ≤ 1.30)`);
  await ofdAgainstPdf();
  await ocrTable();
}

/**
 * OCR of one file in this process, as the parser process reads it (one page at a time): prints
 * `{ pages, ocrPages, firstMs, perPage[], peakMb }` — the time to the first page's start (the
 * PDF opened and the models loaded), each OCR'd page's seconds, and the peak resident size.
 */
async function ocrOneFile(file: string): Promise<void> {
  const bytes = new Uint8Array(fs.readFileSync(file));
  const starts: number[] = [];
  const t0 = performance.now();
  const doc = await importFile(
    file,
    bytes,
    {},
    { onProgress: () => starts.push(performance.now()) },
  );
  const end = performance.now();
  // A page's time runs from its start to the next one's (the last one's, to the document's end:
  // it also holds the layout of the whole document, a few milliseconds).
  const perPage = starts.map((s, i) => ((starts[i + 1] ?? end) - s) / 1000);
  console.log(
    JSON.stringify({
      pages: doc.pageCount,
      ocrPages: doc.ocrPages?.length ?? 0,
      firstMs: (starts[0] ?? end) - t0,
      perPage,
      peakMb: process.resourceUsage().maxRSS / 1024,
    }),
  );
}

/**
 * OCR seconds per page (median and slowest) and the peak resident memory of the process that
 * read the file, each file in a fresh process: the scanned seed (120 dpi JPEG pages), the harder
 * scan of `test/fixtures/make-harder-scan.ts`, and the corpus tender with scanned annexes.
 */
async function ocrTable(): Promise<void> {
  const { harderScan } = await import('../fixtures/make-harder-scan');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-bench-ocr-'));
  const harder = path.join(dir, 'harder-scan.pdf');
  fs.writeFileSync(
    harder,
    await harderScan(new Uint8Array(fs.readFileSync(seedPath('001_18cfc68e7d229bba', 'pdf')))),
  );
  const files = [
    seedPath('001_18cfc68e7d229bba.scanned', 'pdf'),
    harder,
    path.join(CORPUS_DIR, '11-yulin-hitech-safety-env-steward-tcp.pdf'),
  ].filter((f) => fs.existsSync(f));
  console.log(
    `\nOCR (one page at a time)       pages  OCR pages  start (s)  s/page median  s/page max  peak RSS (MiB)`,
  );
  for (const file of files) {
    const out = execFileSync(
      process.execPath,
      [...process.execArgv, process.argv[1], '--ocr-one', file],
      {
        encoding: 'utf8',
        env: { ...process.env, MALLOC_ARENA_MAX: '2' },
      },
    );
    const m = JSON.parse(out.trim().split('\n').pop()!) as {
      pages: number;
      ocrPages: number;
      firstMs: number;
      perPage: number[];
      peakMb: number;
    };
    console.log(
      `${path.basename(file, '.pdf').slice(0, 28).padEnd(30)} ${String(m.pages).padStart(5)}  ${String(m.ocrPages).padStart(9)}  ${(m.firstMs / 1000).toFixed(1).padStart(9)}  ${median(m.perPage).toFixed(2).padStart(13)}  ${Math.max(
        ...m.perPage,
      )
        .toFixed(2)
        .padStart(10)}  ${m.peakMb.toFixed(0).padStart(14)}`,
    );
  }
  fs.rmSync(dir, { recursive: true, force: true });
}

/**
 * OFD import against PDF import of the same seed: the OFD made from the seed PDF
 * (`test/fixtures/make-seed-ofd.ts`), both imported in turn, the median of the rounds' ratios.
 */
async function ofdAgainstPdf(): Promise<void> {
  console.log(
    `\nseed (OFD made from its PDF)    pages  PDF import (ms)  OFD import (ms)  ratio (paired)`,
  );
  for (const name of SEED_NAMES) {
    const pdf = new Uint8Array(fs.readFileSync(seedPath(name, 'pdf')));
    const ofd = await ofdFromPdf(pdf);
    await importFile('s.pdf', pdf);
    await importFile('s.ofd', ofd);
    const a: number[] = [];
    const b: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      let t = performance.now();
      const doc = await importFile('s.pdf', pdf);
      a.push(performance.now() - t);
      t = performance.now();
      await importFile('s.ofd', ofd);
      b.push(performance.now() - t);
      if (r === 0) process.stdout.write(`${name.padEnd(30)} ${String(doc.pageCount).padStart(6)}`);
    }
    console.log(
      `  ${median(a).toFixed(1).padStart(15)}  ${median(b).toFixed(1).padStart(15)}  ${median(
        b.map((x, i) => x / a[i]),
      )
        .toFixed(2)
        .padStart(14)}`,
    );
  }
}

void main();
