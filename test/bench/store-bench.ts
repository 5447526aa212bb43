/**
 * `npm run bench -- --store`: the store and search at department scale. Builds stores of 10, 100,
 * 1,000 and 10,000 contracts in a temporary folder and measures each in a process of its own
 * (this script again with `--one DIR`, so one size's heap does not weigh on the next and the
 * first query is the first after start), printing one line per size:
 *
 *   store N: open X ms, list Y ms, import Z ms (R× the empty store), search p50 A ms p95 B ms, rss C MB
 *
 * and beside it a naive linear scan over every stored text for the same queries (load time and
 * p50), measured in the same process.
 *
 * The contracts are the five seed PDFs, read and analysed once each and imported through the
 * store's own API as distinct files (`test/support/synthetic-store.ts`), so every record has a
 * real record's size (text, report, boxes). The 10,000 store is made from the 1,000 one by hard
 * links of its per-contract files under new ids and a catalog entry each (same record sizes,
 * minutes instead of hours, little disk). "import" is one more real PDF import (read and analysed
 * in the parser process, as in the app), against the same import into an empty store in the same
 * run: medians of five rounds each. Search p95 includes the first query after start, which comes
 * after the index is read in as the app does it in the background when the store opens
 * (`ContractSearch.warm`, timed apart); a first query without that warm-up is timed too.
 *
 *   BENCH_STORE_SIZES=10,100 npm run bench -- --store     # fewer sizes
 *   BENCH_STORE_CACHE=/tmp/stores npm run bench -- --store  # built stores kept there, reused
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { ContractStore } from '../../electron/main/store/store';
import { ContractSearch } from '../../electron/main/search/index';
import { partPath, type CatalogEntry } from '../../electron/main/store/catalog';
import { newestStoreFile, readCatalog } from '../support/store-files';
import { SEED_NAMES, seedPath } from '../support/seeds';
import { importSynthetic, reusedParse, syntheticBytes } from '../support/synthetic-store';
import { canonicalText } from '../../shared/domain/text/normalize';
import type { ParseFn } from '../../electron/main/isolation/parse';

/** Queries a reviewer types: terms, phrases, Latin and digit tokens. */
const QUERIES = [
  '违约金',
  '保密',
  '验收',
  '服务期限',
  '履约保证金',
  '响应时间',
  '乙方应',
  '付款',
  '考核',
  '巡检',
  '数据安全',
  '7×24',
  'RTO',
  '5%',
  '甲方有权',
  '知识产权',
  '不可抗力',
  '争议解决',
  '人民法院',
  '发票',
];

const SIZES = (process.env.BENCH_STORE_SIZES ?? '10,100,1000,10000').split(',').map(Number);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** The nearest-rank percentile `p` (0–100) of `xs`. */
function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

/** A PDF no store holds yet: a seed with a line of its own appended. */
function freshPdf(): Uint8Array {
  const seed = new Uint8Array(fs.readFileSync(seedPath(SEED_NAMES[3], 'pdf')));
  return syntheticBytes(seed, Number.parseInt(randomBytes(4).toString('hex'), 16));
}

/** Measures the store in `dir` (in a process of its own) and prints its line. */
async function measureOne(dir: string): Promise<void> {
  const rss = () => process.resourceUsage().maxRSS / 1024;
  const [store, openMs] = await timed(() => ContractStore.open(dir));
  const n = (await store.list()).length;
  const listMs = median(
    await Promise.all([0, 1, 2, 3, 4].map(async () => (await timed(() => store.list()))[1])),
  );

  // As the app does when the store opens: the index read in, in the background (the collection
  // of unnamed files running beside it). The first query is the first after that.
  const search = new ContractSearch(store);
  const [, warmMs] = await timed(() => search.warm());
  const times: number[] = [];
  for (const q of [...QUERIES, ...QUERIES]) times.push((await timed(() => search.query(q)))[1]);

  // Import: one more real PDF, against the same into an empty store, parser warmed up first.
  const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-bench-empty-'));
  const empty = await ContractStore.open(emptyDir);
  await empty.importContract('warm-up.pdf', freshPdf());
  const intoEmpty: number[] = [];
  const intoStore: number[] = [];
  const reindex: number[] = [];
  for (let round = 0; round < 5; round++) {
    intoEmpty.push((await timed(() => empty.importContract('one-more.pdf', freshPdf())))[1]);
    intoStore.push((await timed(() => store.importContract('one-more.pdf', freshPdf())))[1]);
    // What the app does next, in the background: the new contract into the search index.
    reindex.push((await timed(() => search.refresh()))[1]);
  }
  fs.rmSync(emptyDir, { recursive: true, force: true });
  const peak = rss();
  // Without the warm-up: a first query that reads the index and the texts itself.
  const [, coldMs] = await timed(() => new ContractSearch(store).query(QUERIES[0]));

  // The naive way, for comparison: every stored text in memory, String.includes over all.
  const entries = await store.list();
  const [texts, loadMs] = await timed(async () => {
    const out: string[] = [];
    for (const e of entries.slice(0, 2000)) out.push((await store.get(e.id)).text);
    return out;
  });
  const scan = QUERIES.map((q) => {
    const needle = canonicalText(q);
    const t = performance.now();
    let hits = 0;
    for (const text of texts) if (text.includes(needle)) hits++;
    return [performance.now() - t, hits] as const;
  });
  const loadNote = entries.length > 2000 ? ` (first 2,000 texts: ${Math.round(loadMs)} ms)` : '';
  const scanScale = entries.length > 2000 ? entries.length / 2000 : 1;

  const r = median(intoStore) / median(intoEmpty);
  console.log(
    `store ${n}: open ${Math.round(openMs)} ms, list ${listMs.toFixed(1)} ms, import ${Math.round(median(intoStore))} ms (${r.toFixed(2)}× the empty store; index +${Math.round(median(reindex))} ms in the background), search p50 ${Math.round(percentile(times, 50))} ms p95 ${Math.round(percentile(times, 95))} ms (first ${Math.round(times[0])} ms after the warm-up at open, ${Math.round(warmMs)} ms in the background; ${Math.round(coldMs)} ms without it), rss ${Math.round(peak)} MB`,
  );
  console.log(
    `  linear scan: load ${Math.round(loadMs * scanScale)} ms${loadNote}, p50 ${(median(scan.map((s) => s[0])) * scanScale).toFixed(1)} ms`,
  );
  process.exit(0);
}

/** Builds a store of `n` contracts in `dir` through the store's API (the five seeds in turn). */
async function buildByImport(dir: string, from: number, n: number, store?: ContractStore) {
  const seeds = SEED_NAMES.map((name) => reusedParse(seedPath(name, 'pdf')));
  // Contract i is seed i mod 5, each seed read and analysed once.
  const parse: ParseFn = (fileName, ...rest) =>
    seeds[Number(/synthetic-(\d+)/.exec(fileName)![1]) % seeds.length].parse(fileName, ...rest);
  const s = store ?? (await ContractStore.open(dir, { parse }));
  for (let i = from; i < n; i++)
    await importSynthetic(s, seeds[i % seeds.length].bytes, '.pdf', i, 1);
  return s;
}

/**
 * A store of `n` contracts made from the store in `source` (which holds `k` < `n`): its catalog
 * entries copied under new ids, their per-contract files and originals hard-linked (the same
 * record sizes, little disk), written as one new catalog generation.
 */
function replicate(source: string, dir: string, n: number): void {
  fs.cpSync(source, dir, { recursive: true });
  const file = newestStoreFile(dir);
  const data = readCatalog(dir);
  const base: CatalogEntry[] = data.contracts;
  for (let i = base.length; i < n; i++) {
    const from = base[i % base.length];
    const id = (from.id.slice(0, 56) + i.toString(16).padStart(8, '0')).slice(0, 64);
    const entry: CatalogEntry = {
      ...from,
      id,
      fileName: `synthetic-${i}.pdf`,
      file: `files/${id}.pdf`,
      importedAt: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
    };
    fs.mkdirSync(path.join(dir, 'contracts', id), { recursive: true, mode: 0o700 });
    for (const name of Object.values(from.parts).filter((x): x is string => x !== null))
      fs.linkSync(path.join(dir, partPath(from.id, name)), path.join(dir, partPath(id, name)));
    fs.linkSync(path.join(dir, from.file), path.join(dir, entry.file));
    data.contracts.push(entry);
    for (const nda of data.ndaTerms.filter((x: { contractId: string }) => x.contractId === from.id))
      data.ndaTerms.push({ ...nda, id: `${id}:${nda.id.split(':')[1]}`, contractId: id });
  }
  const next = path.join(
    path.dirname(file),
    `${String(Number(path.basename(file, '.json')) + 1).padStart(12, '0')}.json`,
  );
  fs.writeFileSync(next, JSON.stringify(data), { mode: 0o600 });
}

async function main(): Promise<void> {
  const one = process.argv.indexOf('--one');
  if (one >= 0) return measureOne(process.argv[one + 1]);
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-bench-store-'));
  try {
    console.log(`Store and search at scale (${os.cpus().length} cores), seed PDFs as records:`);
    let built = 0;
    const grow = path.join(root, 'grow');
    let store: ContractStore | undefined;
    const cache = process.env.BENCH_STORE_CACHE;
    for (const n of SIZES) {
      const dir = path.join(root, `n${n}`);
      const cached = cache ? path.join(cache, `n${n}`) : null;
      if (cached && fs.existsSync(cached)) {
        fs.cpSync(cached, dir, { recursive: true });
        if (n <= 1000) {
          // The next size grows from this one.
          fs.rmSync(grow, { recursive: true, force: true });
          fs.cpSync(cached, grow, { recursive: true });
          [store, built] = [undefined, n];
        }
      } else if (n <= 1000) {
        store = await buildByImport(grow, built, n, store);
        built = n;
        fs.cpSync(grow, dir, { recursive: true });
      } else {
        replicate(grow, dir, n);
      }
      // The index as the app keeps it: each import indexed (built in one go here).
      const [, indexMs] = await timed(async () => {
        const s = await ContractStore.open(dir);
        await new ContractSearch(s).refresh();
      });
      if (n > 1000) console.log(`  (indexed ${n} contracts in ${Math.round(indexMs / 1000)} s)`);
      if (cached && !fs.existsSync(cached)) fs.cpSync(dir, cached, { recursive: true });
      const out = execFileSync(
        process.execPath,
        ['--import', 'tsx', path.resolve('test/bench/store-bench.ts'), '--one', dir],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24 },
      );
      process.stdout.write(out);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
