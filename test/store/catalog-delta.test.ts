/**
 * The catalog written as deltas (`generations.ts`, `catalog-delta.ts`): an import or an
 * annotation writes what changed, not the whole catalog; the store opened later reads the chain
 * back to exactly what was committed; the chain stays bounded; a damaged delta is moved aside
 * like a damaged whole generation. And the collection of unnamed files at open reads only the
 * contract folders changed since the last one.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContractStore } from '../../electron/main/store/store';
import {
  MAX_CHAIN_LENGTH,
  generationsIn,
  isDeltaGeneration,
} from '../../electron/main/store/generations';
import { CATALOG_DELTA } from '../../electron/main/store/catalog-delta';
import { SEED_NAMES, seedPath } from '../support/seeds';
import { newestStoreFile, readCatalog } from '../support/store-files';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-delta-'));

/** A store holding the five seed texts. */
async function seededStore(dir = tmp()) {
  const store = await ContractStore.open(dir);
  for (const name of SEED_NAMES)
    await store.importContract(
      `${name}.txt`,
      new Uint8Array(fs.readFileSync(seedPath(name, 'txt'))),
    );
  await store.collected;
  return { dir, store };
}

const newest = (dir: string) => JSON.parse(fs.readFileSync(newestStoreFile(dir), 'utf8'));

function annotate(store: ContractStore, id: string, clause: number, comment: string) {
  return store.get(id).then((c) =>
    store.addAnnotation(id, {
      anchor: c.report.clauses[clause].anchor,
      comment,
      tags: [],
      status: 'pending',
      by: '李审',
    }),
  );
}

afterEach(() => vi.restoreAllMocks());

describe('the catalog as deltas', () => {
  it('writes an annotation as its one changed entry, and a later open reads back what was committed', async () => {
    const { dir, store } = await seededStore();
    const [entry] = await store.list();
    const whole = JSON.stringify(readCatalog(dir)).length;
    await annotate(store, entry.id, 2, '违约金比例偏高');

    const g = newest(dir);
    expect(isDeltaGeneration(g)).toBe(true);
    expect(g.delta.set.map((e: { id: string }) => e.id)).toEqual([entry.id]);
    expect(g.delta.removed).toEqual([]);
    expect(g.delta.settings).toBeUndefined();
    expect(fs.statSync(newestStoreFile(dir)).size).toBeLessThan(whole / 2);

    const reopened = await ContractStore.open(dir);
    expect(await reopened.list()).toEqual(await store.list());
    expect((await reopened.get(entry.id)).annotations?.map((a) => a.comment)).toEqual([
      '违约金比例偏高',
    ]);
    // NDA records and settings come back too: a removal and a reviewer's name as deltas.
    await reopened.setReviewer('李审');
    await reopened.remove(entry.id);
    const last = newest(dir);
    expect(last.delta.removed).toEqual([entry.id]);
    expect(last.delta.ndaOf).toContain(entry.id);
    const third = await ContractStore.open(dir);
    expect((await third.list()).map((e) => e.id)).not.toContain(entry.id);
    expect(await third.list()).toEqual(await reopened.list());
    expect(await third.reviewer()).toBe('李审');
    expect(await third.ndaTerms(entry.id)).toEqual([]);
  });

  it('keeps the chain bounded: a whole generation at the latest after MAX_CHAIN_LENGTH deltas, and only the files the newest two read', async () => {
    const { dir, store } = await seededStore();
    const folder = path.join(dir, 'store');
    let wholes = 0;
    for (let i = 0; i < MAX_CHAIN_LENGTH + 20; i++) {
      await store.setReviewer(`审阅人${i}`);
      const g = newest(dir);
      if (isDeltaGeneration(g)) expect(g.chainLength).toBeLessThanOrEqual(MAX_CHAIN_LENGTH);
      else wholes++;
      expect((await generationsIn(folder)).length).toBeLessThanOrEqual(MAX_CHAIN_LENGTH + 2);
    }
    expect(wholes).toBeGreaterThanOrEqual(1);
    expect(wholes).toBeLessThan(10);
    const reopened = await ContractStore.open(dir);
    expect(await reopened.reviewer()).toBe(`审阅人${MAX_CHAIN_LENGTH + 19}`);
    expect(await reopened.list()).toEqual(await store.list());
  });

  it('moves a damaged delta aside and opens at the generation before it', async () => {
    const { dir, store } = await seededStore();
    const [entry] = await store.list();
    await annotate(store, entry.id, 1, '第一条批注');
    const damaged = newestStoreFile(dir);
    await annotate(store, entry.id, 2, '第二条批注');
    expect(isDeltaGeneration(newest(dir))).toBe(true);
    fs.writeFileSync(damaged, '{"qiyueDelta": 1, "parent"');

    const reopened = await ContractStore.open(dir);
    expect(reopened.recoveredFrom).not.toBeNull();
    // The annotations the damaged delta and the one built on it held are gone; the rest is whole.
    expect((await reopened.get(entry.id)).annotations ?? []).toEqual([]);
    expect((await reopened.list()).map((e) => e.id).sort()).toEqual(
      (await store.list()).map((e) => e.id).sort(),
    );
    // And it is written on from there.
    await annotate(reopened, entry.id, 3, '第三条批注');
    const third = await ContractStore.open(dir);
    expect((await third.get(entry.id)).annotations?.map((a) => a.comment)).toEqual(['第三条批注']);
  });

  it('writes the whole catalog when a replay would not give its order', () => {
    const entry = (id: string) => ({ id }) as never;
    const data = (ids: string[]) => ({
      schemaVersion: 2,
      contracts: ids.map(entry),
      ndaTerms: [],
    });
    const before = data(['a', 'b', 'c']);
    const snap = CATALOG_DELTA.snapshot(before);
    // Same entries, another order: no delta.
    expect(
      CATALOG_DELTA.diff(snap, { ...before, contracts: [...before.contracts].reverse() }),
    ).toBe(null);
    // One replaced, one added at the end: a delta that replays to the same catalog.
    const after = {
      ...before,
      contracts: [
        before.contracts[0],
        { id: 'b', title: '新' } as never,
        before.contracts[2],
        entry('d'),
      ],
    };
    const delta = CATALOG_DELTA.diff(snap, after)!;
    expect(delta.set.map((e) => e.id)).toEqual(['b', 'd']);
    expect(CATALOG_DELTA.apply(JSON.parse(JSON.stringify(before)), delta)).toEqual(after);
    // A schema change is never a delta.
    expect(CATALOG_DELTA.diff(snap, { ...after, schemaVersion: 3 })).toBe(null);
  });
});

describe('collecting unnamed files at open', () => {
  it('reads only the contract folders changed since the last collection', async () => {
    const { dir, store } = await seededStore();
    const ids = (await store.list()).map((e) => e.id);
    const opened = async () => {
      const read = vi.spyOn(fs, 'readdirSync');
      const s = await ContractStore.open(dir, { orphanAgeMs: 0 });
      await s.collected;
      const folders = read.mock.calls
        .map(([p]) => path.relative(path.join(dir, 'contracts'), String(p)))
        .filter((p) => ids.includes(p));
      read.mockRestore();
      return folders;
    };
    await opened();
    expect(await opened()).toEqual([]);
    // A file left in one contract's folder (a writer killed before its commit): that folder is
    // read, the file collected.
    const stray = path.join(dir, 'contracts', ids[1], 'content.00000000000000000000.json');
    fs.writeFileSync(stray, '{}');
    expect(await opened()).toEqual([ids[1]]);
    expect(fs.existsSync(stray)).toBe(false);
  });
});
