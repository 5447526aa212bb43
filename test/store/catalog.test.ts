/**
 * The catalog layout (`electron/main/store/catalog.ts`): a schema-1 store written by the Qiyue
 * of 2026-12-02 (`test/fixtures/store-v1`, plain and encrypted) opens, is moved to the catalog
 * and per-contract files and keeps every contract, annotation, checklist state, triage decision,
 * sign-off and setting; a migration killed at any moment is run again whole; a write touches only
 * the files it changes; imports into a 1,000-contract store killed at random moments leave each
 * contract wholly there or absent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { checklistRows, eventsOf } from '../../electron/main/ipc/handlers';
import { parseContract } from '../../electron/main/isolation/parse';
import { clauseCiter } from '../../shared/domain/clauses/cite';
import { checklistItems } from '../../shared/domain/obligations/schedule';
import { emptyState } from '../../shared/domain/checklist';
import { ContractStore, STORE_SCHEMA_VERSION } from '../../electron/main/store/store';
import { partFiles } from '../../electron/main/store/catalog';
import { newestStoreFile, readCatalog } from '../support/store-files';
import { seedPath } from '../support/seeds';
import { importSynthetic, reusedParse } from '../support/synthetic-store';

const FIXTURES = path.resolve('test/fixtures/store-v1');
const CACHE = path.resolve('node_modules/.cache/qiyue-tests');
/** The child processes, bundled so that a kill reaches the process itself (tsx runs a child). */
const OPENER = path.join(CACHE, 'store-open.mjs');
const IMPORTER = path.join(CACHE, 'store-importer.mjs');
const dirs: string[] = [];

beforeAll(() => {
  for (const [entry, outfile] of [
    ['test/support/store-open.ts', OPENER],
    ['test/support/store-importer.ts', IMPORTER],
  ])
    buildSync({
      entryPoints: [entry],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node22',
      packages: 'external',
      outfile,
      logLevel: 'error',
    });
});
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** A copy of a fixture data folder (the fixture itself stays as it is). */
function copyOf(fixture: 'plain' | 'encrypted'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `qiyue-catalog-${fixture}-`));
  dirs.push(dir);
  fs.cpSync(path.join(FIXTURES, fixture), dir, { recursive: true });
  return dir;
}

/** The schema-1 store file of a fixture, as today's main wrote it. */
function v1Of(fixture: 'plain'): any {
  const folder = path.join(FIXTURES, fixture, 'store');
  const [file] = fs.readdirSync(folder).filter((n) => n.endsWith('.json'));
  return JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8'));
}

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true }) as string[])
    .filter((n) => fs.statSync(path.join(dir, n)).isFile())
    .sort();
}

/** Asserts that every contract of the catalog is whole: its files there and readable. */
async function expectWhole(store: ContractStore): Promise<number> {
  const entries = await store.list();
  for (const e of entries) {
    for (const rel of partFiles(e)) expect(fs.existsSync(path.join(store.dataDir, rel))).toBe(true);
    const c = await store.get(e.id);
    expect(c.text.length).toBeGreaterThan(1000);
    expect(c.report.source.fileName).toBeTruthy();
    expect((await store.readOriginal(e.id)).bytes.length).toBe(e.size);
  }
  return entries.length;
}

describe('a schema-1 store from the Qiyue of 2026-12-02', () => {
  it('opens, moves to the catalog layout, and keeps every contract and all the work on it', async () => {
    const dir = copyOf('plain');
    const v1 = v1Of('plain');
    expect(v1.schemaVersion).toBe(1);
    const store = await ContractStore.open(dir);
    await store.collected;

    const catalog = readCatalog(dir);
    expect(catalog.schemaVersion).toBe(STORE_SCHEMA_VERSION);
    // The catalog holds records, not bulk: no text, report or work in it.
    const raw = JSON.stringify(readCatalog(dir));
    expect(raw).not.toContain('"report"');
    expect(raw).not.toContain('"annotations"');
    expect(raw.length).toBeLessThan(8000);
    expect(fs.existsSync(path.join(dir, 'store', 'schema-1-backup.json'))).toBe(false);

    expect((await store.list()).map((e) => e.id).sort()).toEqual(
      v1.contracts.map((c: any) => c.id).sort(),
    );
    for (const old of v1.contracts) {
      const c = await store.get(old.id);
      // Whole as it was: record, text, report, annotations (the deleted one too), checklist
      // with its evidence, triage, scenarios, dates, sign-off, history.
      expect(c).toEqual(old);
      expect(c.annotations).toHaveLength(2);
      expect(c.annotations!.filter((a) => a.deleted)).toHaveLength(1);
      expect(Object.values(c.checklist!)[0].evidence).toHaveLength(1);
      const evidence = Object.values(c.checklist!)[0].evidence[0];
      expect(fs.existsSync(path.join(dir, evidence.file))).toBe(true);
      expect(Object.keys(c.triage!)).toHaveLength(1);
    }
    const [first, second] = v1.contracts;
    expect((await store.get(first.id)).signOff?.by).toBe('张审');
    expect((await store.get(second.id)).signOff ?? null).toBeNull();
    // The library row is the catalog's own: state and counts without reading the report.
    const rows = new Map((await store.list()).map((e) => [e.id, e]));
    expect(rows.get(first.id)!.reviewState).toBe('signed_off');
    expect(rows.get(second.id)!.reviewState).toBe('in_review');
    expect(rows.get(first.id)!.findings.byStatus.accepted).toBe(1);
    expect(await store.reviewer()).toBe('张审');
    expect(await store.ndaTerms(first.id)).toEqual(
      v1.ndaTerms
        .filter((n: any) => n.contractId === first.id)
        .map((n: any) => expect.objectContaining({ id: n.id, duration: n.duration })),
    );
    // And it goes on working: a change lands on the new layout.
    await store.updateChecklist(first.id, 'ob-0', {
      status: 'done',
      note: '已完成',
      by: '张审',
    });
    const reopened = await ContractStore.open(dir);
    expect((await reopened.get(first.id)).checklist!['ob-0'].status).toBe('done');
    expect((await reopened.get(first.id)).annotations).toEqual(first.annotations);
  });

  it('opens an encrypted one with its passphrase, and writes nothing readable', async () => {
    const dir = copyOf('encrypted');
    await expect(ContractStore.open(dir)).rejects.toMatchObject({ code: 'locked' });
    const store = await ContractStore.open(dir, { passphrase: 'correct horse battery' });
    await store.collected;
    const [entry] = await store.list();
    const c = await store.get(entry.id);
    expect(c.annotations).toHaveLength(2);
    expect(c.signOff?.by).toBe('张审');
    expect(c.text.length).toBeGreaterThan(1000);
    // No per-contract file holds the text or the reviewer's words in the clear.
    const secrets = [c.text.slice(100, 130), '批注0', '张审'].map((s) => Buffer.from(s));
    const written = filesUnder(path.join(dir, 'contracts'));
    expect(written.length).toBeGreaterThanOrEqual(2);
    for (const rel of [
      ...written.map((n) => `contracts/${n}`),
      path.relative(dir, newestStoreFile(dir)),
    ]) {
      const bytes = fs.readFileSync(path.join(dir, rel));
      for (const s of secrets) expect(bytes.includes(s), rel).toBe(false);
    }
  });

  it('runs a migration killed at any step again, whole, at the next open', async () => {
    const v1 = v1Of('plain');
    // The steps: the backup, each file of each contract (as a whole migration writes them), the
    // commit.
    const whole = copyOf('plain');
    await (
      await ContractStore.open(whole)
    ).collected;
    const steps = 1 + filesUnder(path.join(whole, 'contracts')).length + 1;
    expect(steps).toBeGreaterThanOrEqual(2 + v1.contracts.length * 2);
    for (let step = 1; step <= steps; step++) {
      const dir = copyOf('plain');
      const child = spawn(process.execPath, [OPENER, dir, String(step)], {
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      const [code, signal] = await new Promise<[number | null, string | null]>((r) =>
        child.once('exit', (c, s) => r([c, s])),
      );
      expect([code, signal]).toEqual([null, 'SIGKILL']);
      // Killed before its commit: the schema-1 generation is still the newest.
      expect(readCatalog(dir).schemaVersion).toBe(1);
      const store = await ContractStore.open(dir, { orphanAgeMs: 0 });
      await store.collected;
      for (const old of v1.contracts) expect(await store.get(old.id)).toEqual(old);
      expect(fs.existsSync(path.join(dir, 'store', 'schema-1-backup.json'))).toBe(false);
      // Nothing left that no commit names.
      const named = new Set((await store.list()).flatMap(partFiles));
      for (const n of filesUnder(path.join(dir, 'contracts')))
        expect(named.has(`contracts/${n}`), n).toBe(true);
    }
    // One step more: the migration ran to its end, not killed.
    const dir = copyOf('plain');
    const child = spawn(process.execPath, [OPENER, dir, String(steps + 1)], { stdio: 'ignore' });
    expect(await new Promise((r) => child.once('exit', r))).toBe(0);
    expect(readCatalog(dir).schemaVersion).toBe(2);
  });
});

describe('writes in the catalog layout', () => {
  it('touch only the files they change', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-catalog-touch-'));
    dirs.push(dir);
    const store = await ContractStore.open(dir);
    const bytes = new Uint8Array(fs.readFileSync(seedPath('004_df6ca03d82af185a', 'pdf')));
    const { contract } = await store.importContract('004.pdf', bytes);
    const before = (await store.list())[0];
    expect(before.parts.boxes).not.toBeNull();
    expect(before.parts.layout).not.toBeNull();
    expect(before.parts.work).toBeNull();
    const stat = (rel: string) => fs.statSync(path.join(dir, rel));
    const kept = partFiles(before).map((rel) => [rel, stat(rel).mtimeMs, stat(rel).ino] as const);

    const annotate = (clause: number, comment: string) =>
      store.addAnnotation(contract.id, {
        anchor: contract.report.clauses[clause].anchor,
        comment,
        tags: [],
        status: 'pending',
        by: '李审',
      });
    await annotate(3, '付款节点需核对');
    const after = (await store.list())[0];
    // Content, boxes, layout, search text and checklist source are the same files, untouched;
    // the work file is new.
    expect({ ...after.parts, work: null }).toEqual({ ...before.parts, work: null });
    for (const [rel, mtime, ino] of kept) {
      expect(stat(rel).mtimeMs).toBe(mtime);
      expect(stat(rel).ino).toBe(ino);
    }
    expect(after.parts.work).toMatch(/^work\.[0-9a-f]{20}\.json$/);
    expect(after.reviewState).toBe('in_review');

    // A second change replaces the work file, and the one it replaced is gone.
    await annotate(4, '第二条');
    const third = (await store.list())[0];
    expect(third.parts.work).not.toBe(after.parts.work);
    expect(fs.readdirSync(path.join(dir, 'contracts', contract.id)).sort()).toEqual(
      partFiles(third)
        .map((f) => path.basename(f))
        .sort(),
    );
    expect(partFiles(third)).toHaveLength(6);
    // Search hits land on their characters from the stored boxes, and the viewer's text layer
    // comes from them too: nothing is read from the original again.
    const pages = await store.pageViews(contract.id);
    expect(pages).toHaveLength(contract.pageCount!);
    expect(pages!.some((p) => p.runs.some((r) => r.text.includes('违约')))).toBe(true);
  });
});

describe('cross-contract views from the catalog', () => {
  it('make the all-contracts checklist from small files, reading no report, as the reports give it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-catalog-checklist-'));
    dirs.push(dir);
    const store = await ContractStore.open(dir, { parse: parseContract });
    for (const n of ['001_18cfc68e7d229bba', '004_df6ca03d82af185a'])
      await store.importContract(`${n}.txt`, new Uint8Array(fs.readFileSync(seedPath(n, 'txt'))));
    const [e] = await store.list();
    const item = (await checklistRows(store, e.id))[0];
    await store.updateChecklist(e.id, item.id, { status: 'done', note: '已交付', by: '李审' });
    await store.setEvents(e.id, { acceptanceDate: '2026-12-01' });

    const get = vi.spyOn(store, 'get');
    const rows = await checklistRows(store, null);
    expect(get).not.toHaveBeenCalled();
    get.mockRestore();
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.find((r) => r.contractId === e.id && r.id === item.id)?.state.status).toBe('done');

    // The same rows the whole reports give.
    const calendar = await store.calendar();
    const expected = [];
    for (const { id } of await store.list()) {
      const c = await store.get(id);
      const cite = clauseCiter(c.report.clauses);
      const period = c.report.contract.servicePeriod;
      for (const item of checklistItems(
        c.report.obligations,
        { start: period?.start ?? null, end: period?.end ?? null },
        eventsOf(c),
        calendar,
      ))
        expected.push({
          ...item,
          contractId: c.id,
          contractTitle: c.report.contract.title ?? c.fileName,
          clause: cite(item.clauseId)?.text ?? null,
          page: cite(item.clauseId)?.page ?? null,
          state: c.checklist?.[item.id] ?? emptyState(),
        });
    }
    expect(rows).toEqual(expected);
  });
});

describe('a 1,000-contract store', () => {
  it('keeps each contract wholly there or absent when imports are killed at random moments', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-catalog-1000-'));
    dirs.push(dir);
    const seed = seedPath('004_df6ca03d82af185a', 'pdf');
    const { parse, bytes } = reusedParse(seed);
    const store = await ContractStore.open(dir, { parse });
    await importSynthetic(store, bytes, '.pdf', 0, 1000);
    expect(await store.list()).toHaveLength(1000);

    let next = 1000;
    const acked = new Set<string>();
    for (let round = 0; round < 6; round++) {
      const child = spawn(process.execPath, [IMPORTER, dir, seed, String(next), '200'], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise((r) => child.once('exit', r));
      let out = '';
      child.stdout!.on('data', (d: Buffer) => {
        out += d.toString();
        for (const m of out.matchAll(/^ack ([0-9a-f]{64})$/gm)) acked.add(m[1]);
      });
      await waitFor(() => out.includes('ack '), 60_000);
      // More imports land, then the process dies at a random moment of one (an import takes
      // some 30–100 ms here).
      await new Promise((r) => setTimeout(r, Math.random() * 1000));
      child.kill('SIGKILL');
      await exited;
      next += 200;
    }
    expect(acked.size).toBeGreaterThan(5);

    const reopened = await ContractStore.open(dir, { parse, orphanAgeMs: 0 });
    await reopened.collected;
    const ids = new Set((await reopened.list()).map((e) => e.id));
    for (const id of acked) expect(ids.has(id), id).toBe(true);
    // At most one unacknowledged import per killed process landed (committed, then killed
    // before it could say so).
    expect(ids.size - 1000 - acked.size).toBeLessThanOrEqual(6);
    expect(await expectWhole(reopened)).toBe(ids.size);
    // What a killed import wrote before its commit is collected: every file is named.
    const named = new Set((await reopened.list()).flatMap(partFiles));
    for (const n of filesUnder(path.join(dir, 'contracts')))
      expect(named.has(`contracts/${n}`), n).toBe(true);
    for (const n of fs.readdirSync(path.join(dir, 'files')))
      expect(ids.has(n.slice(0, 64)), n).toBe(true);
  });
});

async function waitFor(ok: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!ok()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}
