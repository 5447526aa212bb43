/**
 * End to end, in Debian's Chromium through the loopback harness: a reviewer encrypts the data
 * folder from the app (main's passphrase rule shown in its words, a mistyped confirmation caught,
 * the acknowledgement that a forgotten passphrase is unrecoverable required), locks it (nothing
 * of the folder stays on screen), is told a wrong passphrase is wrong, unlocks, and reads the
 * contract's PDF decrypted; a new start of the app on that folder opens on the unlock screen.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchApp, launchAppWith, SCREENSHOTS, type AppSession } from './browser';
import { seedPath } from '../support/seeds';

const PASS = '财务处 2026 合同口令';
let app: AppSession | undefined;
let again: AppSession | undefined;
afterAll(async () => {
  await app?.close();
  await again?.close();
});

describe('encryption at rest in the app', () => {
  it('encrypts, locks, refuses a wrong passphrase, unlocks and shows the PDF again', async () => {
    app = await launchAppWith('qiyue-e2e-vault-', [
      seedPath('003_2fd1bbbed6f06600', 'pdf'),
      seedPath('004_df6ca03d82af185a', 'txt'),
    ]);
    const { page, harness } = app;
    const dir = harness.store.dataDir;
    await page.goto(harness.url);
    const rows = page.getByTestId('contract-list').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await page.getByTestId('vault-lock').count()).toBe(0);

    await page.getByTestId('vault-open').click();
    const dialog = page.getByTestId('vault-dialog');
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await page.getByTestId('vault-state').textContent()).toContain('未加密');
    // Too short: main's rule, in its words.
    await page.getByTestId('vault-new').fill('1234567');
    await page.getByTestId('vault-confirm').fill('1234567');
    expect(await page.getByTestId('vault-enable').isDisabled()).toBe(true);
    await page.getByTestId('vault-ack').check();
    await page.getByTestId('vault-enable').click();
    await expect.poll(() => page.getByTestId('vault-error').textContent()).toContain('口令须为 8');
    // A mistyped confirmation is caught before main is asked.
    await page.getByTestId('vault-new').fill(PASS);
    await page.getByTestId('vault-confirm').fill(`${PASS}x`);
    expect(await dialog.textContent()).toContain('两次输入的口令不一致');
    expect(await page.getByTestId('vault-enable').isDisabled()).toBe(true);
    await page.getByTestId('vault-confirm').fill(PASS);
    await page.getByTestId('vault-enable').click();
    await expect
      .poll(() => page.getByTestId('vault-done').textContent(), { timeout: 30_000 })
      .toContain('数据文件夹已加密');
    expect(await page.getByTestId('vault-state').textContent()).toContain('已加密');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'vault-encrypted.png') });
    // On disk: every original encrypted.
    for (const f of fs.readdirSync(path.join(dir, 'files')))
      expect(
        fs
          .readFileSync(path.join(dir, 'files', f))
          .subarray(0, 5)
          .toString(),
        f,
      ).toBe('QYENC');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    await page.getByTestId('vault-lock').click();
    await expect.poll(() => page.getByTestId('unlock-form').isVisible()).toBe(true);
    expect(await page.getByTestId('contract-list').count()).toBe(0);
    expect(await page.locator('body').textContent()).not.toContain('贵州');
    await page.getByTestId('unlock-passphrase').fill('不是这个口令');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('unlock-error').textContent(), { timeout: 15_000 })
      .toContain('口令不正确');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'vault-unlock-wrong.png') });
    await page.getByTestId('unlock-passphrase').fill(PASS);
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.count(), { timeout: 15_000 }).toBe(2);

    // The PDF is read from its encrypted copy.
    await rows.filter({ hasText: '003' }).first().getByTestId('open').click();
    await expect
      .poll(() => page.locator('.pdf-page[data-rendered="true"]').count(), { timeout: 30_000 })
      .toBeGreaterThan(0);
    expect(await page.getByTestId('page-count').textContent()).toContain('16');
    expect(app.errors).toEqual([]);
    expect(app.externalRequests).toEqual([]);

    // The app started again on this folder opens on the unlock screen.
    again = await launchApp('qiyue-e2e-vault-again-', dir);
    await again.page.goto(again.harness.url);
    await expect.poll(() => again!.page.getByTestId('unlock-form').isVisible()).toBe(true);
    await again.page.screenshot({ path: path.join(SCREENSHOTS, 'vault-locked-start.png') });
    await again.page.getByTestId('unlock-passphrase').fill(PASS);
    await again.page.keyboard.press('Enter');
    await expect
      .poll(() => again!.page.getByTestId('contract-list').locator('tbody tr').count(), {
        timeout: 15_000,
      })
      .toBe(2);
  }, 180_000);
});
