/**
 * End to end, in Debian's Chromium through the loopback harness: the scanned seed (a PDF of page
 * images, no text) is imported through the library's file input with its OCR progress shown page
 * by page; opened, the scan is shown with what OCR read laid over it as an invisible text layer,
 * and a key term clicked highlights its words on the image, over the characters that say it.
 * A search hit in the scan highlights the word on the image. A second scan's import, cancelled
 * while OCR reads it, leaves the library as it was.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { launchApp, SCREENSHOTS, type AppSession } from './browser';
import { seedPath } from '../support/seeds';
import { harderScan } from '../fixtures/make-harder-scan';

let app: AppSession | undefined;

/** What the OCR text layer holds under a box on the screen, read across its middle. */
function ocrTextUnder(page: Page, box: { x: number; y: number; width: number; height: number }) {
  return page.evaluate(
    ({ x1, x2, y }) => {
      let text = '';
      for (let x = x1; x < x2; x += 3) {
        const span = document
          .elementsFromPoint(x, y)
          .find((e) => e.parentElement?.classList.contains('ocr-text-layer'));
        if (span && !text.endsWith(span.textContent ?? '')) text += span.textContent;
      }
      return text;
    },
    { x1: box.x + 1, x2: box.x + box.width - 1, y: box.y + box.height / 2 },
  );
}
afterAll(async () => {
  await app?.close();
});

describe('a scanned contract in the app', () => {
  it('imports it with OCR progress per page, and highlights a clicked term on the image', async () => {
    app = await launchApp('qiyue-e2e-scan-');
    const { page, harness } = app;
    await page.goto(harness.url);
    await page
      .getByTestId('file-input')
      .setInputFiles(seedPath('001_18cfc68e7d229bba.scanned', 'pdf'));
    // The progress line names the page OCR is reading, and moves on.
    const ocr = page.getByTestId('ocr-progress');
    await expect
      // A page's OCR takes seconds, and longer on a loaded 2-core machine: the wait is generous.
      .poll(() => ocr.textContent(), { timeout: 120_000 })
      .toMatch(/正在识别文字（OCR）：第 [2-8]\/9 页/);
    expect(await ocr.locator('progress').getAttribute('max')).toBe('9');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'scan-ocr-progress.png') });
    const row = page.getByTestId('contract-list').locator('tbody tr', { hasText: 'scanned' });
    await row.waitFor({ timeout: 200_000 });
    expect(await row.textContent()).toContain('内蒙古自治区大数据中心');
    await row.getByTestId('open').click();
    // The scan, with OCR's text over it: selectable, where the image has it.
    const layer = page.locator('.pdf-page[data-page="1"] [data-testid="ocr-text-layer"]');
    await layer.waitFor({ timeout: 30_000 });
    expect((await layer.textContent())!.replace(/\s/g, '')).toContain('乙方（供应商）');
    // The total amount, clicked: highlighted on the image, over OCR's reading of it.
    await page.getByTestId('tab-terms').click();
    await page.locator('[data-term="totalAmount"]').click();
    const hl = page.getByTestId('highlight').first();
    await hl.waitFor();
    expect(await hl.isVisible()).toBe(true);
    const box = (await hl.boundingBox())!;
    const under = await ocrTextUnder(page, box);
    expect(under.replace(/\s/g, '')).toMatch(/[0-9,]{6,}|[壹贰叁肆伍陆柒捌玖拾佰仟万]{4,}/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'scan-total-amount.png') });

    // A search hit in the scan opens its page with the word itself highlighted on the image.
    await page.getByText('返回合同库').click();
    await page.getByTestId('search-input').fill('违约金');
    await page.getByTestId('search-run').click();
    const hit = page.getByTestId('search-results').getByTestId('search-hit').first();
    await hit.waitFor({ timeout: 30_000 });
    const pageLabel = (await hit.locator('.page').textContent())!.replace('p.', '');
    await hit.click();
    const found = page
      .locator(`.pdf-page[data-page="${pageLabel}"] [data-testid="highlight"]`)
      .first();
    await found.waitFor({ timeout: 30_000 });
    const foundBox = (await found.boundingBox())!;
    expect(foundBox.width).toBeLessThan(80); // the three characters, not the whole clause
    const read = await ocrTextUnder(page, foundBox);
    expect(read).toContain('违约金');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'scan-search-hit.png') });

    // Another scan, cancelled while OCR reads it: a notice says so, and the library is as it was.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-e2e-scan-'));
    const harder = path.join(dir, '另一份扫描件.pdf');
    fs.writeFileSync(
      harder,
      await harderScan(new Uint8Array(fs.readFileSync(seedPath('001_18cfc68e7d229bba', 'pdf')))),
    );
    await page.getByText('返回合同库').click();
    await page.getByTestId('file-input').setInputFiles(harder);
    await expect.poll(() => ocr.textContent(), { timeout: 60_000 }).toMatch(/第 \d\/9 页/);
    await page.getByRole('button', { name: '取消导入' }).click();
    await expect
      .poll(() => page.locator('.notice.info').textContent(), { timeout: 60_000 })
      .toContain('已取消导入：另一份扫描件.pdf');
    await expect.poll(() => page.getByTestId('progress').count()).toBe(0);
    expect(await page.getByTestId('contract-list').locator('tbody tr').count()).toBe(1);
    expect(await harness.store.list()).toHaveLength(1);
    expect(app.errors).toEqual([]);
    expect(app.externalRequests).toEqual([]);
  }, 320_000);
});
