/**
 * The persisted search index (`electron/main/search/`): segments that decode what they encode;
 * an index kept in the data folder, updated contract by contract at import, removal and
 * re-analysis (no segment rewritten for it), merged ten at a time, read by a later process
 * without indexing anything again, encrypted with the folder.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { ContractStore } from '../../electron/main/store/store';
import { ContractSearch, MAX_READ, SEARCH_FOLDER } from '../../electron/main/search/index';
import { canonicalText } from '../../shared/domain/text/normalize';
import { encodeSegment, Segment } from '../../electron/main/search/segment';
import { parseContract } from '../../electron/main/isolation/parse';
import { seedPath } from '../support/seeds';
import { importSynthetic, reusedParse } from '../support/synthetic-store';
import { rewriteStoreData } from '../support/store-files';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-search-'));
  dirs.push(d);
  return d;
};
const read = (name: string, ext: string) => new Uint8Array(fs.readFileSync(seedPath(name, ext)));

/** The segment files of the index and their inode numbers (a rewritten file has a new one). */
function segmentFiles(dir: string): Map<string, number> {
  const folder = path.join(dir, SEARCH_FOLDER);
  return new Map(
    fs
      .readdirSync(folder)
      .filter((n) => n.startsWith('seg-'))
      .map((n) => [n, fs.statSync(path.join(folder, n)).ino]),
  );
}

const hitCount = (groups: { hits: unknown[] }[]) => groups.reduce((n, g) => n + g.hits.length, 0);

describe('search segments', () => {
  it('give back each token’s contracts as written', () => {
    fc.assert(
      fc.property(
        fc.dictionary(
          fc.string({ minLength: 1, maxLength: 4 }),
          fc.uniqueArray(fc.nat(300), { minLength: 1, maxLength: 40 }),
        ),
        (dict) => {
          const postings = new Map(
            Object.entries(dict).map(([t, l]) => [t, [...l].sort((a, b) => a - b)]),
          );
          const ids = Array.from({ length: 301 }, (_, i) => `c${i}`);
          const seg = new Segment(Buffer.from(encodeSegment({ contractIds: ids, postings })));
          expect(seg.contractIds).toEqual(ids);
          for (const [t, l] of postings) expect(seg.postings(t)).toEqual(l);
          expect(seg.postings('\u0000absent')).toEqual([]);
          expect(new Map(seg.entries())).toEqual(postings);
        },
      ),
      { numRuns: 200 },
    );
    expect(() => new Segment(Buffer.from('not a segment'))).toThrow(/not a search segment/);
  });
});

describe('the search index in the data folder', () => {
  it('adds, drops and re-reads contracts one by one, and a later process reads it as it is', async () => {
    const dir = tmp();
    const store = await ContractStore.open(dir, { parse: parseContract });
    const search = new ContractSearch(store);
    const first = await store.importContract('003.pdf', read('003_2fd1bbbed6f06600', 'pdf'));
    const second = await store.importContract('004.pdf', read('004_df6ca03d82af185a', 'pdf'));
    const both = (await search.query('违约金')).groups;
    expect(both.map((g) => g.contractId).sort()).toEqual(
      [first.contract.id, second.contract.id].sort(),
    );
    const before = segmentFiles(dir);
    expect(before.size).toBe(1);

    // One more import: one more segment, the one there untouched.
    const third = await store.importContract('001.txt', read('001_18cfc68e7d229bba', 'txt'));
    await search.refresh();
    const after = segmentFiles(dir);
    expect(after.size).toBe(2);
    for (const [n, ino] of before) expect(after.get(n)).toBe(ino);
    expect((await search.query('违约金')).groups.map((g) => g.contractId)).toContain(
      third.contract.id,
    );

    // Removed: gone from the results; nothing else rewritten.
    await store.remove(second.contract.id);
    const without = (await search.query('违约金')).groups;
    expect(without.map((g) => g.contractId)).not.toContain(second.contract.id);
    expect(without).toHaveLength(2);

    // A later process reads the index as it is: no contract is indexed again, and only the
    // candidates' texts are read.
    const segments = segmentFiles(dir);
    const later = new ContractSearch(await ContractStore.open(dir, { parse: parseContract }));
    const reads = vi.spyOn((later as unknown as { store: ContractStore }).store, 'searchText');
    const again = (await later.query('GB/T')).groups;
    expect(again.map((g) => g.contractId)).toEqual([first.contract.id]);
    expect(reads).toHaveBeenCalledTimes(1);
    expect(segmentFiles(dir)).toEqual(segments);
  });

  it('indexes a contract again when a newer analyser reads it, and finds what is new', async () => {
    const dir = tmp();
    const store = await ContractStore.open(dir, { parse: parseContract });
    const { contract } = await store.importContract('004.txt', read('004_df6ca03d82af185a', 'txt'));
    const search = new ContractSearch(store);
    expect((await search.query('旧版导入')).groups).toEqual([]);
    // As an older analyser left it: another text, which the re-analysis replaces.
    rewriteStoreData(dir, (data) => {
      const c = data.contracts[0];
      c.report = { ...c.report, analyzerVersion: undefined };
      c.report.clauses[0].text = `【旧版导入】${c.report.clauses[0].text}`;
    });
    const old = await ContractStore.open(dir, { parse: parseContract });
    const oldSearch = new ContractSearch(old);
    expect((await oldSearch.query('旧版导入')).groups).toHaveLength(1);
    await old.reanalyzeOutdated();
    expect((await oldSearch.query('旧版导入')).groups).toEqual([]);
    expect(hitCount((await oldSearch.query('违约金')).groups)).toBe(
      hitCount((await new ContractSearch(await ContractStore.open(dir)).query('违约金')).groups),
    );
    expect((await old.list())[0].id).toBe(contract.id);
  });

  it('merges ten segments of a size into one, and still finds every contract', async () => {
    const dir = tmp();
    const { parse, bytes } = reusedParse(seedPath('002_21901a1de7442d81', 'txt'));
    const store = await ContractStore.open(dir, { parse });
    const search = new ContractSearch(store);
    for (let i = 0; i < 25; i++) {
      await importSynthetic(store, bytes, '.txt', i, 1);
      await search.refresh();
    }
    // 25 single-contract segments: two merges of ten, five left as they are.
    expect(segmentFiles(dir).size).toBe(7);
    const groups = (await search.query('违约金')).groups;
    expect(groups).toHaveLength(25);
    expect(new Set(groups.map((g) => g.hits.length)).size).toBe(1);
  });

  it('reads the newest 100 contracts holding the words, and says how many more hold them', async () => {
    const dir = tmp();
    const { parse, bytes } = reusedParse(seedPath('003_2fd1bbbed6f06600', 'txt'));
    const store = await ContractStore.open(dir, { parse });
    const ids = await importSynthetic(store, bytes, '.txt', 0, 104);
    const search = new ContractSearch(store);
    const reads = vi.spyOn(store, 'searchText');
    const { groups, more } = await search.query('违约金');
    expect(groups).toHaveLength(100);
    expect(more).toBe(4);
    // The newest 100 (imported last), no more read than that.
    expect(new Set(groups.map((g) => g.contractId))).toEqual(new Set(ids.slice(4)));
    expect(reads.mock.calls.length).toBeLessThanOrEqual(104 + 100);
    expect(groups.every((g) => g.hits.every((h) => h.snippet.slice(...h.match) === '违约金'))).toBe(
      true,
    );
    // The hits the app lists carry their anchor; the rest are counted.
    const hits = (await search.query('乙方')).groups[0].hits;
    expect(hits.length).toBeGreaterThan(8);
    expect(hits.map((h) => h.anchor !== null)).toEqual(hits.map((_, i) => i < 8));
  });

  it('reads at most MAX_READ candidates when the words stand apart in them, and says how many it left', async () => {
    const dir = tmp();
    const { parse, bytes } = reusedParse(seedPath('003_2fd1bbbed6f06600', 'txt'));
    const text = canonicalText(new TextDecoder().decode(bytes)).replace(/\s+/g, '');
    // 违约 约金 金额 each stand in seed 003, 违约金额 nowhere.
    for (const bigram of ['违约', '约金', '金额']) expect(text).toContain(bigram);
    expect(text).not.toContain('违约金额');
    const store = await ContractStore.open(dir, { parse });
    await importSynthetic(store, bytes, '.txt', 0, MAX_READ + 10);
    await new ContractSearch(store).refresh();
    const search = new ContractSearch(store);
    const reads = vi.spyOn(store, 'searchText');
    expect(await search.query('违约金额')).toEqual({ groups: [], more: 10 });
    expect(reads.mock.calls.length).toBe(MAX_READ);
  }, 60_000);

  it('warmed up at open, its first query reads nothing from the disk', async () => {
    const dir = tmp();
    const { parse, bytes } = reusedParse(seedPath('003_2fd1bbbed6f06600', 'txt'));
    const first = await ContractStore.open(dir, { parse });
    await importSynthetic(first, bytes, '.txt', 0, 30);
    await new ContractSearch(first).refresh();
    // A later start: the index as the last run left it, read in before any query.
    const store = await ContractStore.open(dir, { parse });
    const search = new ContractSearch(store);
    await search.warm();
    const texts = vi.spyOn(store, 'searchText');
    const files = vi.spyOn(store.files, 'read');
    const { groups } = await search.query('违约金');
    expect(groups).toHaveLength(30);
    expect(texts).not.toHaveBeenCalled();
    expect(files.mock.calls.map(([name]) => name)).toEqual([]);
  }, 60_000);

  it('is encrypted with the folder', async () => {
    const dir = tmp();
    let store = await ContractStore.open(dir, { parse: parseContract });
    await store.enableEncryption('correct horse battery');
    store = await ContractStore.open(dir, {
      parse: parseContract,
      passphrase: 'correct horse battery',
    });
    await store.importContract('003.pdf', read('003_2fd1bbbed6f06600', 'pdf'));
    const { groups } = await new ContractSearch(store).query('违约金');
    expect(groups).toHaveLength(1);
    expect(groups[0].hits[0].anchor!.positions.length).toBeGreaterThan(0);
    for (const n of fs.readdirSync(path.join(dir, SEARCH_FOLDER))) {
      const b = fs.readFileSync(path.join(dir, SEARCH_FOLDER, n));
      expect(b.includes(Buffer.from('违约')), n).toBe(false);
      expect(b.includes(Buffer.from('indexed')), n).toBe(false);
    }
  });
});
