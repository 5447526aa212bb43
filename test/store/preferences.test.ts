/**
 * The interface language kept in the data folder (electron/main/store/preferences.ts) and served
 * by `app:info` / `app:setLanguage` whether the folder is locked or open: the unlock screen of an
 * encrypted folder speaks the chosen language.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  preferencesFile,
  readPreferences,
  writePreferences,
} from '../../electron/main/store/preferences';
import { AppSession } from '../../electron/main/ipc/session';
import { ContractStore } from '../../electron/main/store/store';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-prefs-'));

describe('interface preferences', () => {
  it('reads the defaults from a missing, malformed, foreign or huge file', async () => {
    const dir = tmp();
    expect(await readPreferences(dir)).toEqual({ language: 'zh-CN' });
    for (const bad of [
      '{',
      '[]',
      '{"language":"fr"}',
      `{"language":"en","x":"${'a'.repeat(70_000)}"}`,
    ]) {
      fs.writeFileSync(preferencesFile(dir), bad);
      expect(await readPreferences(dir)).toEqual({ language: 'zh-CN' });
    }
  });

  it('writes the language atomically, owner-only, keeping nothing unknown', async () => {
    const dir = path.join(tmp(), 'new-folder');
    expect(await writePreferences(dir, { language: 'en' })).toEqual({ language: 'en' });
    expect(await readPreferences(dir)).toEqual({ language: 'en' });
    if (process.platform !== 'win32') {
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      expect(fs.statSync(preferencesFile(dir)).mode & 0o777).toBe(0o600);
    }
    expect(fs.readdirSync(dir)).toEqual(['preferences.json']);
  });

  it('answers app:info and app:setLanguage while an encrypted folder is locked', async () => {
    const dir = tmp();
    const store = await ContractStore.open(dir);
    await store.enableEncryption('一个足够长的数据口令');
    const session = await AppSession.start(
      await ContractStore.isEncrypted(dir),
      (passphrase) => ContractStore.open(dir, { passphrase }),
      { installation: { dataDir: dir, version: '9.9.9' } },
    );
    expect(session.locked).toBe(true);
    expect(await session.dispatch('contracts:list', {})).toMatchObject({
      ok: false,
      error: { code: 'locked' },
    });
    expect(await session.dispatch('app:setLanguage', { language: 'en' })).toEqual({
      ok: true,
      value: { language: 'en' },
    });
    expect(await session.dispatch('app:info', {})).toMatchObject({
      ok: true,
      value: { version: '9.9.9', dataDir: dir, language: 'en', electron: null },
    });
  });
});
