/**
 * End to end for issue 4, in Chromium through the loopback harness: seed 004 — 45 days of late
 * delivery (1,160,000 × 1% × 45 = 522,000.00, and past day 30 termination with 348,000.00), then
 * the KPI rubric with two deductions → grade and refund; seed 001 — mark a checklist item done
 * with a note, reload, and it is still done; a standalone NDA's fixed-sum penalty computed against
 * an entered loss, with the court-adjustment note.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchAppWith, SCREENSHOTS, type AppSession } from './browser';
import { seedPath } from '../support/seeds';

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await launchAppWith('qiyue-e2e-calc-', [
    ...['001_18cfc68e7d229bba', '004_df6ca03d82af185a'].map((n) => seedPath(n, 'pdf')),
    path.resolve('test/fixtures/standalone-nda-fixed-penalty.txt'),
  ]);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

async function open(partyB: string) {
  await page.goto(app.harness.url);
  await page
    .getByTestId('contract-list')
    .locator('tbody tr', { hasText: partyB })
    .getByTestId('open')
    .click();
  await page.getByTestId('outline').waitFor();
}

describe('calculators and checklist in the app', () => {
  it('seed 004: 45 days of late delivery; termination only when ticked', async () => {
    await open('北京慧正通软科技有限公司');
    await page.getByTestId('tab-calculators').click();
    const calc = page.getByTestId('penalty-calculator');
    const lateOption = calc.locator('option', { hasText: '逾期履行 · 1% (按日)' });
    await page
      .getByTestId('calc-rule')
      .selectOption((await lateOption.getAttribute('value')) as string);
    await expect.poll(() => page.getByTestId('calc-base').inputValue()).toBe('1160000.00');
    // The clause is cited beside the rule's words.
    expect(await calc.locator('.rule-text [data-testid="clause-ref"]').textContent()).toMatch(
      /p\.\d+/,
    );
    await page.getByTestId('calc-days').fill('45');
    // Termination unticked: the per-day penalty alone, and a note that termination is open.
    expect(await page.getByTestId('calc-terminate').isChecked()).toBe(false);
    await page.getByTestId('calc-run').click();
    const result = page.getByTestId('calc-result');
    await result.waitFor();
    expect(await page.getByTestId('calc-total').textContent()).toBe('¥522,000.00');
    const notes = await page.getByTestId('calc-note').allTextContents();
    expect(notes[0]).toContain('超过 30 日');
    expect(notes[1]).toContain('未选择解除合同');
    // 522,000 is 45 % of the total: the art. 585 / art. 65 prompt, with its source.
    expect(notes.at(-1)).toContain('合同总金额的 45%');
    expect(await page.getByTestId('calc-source').textContent()).toContain('第585条');
    await page.screenshot({ path: path.join(SCREENSHOTS, '004-late-delivery-no-termination.png') });
    // Ticked: the termination lump sum is added.
    await page.getByTestId('calc-terminate').check();
    await page.getByTestId('calc-run').click();
    await expect.poll(() => page.getByTestId('calc-total').textContent()).toBe('¥870,000.00');
    const text = await result.textContent();
    expect(text).toContain('1,160,000.00（合同总金额）× 1% × 45 日');
    expect(text).toContain('522,000.00');
    expect(text).toContain('348,000.00');
    // A typo gets a plain message, not NaN.
    await page.getByTestId('calc-days').fill('4x');
    await page.getByTestId('calc-run').click();
    expect(await page.getByTestId('calc-error').textContent()).toBe('天数须为 0 或正整数');
    await page.getByTestId('calc-days').fill('45');
    await page.getByTestId('calc-run').click();
    await expect.poll(() => page.getByTestId('calc-total').textContent()).toBe('¥870,000.00');
    // The clause the rule rests on is highlighted in the PDF beside it.
    await page.locator('[data-testid="highlight"]').first().waitFor();
    await page.getByTestId('calc-save').click();
    await page.getByTestId('scenarios').waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, '004-late-delivery-45-days.png') });
  });

  it('seed 004: the KPI rubric with two deductions gives the grade and the refund of the tail', async () => {
    const rubric = page.getByTestId('kpi-rubric');
    await rubric.scrollIntoViewIfNeeded();
    const major = rubric.locator('tr', { hasText: '重大故障' }).locator('input').first();
    await major.fill('1'); // −40
    const late = rubric.locator('tr', { hasText: '驻场人员出勤管理' }).locator('input').first();
    await late.fill('1'); // −0.5
    await expect.poll(() => page.getByTestId('kpi-score').textContent()).toBe('59.5');
    expect(await page.getByTestId('kpi-grade').textContent()).toBe('不合格');
    expect(await page.getByTestId('kpi-refund').textContent()).toBe('¥139,200.00');
    await page.getByTestId('kpi-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SCREENSHOTS, '004-kpi-rubric.png') });
  });

  it('seed 001: marking a checklist item done with a note survives a reload', async () => {
    await open('内蒙古绿能万企智科信息科技有限公司');
    await page.getByTestId('tab-checklist').click();
    await page.getByTestId('reviewer').fill('张审');
    const item = page.getByTestId('check-item').filter({ hasText: '网站每日巡检1次' }).first();
    const itemId = await item.getAttribute('data-item');
    await item.getByTestId('check-status').selectOption('done');
    await item.getByTestId('check-note').fill('已收到《日常巡检记录》');
    await item.getByTestId('check-save').click();
    await expect.poll(() => item.getByTestId('check-history').count()).toBe(1);
    await page.reload();
    await page
      .getByTestId('contract-list')
      .locator('tbody tr', { hasText: '内蒙古绿能万企智科信息科技有限公司' })
      .getByTestId('open')
      .click();
    await page.getByTestId('tab-checklist').click();
    const again = page.locator(`[data-item="${itemId}"]`);
    await again.waitFor();
    expect(await again.getByTestId('check-status').inputValue()).toBe('done');
    expect(await again.getByTestId('check-note').inputValue()).toBe('已收到《日常巡检记录》');
    expect(await again.getByTestId('check-history').textContent()).toContain('张审');
    await page.screenshot({ path: path.join(SCREENSHOTS, '001-checklist-done.png') });
    expect(app.errors).toEqual([]);
    expect(app.externalRequests).toEqual([]);
  });

  it('a standalone NDA: the fixed-sum penalty against an entered loss', async () => {
    await open('某某信息技术有限公司');
    await page.getByTestId('tab-calculators').click();
    const rule = page.getByTestId('calc-rule');
    await expect.poll(() => rule.locator('option:checked').textContent()).toContain('¥500,000.00');
    // The agreed sum stands in for base × percent: no percent to enter.
    await expect.poll(() => page.getByTestId('calc-base').inputValue()).toBe('500000.00');
    expect(await page.getByTestId('calc-percent').count()).toBe(0);
    await page.getByTestId('calc-loss').fill('200000');
    await page.getByTestId('calc-run').click();
    const result = page.getByTestId('calc-result');
    await result.waitFor();
    expect(await result.textContent()).toContain('500,000.00（约定金额）');
    await expect.poll(() => page.getByTestId('calc-total').textContent()).toBe('¥500,000.00');
    // 500,000 is 150 % above a loss of 200,000: the court-adjustment note with its source.
    expect(await result.textContent()).toContain('150%');
    expect(await result.textContent()).toContain('《民法典》第585条');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'nda-fixed-penalty.png') });
    expect(app.errors).toEqual([]);
  });
});
