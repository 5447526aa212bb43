/**
 * End to end for issue 3, in Chromium through the loopback harness: open seeds 003 and 004;
 * the findings list shows amount.written-mismatch for 003 and pii.personal-id for 004, and
 * clicking each brings its highlight into view. Also the penalties, service-level and NDA
 * panels, and a contract whose payment schedule and service levels are PDF tables.
 * Screenshots go to test-output/e2e/.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchAppWith, SCREENSHOTS, type AppSession } from './browser';
import { seedPath } from '../support/seeds';

const OUT = SCREENSHOTS;

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await launchAppWith('qiyue-e2e-findings-', [
    ...['003_2fd1bbbed6f06600', '004_df6ca03d82af185a'].map((n) => seedPath(n, 'pdf')),
    path.resolve('test/fixtures/tables-centred.pdf'),
  ]);
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

async function open(partyB: string) {
  await page.goto(app.harness.url);
  const row = page.getByTestId('contract-list').locator('tbody tr', { hasText: partyB });
  await row.getByTestId('open').click();
  await page.getByTestId('outline').waitFor();
}

async function expectHighlightInView() {
  const hl = page.locator('[data-testid="highlight"]').first();
  await hl.waitFor({ timeout: 15_000 });
  await expect
    .poll(async () => {
      const box = await hl.boundingBox();
      const view = await page.getByTestId('pdf-scroll').boundingBox();
      return !!box && !!view && box.y >= view.y && box.y + box.height <= view.y + view.height;
    })
    .toBe(true);
  return hl;
}

describe('findings in the app', () => {
  it('seed 003: the written-amount mismatch is listed and clicking it shows the total row', async () => {
    await open('贵州大数据产业集团有限公司');
    await page.getByTestId('tab-findings').click();
    const item = page.locator('.finding[data-rule="amount.written-mismatch"]');
    await expect.poll(() => item.count()).toBe(1);
    expect(await item.textContent()).toContain('陆佰玖拾捌万捌仟元整');
    await item.click();
    const hl = await expectHighlightInView();
    const pageNo = await hl.evaluate((el) => el.closest('.pdf-page')?.getAttribute('data-page'));
    expect(Number(pageNo)).toBeGreaterThan(10);
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(OUT, '003-finding-written-mismatch.png') });

    // Severity filter: hiding "high" hides the mismatch.
    await page.getByTestId('filter-high').uncheck();
    await expect
      .poll(() => page.locator('.finding[data-rule="amount.written-mismatch"]').count())
      .toBe(0);
    await page.getByTestId('filter-high').check();
  });

  it('seed 003: penalties, service levels and NDA panels jump to their clauses', async () => {
    await page.getByTestId('tab-penalties').click();
    const rows = page.getByTestId('penalty-table').locator('tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByTestId('penalty-table').textContent()).toContain('逾期付款');
    await rows.first().click();
    await expectHighlightInView();
    await page.screenshot({ path: path.join(OUT, '003-penalties.png') });
    await page.getByTestId('tab-nda').click();
    await expect.poll(() => page.getByTestId('nda').textContent()).toContain('合作结束后3年');
    await page.getByTestId('nda').locator('.term-link').first().click();
    await expectHighlightInView();
    await page.screenshot({ path: path.join(OUT, '003-nda.png') });
  });

  it('seed 004: the personal ID is listed and clicking it shows it in the personal NDA', async () => {
    await open('北京慧正通软科技有限公司');
    await page.getByTestId('tab-findings').click();
    const item = page.locator('.finding[data-rule="pii.personal-id"]').first();
    await expect.poll(() => item.textContent()).toContain('320321********4212');
    // Masked in its quote too, and in every panel, until the reviewer reveals it.
    const quote = item.getByTestId('finding-quote');
    const text = await page.getByTestId('findings').textContent();
    expect(text).not.toMatch(/320321\d{8}4212/);
    await page.getByTestId('reveal-personal-data').click();
    expect(await page.getByTestId('reveal-personal-data').getAttribute('aria-pressed')).toBe(
      'true',
    );
    await expect.poll(() => quote.textContent()).toMatch(/320321\d{8}4212/);
    await page.getByTestId('reveal-personal-data').click();
    await expect.poll(() => quote.textContent()).toContain('320321********4212');
    await page.getByTestId('tab-nda').click();
    expect(await page.getByTestId('nda').textContent()).not.toMatch(/320321\d{8}4212/);
    await page.getByTestId('tab-findings').click();
    await item.click();
    await expectHighlightInView();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(OUT, '004-finding-personal-id.png') });
    expect(app.errors).toEqual([]);
    expect(app.externalRequests).toEqual([]);
  });

  it('a contract with PDF tables: installments and graded service levels, each cell highlighted', async () => {
    await open('某某科技股份有限公司');
    await page.getByTestId('tab-terms').click();
    const terms = page.getByTestId('key-terms');
    await expect.poll(() => terms.textContent()).toContain('360,000.00');
    expect(await terms.textContent()).toContain('合同签订后且乙方提交履约保函后15个工作日内');
    await page.getByTestId('tab-penalties').click();
    const sla = page.getByTestId('sla-table');
    await expect.poll(() => sla.locator('tbody tr').count()).toBe(6);
    expect(await sla.locator('thead').textContent()).toContain('级别');
    expect(await sla.locator('tbody tr').first().textContent()).toContain('一级（重大故障）');
    await sla.locator('tbody tr').nth(3).click();
    await expectHighlightInView();
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(OUT, 'pdf-tables-service-levels.png') });
    expect(app.errors).toEqual([]);
  });
});
