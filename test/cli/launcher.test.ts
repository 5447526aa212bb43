/**
 * The command lines' launcher (`scripts/cli.mjs`): `npm run review` / `compare` / `verify` run
 * from bundles in dist-electron/, rebuilt when a source is newer, with the same answers as the
 * sources give through tsx.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { seedPath } from '../support/seeds';

const run = (args: string[], dir: string) =>
  spawnSync(process.execPath, ['scripts/cli.mjs', ...args], {
    encoding: 'utf8',
    env: { ...process.env, QIYUE_DATA_DIR: dir },
  });

describe('the command lines run from their bundles', () => {
  it('reviews a seed from the bundle as from the sources, and says what it cannot run', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-launcher-'));
    const seed = seedPath('002_21901a1de7442d81', 'pdf');
    const bundled = run(['review', '--json', '--data-dir', dir, seed], dir);
    expect(bundled.stderr).toBe('');
    expect(bundled.status).toBe(0);
    const bundle = path.resolve('dist-electron/cli-review.cjs');
    expect(fs.statSync(bundle).mtimeMs).toBeGreaterThanOrEqual(
      fs.statSync('electron/cli/review.ts').mtimeMs,
    );
    const fromSource = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/review.ts', '--json', '--data-dir', dir, seed],
      { encoding: 'utf8' },
    );
    expect(fromSource.status).toBe(0);
    expect(JSON.parse(bundled.stdout)).toEqual(JSON.parse(fromSource.stdout));
    expect(JSON.parse(bundled.stdout).contract.title).toBeTruthy();

    const unknown = run(['rewiew'], dir);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('review|compare|verify');
  });
});
