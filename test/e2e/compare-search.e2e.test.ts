/**
 * End to end for issue 5 (part): the comparison matrix of the five seed PDFs, search for 违约金
 * across them (each hit opening its page with the match highlighted), and the NDA playbook
 * deviations. Screenshots go to test-output/e2e/.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchAppWith, SCREENSHOTS, type AppSession } from './browser';
import { SEED_NAMES, seedPath } from '../support/seeds';

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await launchAppWith(
    'qiyue-e2e-cmp-',
    SEED_NAMES.map((n) => seedPath(n, 'pdf')),
  );
  page = app.page;
});

afterAll(async () => {
  await app?.close();
});

describe('comparison, search and NDA playbook in the app', () => {
  it('compares all five contracts, colouring each value by whom it favours', async () => {
    await page.goto(app.harness.url);
    await page.getByTestId('select-all').check();
    await page.getByTestId('compare-selected').click();
    // 乙方 pays a late-delivery penalty: 004's 1 %/day favours 甲方, 000's 0.1 %/day 乙方.
    const row = page.locator('[data-row="penalty.partyB.late_delivery.per_day"]');
    await row.waitFor();
    expect(await row.getByTestId('favours').textContent()).toBe('越高越有利于甲方');
    expect(await row.locator('td[data-favours="partyA"]').textContent()).toContain('1%/日');
    expect(await row.locator('td[data-favours="partyB"]').textContent()).toContain('0.1%/日');
    // 甲方 pays a late-payment penalty: the shorter time before 乙方 may terminate (003's 15
    // days) favours 乙方, and is coloured so, not "strictest for 乙方".
    const aRow = page.locator('[data-row="penalty.partyA.late_payment.per_day.termination"]');
    expect(await aRow.getByTestId('favours').textContent()).toBe('越低越有利于乙方');
    expect(await aRow.locator('td[data-favours="partyB"]').textContent()).toContain('15 日');
    expect(await aRow.locator('td[data-favours="partyB"]').getAttribute('class')).toContain(
      'fav-b',
    );
    // A ranked row colours the best value for each party (or none when all agree); an unranked
    // row colours nothing.
    const rows = await page.locator('tr[data-row]').evaluateAll((trs) =>
      trs.map((tr) => ({
        favours: tr.querySelector('[data-testid="favours"]')?.textContent ?? '',
        marked: [...tr.querySelectorAll('td[data-favours]')].map((td) =>
          td.getAttribute('data-favours'),
        ),
      })),
    );
    for (const r of rows)
      if (r.favours === '—') expect(r.marked).toEqual([]);
      else
        expect(
          r.marked.length === 0 || (r.marked.includes('partyA') && r.marked.includes('partyB')),
        ).toBe(true);
    // Amounts grouped; short heads (supplier and date) with the full title on hover.
    expect(await page.locator('[data-row="totalAmount"]').textContent()).toContain('6,980,000.00');
    const head = page
      .getByTestId('matrix-head')
      .filter({ hasText: '贵州大数据产业集团 · 2025-06-27' });
    // The full title is on hover: the contract's own title, not the short head.
    expect(await head.getAttribute('title')).toMatch(/合同/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'compare-matrix.png'), fullPage: false });
    // The clause diff in its own view: two liability clauses side by side, changes marked.
    await page.getByTestId('compare-tab-diff').click();
    const diff = page.getByTestId('clause-diff');
    await page.getByTestId('diff-category').selectOption('liability');
    await expect.poll(() => diff.locator('del').count()).toBeGreaterThan(0);
    await expect.poll(() => diff.locator('ins').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'clause-diff.png') });
    // A contract's 保密 clause against the playbook's standard wording, found by typing.
    await page.getByTestId('diff-category').selectOption('confidentiality');
    await page.getByTestId('diff-search-right').fill('保密审查标准');
    await expect.poll(() => page.getByTestId('diff-right').locator('option').count()).toBe(1);
    await page.getByTestId('diff-right').selectOption('playbook:confidentiality');
    await expect
      .poll(() => page.getByTestId('diff-b').textContent())
      .toContain('保密期限为合同终止后2年');
    await expect.poll(() => diff.locator('ins').count()).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'clause-diff-playbook.png') });
    // A cell opens its clause beside the PDF.
    await page.getByTestId('compare-tab-matrix').click();
    await row.locator('td[data-favours="partyA"] button').click();
    await page.locator('[data-testid="highlight"]').first().waitFor({ timeout: 15_000 });
    await page.getByTestId('back').click();
    await page.getByTestId('back').click();
  });

  it('finds 违约金 in all five contracts, and a hit opens its page with the match highlighted', async () => {
    await page.getByTestId('search-input').fill('违约金');
    await page.getByTestId('search-run').click();
    const results = page.getByTestId('search-results');
    await results.waitFor();
    await expect.poll(() => results.locator('.search-group').count()).toBe(5);
    // Each snippet marks the match itself.
    const marks = await results.getByTestId('search-match').allTextContents();
    expect(marks.length).toBeGreaterThanOrEqual(5);
    expect(new Set(marks)).toEqual(new Set(['违约金']));
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search-results.png') });
    const hit = results.locator('.search-group').nth(2).getByTestId('search-hit').first();
    const pageLabel = (await hit.locator('.page').textContent())!.replace('p.', '');
    await hit.click();
    const hl = page
      .locator(`.pdf-page[data-page="${pageLabel}"] [data-testid="highlight"]`)
      .first();
    await hl.waitFor({ timeout: 15_000 });
    const box = await hl.boundingBox();
    expect(box!.width).toBeLessThan(80); // the three characters, not the whole clause
    await page.waitForTimeout(300);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'search-hit.png') });
  });

  it('shows playbook deviations and the NDA-vs-contract disagreement for seed 003', async () => {
    await page.goto(app.harness.url);
    await page
      .getByTestId('contract-list')
      .locator('tbody tr', { hasText: '贵州大数据产业集团有限公司' })
      .getByTestId('open')
      .click();
    await page.getByTestId('tab-nda').click();
    await page.getByTestId('nda-disagreements').waitFor();
    expect(await page.getByTestId('nda-disagreements').textContent()).toContain('长期有效');
    expect(await page.getByTestId('nda-deviations').count()).toBeGreaterThan(0);
    await page.getByTestId('nda-deviations').first().locator('button').first().click();
    await page.locator('[data-testid="highlight"]').first().waitFor();
    await page.screenshot({ path: path.join(SCREENSHOTS, '003-nda-playbook.png') });
    expect(app.errors).toEqual([]);
    expect(app.externalRequests).toEqual([]);
  });
});
