/**
 * End to end, in Debian's Chromium through the loopback harness: a real tender (corpus 11, a
 * 竞争性磋商文件 of 76 pages with its contract as 第六章) imported through the file dialog says
 * what was reviewed — `审阅范围：第六章 合同基本条款及格式（第36–39页）` — greys the tender's own
 * chapters in the outline, and lists the contract chapter's penalty rules only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import { launchApp, SCREENSHOTS, type AppSession } from './browser';
import { CORPUS_DIR } from '../support/corpus';

const TENDER = path.join(CORPUS_DIR, '11-yulin-hitech-safety-env-steward-tcp.pdf');

let app: AppSession;
let harness: Harness;
let page: Page;

beforeAll(async () => {
  app = await launchApp('qiyue-e2e-tender-');
  ({ harness, page } = app);
});

afterAll(async () => {
  await app?.close();
});

describe.runIf(fs.existsSync(TENDER))('a tender in the app', () => {
  it('shows the reviewed contract chapter, the tender’s parts greyed, and the chapter’s rules', async () => {
    await page.goto(harness.url);
    await page.getByTestId('file-input').setInputFiles(TENDER);
    const row = page.getByTestId('contract-list').locator('tbody tr').first();
    // 76 pages, 15 of them read by OCR: minutes on a loaded 2-core machine.
    await expect.poll(() => row.textContent(), { timeout: 200_000 }).toContain('技术服务合同');
    await row.getByTestId('open').click();
    await page.getByTestId('outline').waitFor();
    await expect
      .poll(() => page.getByTestId('scope').textContent())
      .toBe('审阅范围：第六章 合同基本条款及格式（第36–39页）');
    // The tender's own chapters are in the outline, greyed and named by their part.
    await expect.poll(() => page.locator('.outline-item.outside').count()).toBeGreaterThan(50);
    expect(await page.locator('.outline-item.outside .tag.part').first().textContent()).toBe(
      '招标程序',
    );
    await page.getByTestId('tab-penalties').click();
    const table = page.getByTestId('penalty-table');
    await expect.poll(() => table.textContent()).toContain('逾期付款');
    // 万分之五 of the overdue amount, and 20 % of the total for quality failure: the chapter's rules.
    expect(await table.textContent()).toContain('0.05%');
    expect(await table.textContent()).toContain('20%');
    // The rule opens its page of the chapter (p.38) in the PDF beside it.
    await table.locator('tbody tr').first().click();
    await expect
      .poll(() => page.locator('.pdf-page[data-rendered="true"]').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    await expect.poll(() => page.getByTestId('highlight').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'tender-scope.png') });
  }, 300_000);
});
