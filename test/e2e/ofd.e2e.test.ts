/**
 * End to end, in Debian's Chromium through the loopback harness: an OFD contract (made from seed
 * 003's PDF by `test/fixtures/make-seed-ofd.ts`) is imported through the library's file input,
 * opened beside its outline with its pages drawn from their text runs, and a key term clicked
 * highlights its words on the page where the OFD has them; words selected there become an
 * annotation drawn over them. An OFD e-invoice is drawn with its
 * ruled frame and its QR code under its text.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchApp, SCREENSHOTS, selectWords, type AppSession } from './browser';
import { seedPath } from '../support/seeds';
import { TEAM_SHARED } from '../support/corpus';
import { ofdFromPdf } from '../fixtures/make-seed-ofd';

let app: AppSession | undefined;
afterAll(async () => {
  await app?.close();
});

describe('an OFD contract in the app', () => {
  it('imports it, draws its pages, and highlights a clicked term on its page', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-e2e-ofd-'));
    const file = path.join(dir, '省民政厅运维服务合同.ofd');
    fs.writeFileSync(
      file,
      await ofdFromPdf(new Uint8Array(fs.readFileSync(seedPath('003_2fd1bbbed6f06600', 'pdf')))),
    );
    app = await launchApp('qiyue-e2e-ofd-');
    const { page, harness } = app;
    await page.goto(harness.url);
    await page.getByTestId('file-input').setInputFiles(file);
    const row = page.getByTestId('contract-list').locator('tbody tr', { hasText: '.ofd' });
    await row.waitFor({ timeout: 30_000 });
    expect(await row.textContent()).toContain('省民政厅2025年度信息化运维项目服务合同');
    await row.getByTestId('open').click();
    const viewer = page.getByTestId('layout-viewer');
    await viewer.waitFor({ timeout: 30_000 });
    expect(await viewer.locator('.layout-page').count()).toBe(16);
    expect(await viewer.locator('.viewer-toolbar').textContent()).toContain('OFD 版式原文（16 页');
    expect(await viewer.locator('.layout-page[data-page="1"]').textContent()).toContain(
      '贵州省民政厅',
    );
    // The outline is there beside it.
    await page.getByTestId('tab-outline').click();
    expect(await page.getByTestId('outline').textContent()).toContain('违约责任');
    // The total amount, clicked: highlighted on page 2, over the characters that say it.
    await page.getByTestId('tab-terms').click();
    await page.locator('[data-term="totalAmount"]').click();
    const hl = viewer.getByTestId('highlight').first();
    await hl.waitFor();
    expect(await hl.evaluate((el) => el.closest('.layout-page')?.getAttribute('data-page'))).toBe(
      '2',
    );
    expect(await hl.isVisible()).toBe(true);
    const box = (await hl.boundingBox())!;
    const under = await page.evaluate(
      ({ x, y }) =>
        document.elementsFromPoint(x, y).find((e) => e.classList.contains('layout-run'))
          ?.textContent ?? '',
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(under).toMatch(/6,980,000|陆佰玖拾捌万/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'ofd-total-amount.png') });

    // Words selected on the OFD page become an annotation, drawn over them.
    await selectWords(page, '.layout-page[data-page="1"] .layout-run', '贵州省民政厅');
    await page.getByTestId('ann-draft').waitFor();
    await page.getByTestId('ann-reviewer').fill('李审');
    await page.getByTestId('ann-comment').fill('采购人名称核对');
    await page.getByTestId('ann-save').click();
    const ann = viewer.locator('.layout-page[data-page="1"] .ann').first();
    await ann.waitFor();
    const annBox = (await ann.boundingBox())!;
    const words = await page.evaluate(
      ({ x, y }) =>
        document.elementsFromPoint(x, y).find((e) => e.classList.contains('layout-run'))
          ?.textContent ?? '',
      { x: annBox.x + annBox.width / 2, y: annBox.y + annBox.height / 2 },
    );
    expect(words).toContain('贵州省民政厅');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'ofd-annotation.png') });

    // An OFD e-invoice: its ruled frame and its QR code drawn under its text.
    await page.getByText('返回合同库').click();
    await page
      .getByTestId('file-input')
      .setInputFiles(path.join(TEAM_SHARED, 'fixtures/ofd/发票示例.ofd'));
    const invoice = page.getByTestId('contract-list').locator('tbody tr', { hasText: '发票示例' });
    await invoice.waitFor({ timeout: 30_000 });
    await invoice.getByTestId('open').click();
    const graphics = page.locator('.layout-page[data-page="1"] [data-testid="layout-graphics"]');
    await graphics.waitFor({ timeout: 30_000 });
    expect(await graphics.locator('path').count()).toBe(23);
    expect(await graphics.locator('image').count()).toBe(1);
    const line = (await graphics.locator('path').first().boundingBox())!;
    expect(line.width).toBeGreaterThan(100); // 73 mm at the viewer's scale
    await page.screenshot({ path: path.join(SCREENSHOTS, 'ofd-invoice-graphics.png') });
    expect(app.errors).toEqual([]);
    expect(app.externalRequests).toEqual([]);
  }, 120_000);
});
