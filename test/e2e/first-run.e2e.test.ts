/**
 * First run on a new machine (issue 11), end to end in Chromium through the loopback harness:
 * a data folder that does not exist yet is created owner-only, the library shows the welcome
 * view (import a contract, or open the sample shipped in resources/sample), and the sample
 * opens as a reviewed contract. Screenshots at 1280×720 and 1920×1080 in test-output/e2e/.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, SCREENSHOTS, type AppSession } from './browser';
import { seedPath } from '../support/seeds';

let app: AppSession;
let page: Page;
let dataDir: string;

beforeAll(async () => {
  // A folder not yet there, as on a machine where Qiyue never ran.
  dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-first-run-')), 'qiyue');
  app = await launchApp('qiyue-first-run-', dataDir);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('first run', () => {
  it('creates the data folder for the user only and shows the welcome view', async () => {
    await page.goto(app.harness.url);
    const welcome = page.getByTestId('welcome');
    await welcome.waitFor();
    expect(fs.statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(await welcome.locator('h2').textContent()).toBe('欢迎使用契阅');
    await expect.poll(() => page.getByTestId('welcome-data-dir').textContent()).toContain(dataDir);
    expect(await page.getByTestId('contract-list').count()).toBe(0);
    for (const [w, h] of [
      [1280, 720],
      [1920, 1080],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: path.join(SCREENSHOTS, `first-run-welcome-${w}x${h}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('opens the sample contract from the welcome view, by keyboard', async () => {
    await page.getByTestId('welcome-sample').focus();
    await page.keyboard.press('Enter');
    const title = page.locator('.contract-title');
    await expect.poll(() => title.textContent(), { timeout: 60_000 }).toContain('合同');
    await page.getByTestId('outline').waitFor();
    await expect.poll(() => page.getByTestId('outline').locator('li').count()).toBeGreaterThan(10);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'first-run-sample-1280x720.png') });
    // Back in the library the sample is one contract, and the welcome view has gone.
    await page.getByTestId('back').click();
    const rows = page.getByTestId('contract-list').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('示例合同.pdf');
    expect(await page.getByTestId('welcome').count()).toBe(0);
    expect(app.externalRequests).toEqual([]);
    expect(app.errors).toEqual([]);
  });
});

describe('open with Qiyue', () => {
  it('imports and opens a file the operating system hands over when the window comes forward', async () => {
    // As a second start with a file does: main queues it and focuses the window.
    app.harness.openRequests.add([seedPath('002_21901a1de7442d81', 'docx')]);
    await page.evaluate(() => window.dispatchEvent(new Event('focus')));
    const title = page.locator('.contract-title');
    await expect
      .poll(() => title.getAttribute('title'), { timeout: 60_000 })
      .toBe('002_21901a1de7442d81.docx');
    await page.getByTestId('back').click();
    await expect.poll(() => page.getByTestId('contract-list').locator('tbody tr').count()).toBe(2);
    expect(app.errors).toEqual([]);
  });
});
