/**
 * Who signs: main stamps every change with the reviewer's name set once in settings (never the
 * renderer's payload), and signs a sign-off with the installation's key over the original and
 * the report as exported. `npm run verify` tells a genuine exported report from one whose
 * sign-off or content was edited afterwards.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ContractStore } from '../../electron/main/store/store';
import { createHandlers, dispatch } from '../../electron/main/ipc/handlers';
import { parseContract } from '../../electron/main/isolation/parse';
import { verifyReport } from '../../electron/main/signoff';
import { seedPath } from '../support/seeds';

const SEED = seedPath('004_df6ca03d82af185a', 'txt');

async function signedExport(): Promise<{ dir: string; exported: any }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-signoff-'));
  const store = await ContractStore.open(dir, { parse: parseContract });
  const handlers = createHandlers(store);
  const { contract } = await store.importContract('004.txt', fs.readFileSync(SEED));
  expect(
    await dispatch(handlers, 'contracts:signOff', { id: contract.id, note: '同意' }),
  ).toMatchObject({
    ok: false,
    error: { code: 'no-reviewer' },
  });
  await dispatch(handlers, 'settings:setReviewer', { reviewer: '李审核' });
  const signed = (await dispatch(handlers, 'contracts:signOff', {
    id: contract.id,
    note: '同意',
  })) as any;
  expect(signed.value.signOff).toMatchObject({ by: '李审核', note: '同意' });
  expect(signed.value.signOff.signature.value.length).toBeGreaterThan(40);
  const json = (await dispatch(handlers, 'report:export', {
    id: contract.id,
    format: 'json',
  })) as any;
  return { dir, exported: JSON.parse(new TextDecoder().decode(json.value.bytes)) };
}

describe('signed sign-offs', () => {
  it('an exported report verifies; an edited sign-off or report does not', async () => {
    const { exported } = await signedExport();
    expect(verifyReport(exported)).toMatchObject({ status: 'valid', by: '李审核' });
    // Someone else's name put on the sign-off.
    expect(
      verifyReport({ ...exported, signOff: { ...exported.signOff, by: '处长 王某' } }),
    ).toMatchObject({
      status: 'invalid',
    });
    // A finding removed from the report after the sign-off.
    expect(verifyReport({ ...exported, findings: exported.findings.slice(1) })).toMatchObject({
      status: 'report-changed',
      by: '李审核',
    });
    // Another file's report with this sign-off.
    expect(
      verifyReport({ ...exported, source: { ...exported.source, sha256: '0'.repeat(64) } }),
    ).toMatchObject({ status: 'invalid' });
    expect(
      verifyReport({ ...exported, signOff: { ...exported.signOff, signature: undefined } }),
    ).toEqual({
      status: 'unsigned',
    });
  });

  it('npm run verify says so on the command line', async () => {
    const { dir, exported } = await signedExport();
    const good = path.join(dir, 'report.json');
    const bad = path.join(dir, 'edited.json');
    fs.writeFileSync(good, JSON.stringify(exported));
    fs.writeFileSync(bad, JSON.stringify({ ...exported, findings: [] }));
    const run = (dataDir: string, ...files: string[]) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'electron/cli/verify.ts', '--data-dir', dataDir, ...files],
        { encoding: 'utf8' },
      );
    // On the machine that signed: its own key.
    const ok = run(dir, good);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toContain('签字有效：李审核');
    expect(ok.stdout).toContain('（本机）');
    expect(ok.stderr).toBe('');
    // On another machine that never accepted that key: valid, but who signed is not known.
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-verify-'));
    const unknown = run(elsewhere, good);
    expect(unknown.status).toBe(0);
    expect(unknown.stdout).toContain('（未知安装）');
    expect(unknown.stderr).toContain('请与签字人当面或电话核对指纹');
    const edited = run(dir, good, bad);
    expect(edited.status).toBe(1);
    expect(edited.stderr).toContain('报告内容在签字后已变化');
  }, 60_000);
});
