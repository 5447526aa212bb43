/**
 * End to end, in Debian's Chromium through the loopback harness: a store written by the previous
 * analyser (its reports lack the tender's scope and penalty rules) is opened; the library says
 * it is analysing the contracts again, with progress, while the reviewer can go on; then says how
 * many were analysed again, and an opened contract says what changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContractStore } from '../../electron/main/store/store';
import { launchApp, SCREENSHOTS, type AppSession } from './browser';
import { CORPUS_DIR } from '../support/corpus';
import { SEED_NAMES, seedPath } from '../support/seeds';
import { rewriteStoreData } from '../support/store-files';

const TENDERS = [
  '11-yulin-hitech-safety-env-steward-tcp.pdf',
  '02-xianyang-smart-water-platform-tender.pdf',
  '01-shanghai-fao-digital-om-tcp.pdf',
].map((f) => path.join(CORPUS_DIR, f));

let app: AppSession | undefined;
afterAll(async () => {
  await app?.close();
});

/** A store of the given files as the previous analyser left it: no version, no scope, no rules. */
async function oldStore(files: string[]): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-e2e-reanalysis-'));
  const store = await ContractStore.open(dir);
  for (const f of files) await store.importContract(path.basename(f), fs.readFileSync(f));
  rewriteStoreData(dir, (data) => {
    for (const c of data.contracts)
      c.report = { ...c.report, analyzerVersion: undefined, scope: undefined, penaltyRules: [] };
  });
  return dir;
}

describe.runIf(TENDERS.every((f) => fs.existsSync(f)))('re-analysis in the app', () => {
  it('shows progress while the old reviews are analysed again, then what changed', async () => {
    const files = [...TENDERS, ...SEED_NAMES.map((n) => seedPath(n, 'pdf'))];
    const dir = await oldStore(files);
    app = await launchApp('qiyue-e2e-reanalysis-', dir);
    const { page, harness } = app;
    await page.goto(harness.url);
    const banner = page.getByTestId('reanalysis');
    // Three long tenders and five seeds take seconds: the progress line is there meanwhile.
    await expect
      .poll(() => banner.textContent(), { timeout: 20_000 })
      .toMatch(/正在用新版分析器重新分析旧版审阅的合同：\d\/8/);
    expect(await banner.locator('progress').getAttribute('max')).toBe('8');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reanalysis-progress.png') });
    // The library stays usable: the rows are listed while the run goes on.
    await expect
      .poll(() => page.getByTestId('contract-list').locator('tbody tr').count(), {
        timeout: 20_000,
      })
      .toBe(8);
    await expect
      .poll(() => banner.textContent(), { timeout: 400_000 })
      .toContain('已用新版分析器重新分析 8 份合同');
    expect(harness.store.reanalysis).toEqual({
      running: false,
      done: 8,
      total: 8,
      updated: 8,
      skipped: 0,
    });
    // The tender now has its contract chapter as scope, and the contract says what changed.
    const row = page
      .getByTestId('contract-list')
      .locator('tbody tr', { hasText: '11-yulin' })
      .first();
    await row.getByTestId('open').click();
    await expect
      .poll(() => page.getByTestId('scope').textContent())
      .toBe('审阅范围：第六章 合同基本条款及格式（第36–39页）');
    await expect
      .poll(() => page.getByTestId('history').textContent())
      .toMatch(/违约金条款 0 → \d+/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'reanalysis-history.png') });
    expect(app.errors).toEqual([]);
    expect(app.externalRequests).toEqual([]);
  }, 600_000);
});
