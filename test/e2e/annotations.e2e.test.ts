/**
 * End to end for annotations (issue 5): text selected in the PDF at 100 % becomes an annotation
 * anchored in PDF coordinates; it lands on the same words at 200 % and after the app restarts
 * (a new harness on the same data folder). Delete with undo; sign-off. Screenshots saved.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchApp, SCREENSHOTS, selectWords, type AppSession } from './browser';
import { startHarness, type Harness } from './harness';
import { seedPath } from '../support/seeds';
import os from 'node:os';
import { ContractStore } from '../../electron/main/store/store';
import { exportBundle } from '../../electron/main/store/bundle';
import { openInstallation } from '../../electron/main/identity';

let app: AppSession;
let page: Page;
let restarted: Harness | null = null;

beforeAll(async () => {
  app = await launchApp('qiyue-e2e-ann-');
  page = app.page;
  const file = seedPath('003_2fd1bbbed6f06600', 'pdf');
  await app.harness.store.importContract(
    path.basename(file),
    new Uint8Array(fs.readFileSync(file)),
  );
});

afterAll(async () => {
  await restarted?.close();
  await app?.close();
});

/** Whether the annotation's rectangle sits on the text-layer span holding `words`. */
async function annotationOnWords(words: string): Promise<boolean> {
  return page.evaluate((w) => {
    const span = [...document.querySelectorAll('.pdf-page[data-page="1"] .textLayer span')].find(
      (s) => s.textContent?.includes(w),
    );
    const ann = document.querySelector('.pdf-page[data-page="1"] .ann');
    if (!span || !ann) return false;
    const s = span.getBoundingClientRect();
    const a = ann.getBoundingClientRect();
    const cx = a.left + a.width / 2;
    const cy = a.top + a.height / 2;
    return (
      cx > s.left - 2 &&
      cx < s.right + 2 &&
      cy > s.top - 4 &&
      cy < s.bottom + 4 &&
      Math.abs(a.width - s.width) < s.width * 0.25
    );
  }, words);
}

async function openContract(url: string) {
  await page.goto(url);
  await page.getByTestId('open').first().click();
  await page.locator('.pdf-page[data-page="1"][data-rendered="true"]').waitFor({ timeout: 30_000 });
  await page.locator('.pdf-page[data-page="1"] .textLayer span').first().waitFor();
}

describe('annotations in the app', () => {
  it('an annotation made at 100 % lands on the same words at 200 % and after a restart', async () => {
    await openContract(app.harness.url);
    await page.getByRole('button', { name: '缩小' }).click();
    await expect.poll(() => page.getByTestId('zoom').textContent()).toBe('100%');
    await page.locator('.pdf-page[data-page="1"][data-rendered="true"]').waitFor();
    // Select the words in the text layer as a reviewer's drag would, then release the mouse.
    await selectWords(
      page,
      '.pdf-page[data-page="1"] .textLayer span',
      '贵州大数据产业集团有限公司',
    );
    await page.getByTestId('ann-draft').waitFor();
    await page.getByTestId('ann-reviewer').fill('李审');
    await page.getByTestId('ann-comment').fill('乙方名称与营业执照核对');
    await page.getByTestId('ann-tags').fill('主体, 待核');
    await page.getByTestId('ann-save').click();
    await page.locator('.pdf-page[data-page="1"] .ann').waitFor();
    expect(await annotationOnWords('贵州大数据产业集团有限公司')).toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'annotation-100.png') });

    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: '放大' }).click();
    await expect.poll(() => page.getByTestId('zoom').textContent()).toBe('200%');
    await page.locator('.pdf-page[data-page="1"] .textLayer span').first().waitFor();
    await expect
      .poll(() => annotationOnWords('贵州大数据产业集团有限公司'), { timeout: 10_000 })
      .toBe(true);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'annotation-200.png') });

    // Restart: a new harness process on the same data folder, a fresh page load.
    const dataDir = app.harness.store.dataDir;
    await app.harness.close();
    restarted = await startHarness(dataDir);
    await openContract(restarted.url);
    await expect
      .poll(() => annotationOnWords('贵州大数据产业集团有限公司'), { timeout: 10_000 })
      .toBe(true);
    await page.getByTestId('tab-annotations').click();
    await expect.poll(() => page.getByTestId('annotations').textContent()).toContain('李审');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'annotation-after-restart.png') });
  });

  it('deletes with undo, and the reviewer signs off', async () => {
    // The restarted harness is another origin: the reviewer's name is entered again.
    await page.getByTestId('ann-reviewer').fill('李审');
    await page.getByTestId('ann-delete').first().click();
    await expect.poll(() => page.locator('.pdf-page[data-page="1"] .ann').count()).toBe(0);
    await page.getByTestId('ann-undo').click();
    await page.locator('.pdf-page[data-page="1"] .ann').waitFor();
    await page.getByTestId('sign-off').getByRole('button', { name: '签字确认' }).click();
    await expect.poll(() => page.getByTestId('sign-off').textContent()).toContain('李审 于');
    const stored = await restarted!.store.get((await restarted!.store.list())[0].id);
    expect(stored.annotations!.map((a) => a.history.map((h) => h.action))).toEqual([
      ['created', 'deleted', 'restored'],
    ]);
    expect(stored.signOff!.by).toBe('李审');
  });

  it('exports the review as printable HTML with the annotation, and as a bundle', async () => {
    const [html] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-html').click(),
    ]);
    const text = fs.readFileSync((await html.path())!, 'utf8');
    expect(html.suggestedFilename()).toMatch(/^审阅报告-.*\.html$/);
    expect(text).toContain('乙方名称与营业执照核对');
    expect(text).toContain('李审');
    // Look at the printable report as a reviewer would.
    const view = await app.browser.newPage({ viewport: { width: 1000, height: 1300 } });
    await view.setContent(text);
    await view.screenshot({ path: path.join(SCREENSHOTS, 'report-html.png') });
    await view.close();
    await page.getByTestId('back').click();
    const [bundle] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('bundle-export').click(),
    ]);
    expect(bundle.suggestedFilename()).toMatch(/\.qiyue\.zip$/);
    expect(fs.statSync((await bundle.path())!).size).toBeGreaterThan(100_000);
  });

  it('imports a colleague’s bundle once the reviewer accepts its key’s fingerprint', async () => {
    // A colleague's installation, with its own key, exports seed 004.
    const other = await ContractStore.open(
      fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-e2e-peer-')),
    );
    const file = seedPath('004_df6ca03d82af185a', 'txt');
    await other.importContract(path.basename(file), new Uint8Array(fs.readFileSync(file)));
    const key = await openInstallation(other.dataDir);
    const bundlePath = path.join(os.tmpdir(), `peer-${Date.now()}.qiyue.zip`);
    fs.writeFileSync(bundlePath, await exportBundle(other, key, null));
    // The library shows this installation's own fingerprint, for the other side to compare.
    await expect
      .poll(() => page.getByTestId('fingerprint').textContent())
      .toMatch(/本机指纹 [0-9A-F]{4} /);
    // Declined first: nothing is imported.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByTestId('bundle-input').setInputFiles(bundlePath);
    await expect.poll(() => page.getByTestId('notices').textContent()).toContain('未信任该签名');
    expect(asked[0]).toContain(key.fingerprint);
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('bundle-input').setInputFiles(bundlePath);
    await expect
      .poll(() => page.getByTestId('notices').textContent())
      .toContain('审阅包已导入：新增 1 份');
    await page
      .getByTestId('contract-list')
      .locator('tbody tr', { hasText: '北京慧正通软科技有限公司' })
      .waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, 'bundle-imported.png') });
  });
});
