/**
 * The store: one contract per file however often it is imported, the original copied in under
 * its SHA-256, atomic writes that survive a killed process, an unreadable store moved aside and
 * reported (never overwritten), a newer schema refused, NDA terms as their own records.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ContractStore, STORE_SCHEMA_VERSION } from '../../electron/main/store/store';
import { sha256 } from '../../electron/main/import/index';
import { SEED_NAMES, seedPath } from '../support/seeds';
import { newestStoreFile, readStoreData } from '../support/store-files';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-store-'));

describe('ContractStore', () => {
  it('imports a file once, copies the original under its SHA-256, and keeps NDA terms as records', async () => {
    const dir = tmp();
    const store = await ContractStore.open(dir);
    const bytes = new Uint8Array(fs.readFileSync(seedPath('003_2fd1bbbed6f06600', 'pdf')));
    const first = await store.importContract('003.pdf', bytes);
    const second = await store.importContract('renamed-copy.pdf', bytes);
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    expect(await store.list()).toHaveLength(1);
    const id = sha256(bytes);
    expect(first.contract.id).toBe(id);
    expect(fs.readFileSync(path.join(dir, 'files', `${id}.pdf`))).toEqual(Buffer.from(bytes));
    const onDisk = readStoreData(dir);
    expect(onDisk.schemaVersion).toBe(STORE_SCHEMA_VERSION);
    // Seed 003: the main contract's 保密条款 and the attached 保密协议 are separate records.
    expect(
      onDisk.ndaTerms.map((n: { source: string; duration: string }) => [n.source, n.duration]),
    ).toEqual([
      ['contract_clause', '长期有效'],
      ['agreement', '本协议生效之日起至双方合作结束后3年'],
    ]);
    expect(onDisk.ndaTerms.every((n: { contractId: string }) => n.contractId === id)).toBe(true);
    // A second process sees the same store.
    const other = await ContractStore.open(dir);
    expect((await other.list()).map((c) => c.id)).toEqual([id]);
  });

  it('removes a contract with its file and NDA records', async () => {
    const dir = tmp();
    const store = await ContractStore.open(dir);
    const bytes = new Uint8Array(fs.readFileSync(seedPath('004_df6ca03d82af185a', 'txt')));
    const { contract } = await store.importContract('004.txt', bytes);
    await store.remove(contract.id);
    expect(await store.list()).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'files'))).toEqual([]);
    expect(readStoreData(dir).ndaTerms).toEqual([]);
  });

  it('moves an unreadable store file aside instead of overwriting it, and says so', async () => {
    const dir = tmp();
    const file = path.join(dir, 'qiyue-store.json');
    fs.writeFileSync(file, '{"schemaVersion":1,"contracts":[{"id":"trunc');
    const store = await ContractStore.open(dir);
    expect(store.recoveredFrom).not.toBeNull();
    expect(fs.readFileSync(store.recoveredFrom!.movedTo, 'utf8')).toBe(
      '{"schemaVersion":1,"contracts":[{"id":"trunc',
    );
    expect(await store.list()).toEqual([]);
  });

  it('reads the one-file store of earlier versions, and carries it into generations', async () => {
    const source = tmp();
    const bytes = new Uint8Array(fs.readFileSync(seedPath('004_df6ca03d82af185a', 'txt')));
    const { contract } = await (await ContractStore.open(source)).importContract('004.txt', bytes);
    const dir = tmp();
    fs.mkdirSync(path.join(dir, 'files'));
    fs.copyFileSync(path.join(source, contract.file), path.join(dir, contract.file));
    // The one file held schema 1: each contract whole.
    fs.writeFileSync(
      path.join(dir, 'qiyue-store.json'),
      JSON.stringify({ ...readStoreData(source), schemaVersion: 1 }),
    );
    const store = await ContractStore.open(dir);
    expect((await store.list()).map((c) => c.id)).toEqual([contract.id]);
    // Opening moved it to the catalog layout: the first generation.
    expect(fs.readdirSync(path.join(dir, 'store'))).toEqual(['000000000001.json']);
    await store.signOff(contract.id, '李审核', '同意');
    expect(fs.readdirSync(path.join(dir, 'store'))).toEqual([
      '000000000001.json',
      '000000000002.json',
    ]);
    expect(fs.existsSync(path.join(dir, 'qiyue-store.json'))).toBe(false);
    expect(fs.existsSync(path.join(dir, 'qiyue-store.json.migrated'))).toBe(true);
    expect(readStoreData(dir).contracts[0].signOff.by).toBe('李审核');
  });

  it('moves an unreadable newest generation aside and reads the one before it', async () => {
    const dir = tmp();
    const store = await ContractStore.open(dir);
    const first = new Uint8Array(fs.readFileSync(seedPath('004_df6ca03d82af185a', 'txt')));
    const second = new Uint8Array(fs.readFileSync(seedPath('000_0afe16271ab3c86a', 'txt')));
    await store.importContract('004.txt', first);
    await store.importContract('000.txt', second);
    const newest = path.join(dir, 'store', '000000000002.json');
    fs.writeFileSync(newest, '{"schemaVersion":1,"contracts":[{"id":"trunc');
    const reopened = await ContractStore.open(dir);
    expect(reopened.recoveredFrom!.movedTo).toMatch(/000000000002\.json\.unreadable-/);
    expect(fs.readFileSync(reopened.recoveredFrom!.movedTo, 'utf8')).toContain('"trunc');
    expect((await reopened.list()).map((c) => c.id)).toEqual([sha256(first)]);
    // The next write follows the generation that was read; the moved-aside file stays.
    await reopened.importContract('000.txt', second);
    expect((await reopened.list()).map((c) => c.fileName).sort()).toEqual(['000.txt', '004.txt']);
    expect(fs.existsSync(reopened.recoveredFrom!.movedTo)).toBe(true);
  });

  it('keeps the three newest moved-aside copies of unreadable store files', async () => {
    const dir = tmp();
    const store = await ContractStore.open(dir);
    const text = new Uint8Array(fs.readFileSync(seedPath('004_df6ca03d82af185a', 'txt')));
    await store.importContract('004.txt', text);
    const copies = () =>
      fs
        .readdirSync(path.join(dir, 'store'))
        .filter((n) => n.includes('.unreadable-'))
        .sort();
    const moved: string[] = [];
    for (let i = 0; i < 5; i++) {
      // Each round: the store written again, its newest generation damaged, the store opened.
      await (await ContractStore.open(dir)).setReviewer(`审阅人${i}`);
      fs.writeFileSync(newestStoreFile(dir), `{"damaged": ${i}`);
      await new Promise((r) => setTimeout(r, 5));
      moved.push(path.basename((await ContractStore.open(dir)).recoveredFrom!.movedTo));
    }
    expect(copies()).toEqual(moved.slice(2).sort());
    expect(fs.readFileSync(path.join(dir, 'store', moved[4]), 'utf8')).toBe('{"damaged": 4');
  });

  it('deletes a removed contract’s evidence, unless another contract holds the same file', async () => {
    const dir = tmp();
    const store = await ContractStore.open(dir);
    const a = new Uint8Array(fs.readFileSync(seedPath('004_df6ca03d82af185a', 'txt')));
    const b = new Uint8Array(fs.readFileSync(seedPath('000_0afe16271ab3c86a', 'txt')));
    const { contract: first } = await store.importContract('004.txt', a);
    const { contract: second } = await store.importContract('000.txt', b);
    const own = new TextEncoder().encode('仅第一份合同的验收单');
    const shared = new TextEncoder().encode('两份合同共用的巡检记录');
    await store.addEvidence(first.id, 'o1@once', '验收单.txt', own, '李审核');
    await store.addEvidence(first.id, 'o2@once', '巡检记录.txt', shared, '李审核');
    await store.addEvidence(second.id, 'o1@once', '巡检记录.txt', shared, '李审核');
    const evidence = () => fs.readdirSync(path.join(dir, 'evidence')).sort();
    expect(evidence()).toEqual([`${sha256(own)}.txt`, `${sha256(shared)}.txt`].sort());
    await store.remove(first.id);
    expect(evidence()).toEqual([`${sha256(shared)}.txt`]);
    expect(fs.existsSync(path.join(dir, first.file))).toBe(false);
    await store.remove(second.id);
    expect(evidence()).toEqual([]);
    expect(fs.readdirSync(path.join(dir, 'files'))).toEqual([]);
  });

  it('keeps the data folder and what it writes to the user alone (0700, 0600)', async () => {
    const dir = tmp();
    fs.chmodSync(dir, 0o755);
    const store = await ContractStore.open(dir);
    const bytes = new Uint8Array(fs.readFileSync(seedPath('004_df6ca03d82af185a', 'txt')));
    const { contract } = await store.importContract('004.txt', bytes);
    await store.addEvidence(contract.id, 'item', '验收单.pdf', bytes, '李审核');
    const mode = (p: string) => fs.statSync(path.join(dir, p)).mode & 0o777;
    if (process.platform === 'win32') return;
    for (const folder of ['.', 'files', 'store', 'evidence']) expect(mode(folder)).toBe(0o700);
    expect(mode(contract.file)).toBe(0o600);
    expect(mode(path.join('store', '000000000002.json'))).toBe(0o600);
    expect(mode(path.join('evidence', fs.readdirSync(path.join(dir, 'evidence'))[0]))).toBe(0o600);
  });

  it('refuses a store written by a newer schema and leaves it as it was', async () => {
    const dir = tmp();
    const file = path.join(dir, 'qiyue-store.json');
    const content = JSON.stringify({
      schemaVersion: STORE_SCHEMA_VERSION + 1,
      contracts: [],
      ndaTerms: [],
    });
    fs.writeFileSync(file, content);
    await expect(ContractStore.open(dir)).rejects.toMatchObject({ code: 'store-unreadable' });
    expect(fs.readFileSync(file, 'utf8')).toBe(content);
  });

  it('leaves a loadable store when an import process is killed at any moment', async () => {
    const dir = tmp();
    const files = SEED_NAMES.map((n) => seedPath(n, 'pdf'));
    const cli = path.resolve('electron/cli/review.ts');
    // One process (node with tsx's loader), so SIGKILL stops the importer itself, not a wrapper.
    // Kill the importing process at increasing delays: before, during and after writes.
    const imported: number[] = [];
    // A fresh folder each round would not test a kill during the second or later write, so the
    // rounds share one; later rounds find earlier files already imported and go further.
    // On a loaded machine the first write may come later than 4.5 s: the later delays are
    // tried only until an import has landed, so the test does not depend on the machine's speed.
    for (const delay of [150, 400, 700, 1000, 1500, 2000, 3000, 4500, 7000, 11000, 17000, 25000]) {
      if (delay > 4500 && Math.max(...imported) > 0) break;
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', cli, '--json', '--data-dir', dir, ...files],
        {
          stdio: 'ignore',
        },
      );
      const exited = new Promise((r) => child.once('exit', r));
      await new Promise((r) => setTimeout(r, delay));
      child.kill('SIGKILL');
      await exited;
      const store = await ContractStore.open(dir);
      expect(store.recoveredFrom).toBeNull();
      const list = await store.list();
      for (const c of list) expect(fs.existsSync(path.join(dir, c.file))).toBe(true);
      imported.push(list.length);
    }
    // The kills landed at different stages: before the first write and after some imports.
    expect(imported[0]).toBe(0);
    expect(Math.max(...imported)).toBeGreaterThan(0);
    // Temporary files of killed writers are cleaned up; a later import completes normally.
    const store = await ContractStore.open(dir);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    for (const f of files) await store.importContract(f, new Uint8Array(fs.readFileSync(f)));
    expect(await store.list()).toHaveLength(files.length);
  }, 240_000);
});
