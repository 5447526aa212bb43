/**
 * First run on a new machine (issue 11): the data folder is made for the user alone, and the
 * sample contract shipped with the app imports through `contracts:importSample` like any file
 * (a second time it is the same contract, not a second row).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ContractStore } from '../../electron/main/store/store';
import { createHandlers, dispatch } from '../../electron/main/ipc/handlers';
import { makePrivateFolder, ownerOnlyAclArgs } from '../../electron/main/store/private-folder';
import { sampleContractFile } from '../../electron/main/sample';
import { seedPath } from '../support/seeds';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-first-run-'));
const mode = (p: string) => fs.statSync(p).mode & 0o777;

describe('the data folder', () => {
  it('is created, with its parents, for the owner only', async () => {
    const dir = path.join(tmp(), 'config', 'qiyue');
    await makePrivateFolder(dir);
    expect(mode(dir)).toBe(0o700);
  });

  it('is made owner-only again when it exists with wider permissions', async () => {
    const dir = tmp();
    fs.chmodSync(dir, 0o755);
    await makePrivateFolder(dir);
    expect(mode(dir)).toBe(0o700);
  });

  it('gets an ACL on Windows that only the user has, passed on to what is written under it', () => {
    expect(ownerOnlyAclArgs('C:\\Users\\li\\AppData\\Roaming\\qiyue', 'GOV\\li')).toEqual([
      'C:\\Users\\li\\AppData\\Roaming\\qiyue',
      '/inheritance:r',
      '/grant:r',
      'GOV\\li:(OI)(CI)F',
      '/q',
    ]);
  });

  it('of a store opened for the first time holds nothing but the store’s own folders', async () => {
    const dir = path.join(tmp(), 'qiyue');
    const store = await ContractStore.open(dir);
    expect(await store.list()).toEqual([]);
    expect(mode(dir)).toBe(0o700);
    for (const sub of fs.readdirSync(dir)) expect(mode(path.join(dir, sub)), sub).toBe(0o700);
  });
});

describe('the sample contract', () => {
  it('is a seed contract, shipped in resources/sample', () => {
    const file = sampleContractFile();
    expect(file).toBe(path.resolve('resources/sample/sample-contract.pdf'));
    const seed = fs.readFileSync(seedPath('004_df6ca03d82af185a', 'pdf'));
    expect(fs.readFileSync(file!).equals(seed)).toBe(true);
  });

  it('imports once through contracts:importSample, with its parties and amount', async () => {
    const store = await ContractStore.open(path.join(tmp(), 'qiyue'));
    const handlers = createHandlers(store);
    const first = await dispatch(handlers, 'contracts:importSample', {});
    expect(first).toMatchObject({
      ok: true,
      value: { duplicate: false, summary: { fileName: '示例合同.pdf', format: 'pdf' } },
    });
    const summary = (first as { value: { summary: { partyA: string; partyB: string } } }).value
      .summary;
    expect(summary.partyB).toBe('北京慧正通软科技有限公司');
    const again = await dispatch(handlers, 'contracts:importSample', {});
    expect(again).toMatchObject({ ok: true, value: { duplicate: true } });
    expect(await store.list()).toHaveLength(1);
    // Nothing else is accepted in its payload.
    const bad = await dispatch(handlers, 'contracts:importSample', { path: '/etc/passwd' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });
});
