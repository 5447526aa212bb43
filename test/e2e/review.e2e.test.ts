/**
 * End to end, in Debian's Chromium through the loopback harness (issue 2): import seed 003's
 * PDF through the file dialog; the outline, the key terms (total 6,980,000.00 with its 大写)
 * and the PDF are side by side; clicking the payment clause brings its page into view with the
 * highlight. Screenshots go to test-output/e2e/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Harness } from './harness';
import { launchApp, SCREENSHOTS, type AppSession } from './browser';
import { seedPath } from '../support/seeds';

const OUT = SCREENSHOTS;

let app: AppSession;
let harness: Harness;
let page: Page;

beforeAll(async () => {
  app = await launchApp('qiyue-e2e-');
  ({ harness, page } = app);
});

afterAll(async () => {
  await app?.close();
});

describe('review seed 003 in the app', () => {
  it('imports the PDF and shows outline, key terms and PDF side by side', async () => {
    await page.goto(harness.url);
    await page.getByTestId('file-input').setInputFiles(seedPath('003_2fd1bbbed6f06600', 'pdf'));
    const row = page.getByTestId('contract-list').locator('tbody tr').first();
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('贵州省民政厅');
    expect(await row.textContent()).toContain('6,980,000.00');
    await page.screenshot({ path: path.join(OUT, '003-library.png') });

    await row.getByTestId('open').click();
    await page.getByTestId('outline').waitFor();
    await expect.poll(() => page.getByTestId('outline').locator('li').count()).toBeGreaterThan(50);
    await expect
      .poll(() => page.locator('.pdf-page[data-rendered="true"]').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await page.getByTestId('page-count').textContent()).toContain('16');

    await page.getByTestId('tab-terms').click();
    const terms = page.getByTestId('key-terms');
    await expect.poll(() => terms.textContent()).toContain('¥6,980,000.00');
    expect(await terms.textContent()).toContain('陆佰玖拾捌万元整');
    expect(await terms.textContent()).toContain('贵州大数据产业集团有限公司');
    await page.screenshot({ path: path.join(OUT, '003-key-terms.png') });
  });

  it('clicking the payment clause scrolls its page into view and highlights it', async () => {
    await page.getByTestId('tab-outline').click();
    const clause = page.locator('.outline-item[data-category="payment"]').first();
    const pageNo = Number((await clause.locator('.page').textContent())?.replace('p.', ''));
    expect(pageNo).toBeGreaterThan(1);
    await clause.click();
    const hl = page.locator(`.pdf-page[data-page="${pageNo}"] [data-testid="highlight"]`).first();
    await hl.waitFor({ timeout: 10_000 });
    await expect.poll(() => hl.isVisible()).toBe(true);
    const box = await hl.boundingBox();
    const scroller = await page.getByTestId('pdf-scroll').boundingBox();
    expect(
      box && scroller && box.y >= scroller.y && box.y + box.height <= scroller.y + scroller.height,
    ).toBeTruthy();
    await expect
      .poll(() => page.locator(`.pdf-page[data-page="${pageNo}"]`).getAttribute('data-rendered'), {
        timeout: 15_000,
      })
      .toBe('true');
    await page.screenshot({ path: path.join(OUT, '003-payment-clause.png') });
  });

  it('clicking the total amount highlights it on page 2, and nothing was fetched from outside', async () => {
    await page.getByTestId('tab-terms').click();
    await page.locator('[data-term="totalAmount"]').click();
    const hl = page.locator('[data-testid="highlight"]').first();
    await hl.waitFor();
    expect(await hl.evaluate((el) => el.closest('.pdf-page')?.getAttribute('data-page'))).toBe('2');
    await page.screenshot({ path: path.join(OUT, '003-total-amount.png') });
    expect(app.externalRequests).toEqual([]);
    expect(app.errors).toEqual([]);
  });

  it('shows a DOCX contract’s text in place of the PDF and highlights a term in it', async () => {
    await page.getByTestId('back').click();
    await page.getByTestId('file-input').setInputFiles(seedPath('002_21901a1de7442d81', 'docx'));
    const row = page
      .getByTestId('contract-list')
      .locator('tbody tr', { hasText: '国泰新点软件股份有限公司' });
    await row.waitFor({ timeout: 30_000 });
    await row.getByTestId('open').click();
    await page.getByTestId('text-body').waitFor();
    await page.getByTestId('tab-terms').click();
    await page.locator('[data-term="totalAmount"]').click();
    const mark = page.getByTestId('text-body').getByTestId('highlight');
    await expect.poll(() => mark.textContent()).toContain('1168000');
    expect(await mark.isVisible()).toBe(true);
    await page.screenshot({ path: path.join(OUT, '002-docx-text-view.png') });
  });

  it('asks for the password of an encrypted PDF and imports it with user123', async () => {
    await page.getByTestId('back').click();
    await page
      .getByTestId('file-input')
      .setInputFiles(seedPath('001_18cfc68e7d229bba.encrypted', 'pdf'));
    const form = page.locator('form.password');
    await form.waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('notices').textContent()).toContain('加密');
    await form.locator('input[type="password"]').fill('user123');
    await page.screenshot({ path: path.join(OUT, '001-password-prompt.png') });
    await form.getByRole('button').click();
    const row = page
      .getByTestId('contract-list')
      .locator('tbody tr', { hasText: '内蒙古自治区大数据中心' });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('375,980.00');
    // Opening it asks for the password again to display the PDF.
    await row.getByTestId('open').click();
    await page.getByTestId('viewer-password').fill('user123');
    await page.getByTestId('viewer-password').press('Enter');
    await page.locator('.pdf-page[data-rendered="true"]').first().waitFor({ timeout: 30_000 });
    await page.getByTestId('back').click();
  });

  it('deletes a contract with undo, and keyboard moves through the outline', async () => {
    const rows = page.getByTestId('contract-list').locator('tbody tr');
    // The library has listed all three contracts imported so far.
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(3);
    const before = await rows.count();
    await rows.first().getByTestId('remove').click();
    await page.getByTestId('undo-delete').waitFor();
    await expect.poll(() => rows.count()).toBe(before - 1);
    await page.getByTestId('undo-delete').getByRole('button').click();
    await expect.poll(() => rows.count()).toBe(before);
    expect((await harness.store.list()).length).toBe(before);

    // Seed 003 (not the encrypted PDF, whose viewer rightly takes the focus for its password).
    await rows.filter({ hasText: '贵州省民政厅' }).getByTestId('open').click();
    const items = page.locator('.outline-item');
    // Wait until the contract has loaded: its PDF has a rendered page and the outline is filled.
    await page.locator('.pdf-page[data-rendered="true"]').first().waitFor({ timeout: 30_000 });
    await expect.poll(() => items.count()).toBeGreaterThan(3);
    const focusedIndex = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.outline-item')].indexOf(document.activeElement as Element),
      );
    await items.first().focus();
    await expect.poll(focusedIndex).toBe(0);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedIndex).toBe(1);
    await page.keyboard.press('ArrowDown');
    await expect.poll(focusedIndex).toBe(2);
    await page.keyboard.press('ArrowUp');
    await expect.poll(focusedIndex).toBe(1);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => items.nth(2).getAttribute('class')).toContain('selected');
    // Only the chosen clause is selected.
    expect(await page.locator('.outline-item.selected').count()).toBe(1);
  });

  it('imports a file dropped onto the library window', async () => {
    await page.getByTestId('back').click();
    await page.locator('.library').waitFor();
    const b64 = fs.readFileSync(seedPath('004_df6ca03d82af185a', 'txt')).toString('base64');
    const dt = await page.evaluateHandle((data) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      // Runs in the page, where DataTransfer and File exist.
      const g = globalThis as unknown as {
        DataTransfer: new () => { items: { add(f: unknown): void } };
        File: new (parts: unknown[], name: string, opts: { type: string }) => unknown;
      };
      const transfer = new g.DataTransfer();
      transfer.items.add(new g.File([bytes], '004-协同办公运维合同.txt', { type: 'text/plain' }));
      return transfer;
    }, b64);
    await page.dispatchEvent('.library', 'dragover', { dataTransfer: dt });
    await page.dispatchEvent('.library', 'drop', { dataTransfer: dt });
    const row = page
      .getByTestId('contract-list')
      .locator('tbody tr', { hasText: '北京慧正通软科技有限公司' });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('1,160,000.00');
    await page.screenshot({ path: path.join(OUT, 'library-after-drop.png') });
    // After PDFs, DOCX text, dialogs and the library: no errors, and no style or script the
    // CSP refused (Chromium reports each refusal as a console error).
    expect(app.errors).toEqual([]);
  });
});
