/**
 * The app session of an encrypted data folder: locked at start, every channel but
 * `vault:status` and `vault:unlock` answers `locked` and reads nothing; a wrong passphrase is
 * said as such; unlocked, the folder serves as before; `vault:lock` closes it again. Encryption
 * is set, changed and removed over IPC with main's own checks of the passphrase.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import { AppSession } from '../../electron/main/ipc/session';
import { ContractStore } from '../../electron/main/store/store';
import { parseContract } from '../../electron/main/isolation/parse';
import { seedPath } from '../support/seeds';

const PASS = '处室数据口令 2026';

async function session(dir: string) {
  return AppSession.start(await ContractStore.isEncrypted(dir), (passphrase) =>
    ContractStore.open(dir, { parse: parseContract, passphrase }),
  );
}

describe('app session', () => {
  it('encrypts over IPC, starts locked, unlocks with the passphrase and locks again', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-session-'));
    const open = await session(dir);
    const bytes = new Uint8Array(fs.readFileSync(seedPath('004_df6ca03d82af185a', 'txt')));
    const imported = await open.dispatch('contracts:import', { fileName: '004.txt', bytes });
    expect(imported.ok).toBe(true);
    expect(await open.dispatch('vault:status', {})).toEqual({
      ok: true,
      value: { encrypted: false, locked: false },
    });
    // Main's own rule for a new passphrase, in its own words.
    const short = await open.dispatch('vault:enable', { passphrase: '1234' });
    expect(short).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(!short.ok && short.error.message).toMatch(/口令须为 8/);
    expect(await open.dispatch('vault:enable', { passphrase: PASS })).toEqual({
      ok: true,
      value: { encrypted: true, locked: false },
    });

    const locked = await session(dir);
    expect(locked.locked).toBe(true);
    for (const channel of CHANNELS) {
      if (channel === 'vault:status' || channel === 'vault:unlock') continue;
      const r = await locked.dispatch(channel, {});
      // Malformed payloads are refused as such first; well-formed ones say `locked`.
      expect(r.ok, channel).toBe(false);
      if (!r.ok) expect(['locked', 'invalid-request'], channel).toContain(r.error.code);
    }
    expect(await locked.dispatch('contracts:list', {})).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(await locked.dispatch('vault:status', {})).toEqual({
      ok: true,
      value: { encrypted: true, locked: true },
    });
    expect(await locked.dispatch('vault:unlock', { passphrase: 'wrong words' })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase', message: expect.stringContaining('口令不正确') },
    });
    expect(await locked.dispatch('vault:unlock', { passphrase: PASS })).toEqual({
      ok: true,
      value: { encrypted: true, locked: false },
    });
    const list = await locked.dispatch('contracts:list', {});
    expect(list.ok && (list.value as { fileName: string }[]).map((c) => c.fileName)).toEqual([
      '004.txt',
    ]);
    expect(await locked.dispatch('vault:lock', {})).toEqual({
      ok: true,
      value: { encrypted: true, locked: true },
    });
    expect(await locked.dispatch('contracts:list', {})).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });

    // Changed and removed over IPC.
    await locked.dispatch('vault:unlock', { passphrase: PASS });
    const NEXT = '新的处室数据口令';
    expect(
      await locked.dispatch('vault:change', { current: 'wrong words', next: NEXT }),
    ).toMatchObject({ ok: false, error: { code: 'wrong-passphrase' } });
    expect((await locked.dispatch('vault:change', { current: PASS, next: NEXT })).ok).toBe(true);
    expect(await locked.dispatch('vault:disable', { passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'wrong-passphrase' },
    });
    expect(await locked.dispatch('vault:disable', { passphrase: NEXT })).toEqual({
      ok: true,
      value: { encrypted: false, locked: false },
    });
    expect((await session(dir)).locked).toBe(false);
  }, 60_000);
});
