/**
 * A reviewer triages findings (issue 10 items 1 and 5), end to end in Chromium through the
 * loopback harness: seed 004's asymmetric-penalty finding marked 误报 with a note; the decision
 * shows who and when, survives a reload and a re-analysis by a newer analyser; the library shows
 * open high/medium findings and the review state, sorts by open high findings and filters by
 * state. Screenshots at 1280×720 and 1920×1080 in test-output/e2e/.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ContractStore } from '../../electron/main/store/store';
import { summaryOf } from '../../electron/main/store/catalog';
import { launchApp, SCREENSHOTS, type AppSession } from './browser';
import { seedPath } from '../support/seeds';
import { rewriteStoreData } from '../support/store-files';

const SEEDS = ['004_df6ca03d82af185a', '001_18cfc68e7d229bba', '003_2fd1bbbed6f06600'];
let dir: string;
let app: AppSession;
let page: Page;
let id004: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-e2e-triage-'));
  const store = await ContractStore.open(dir);
  for (const name of SEEDS) {
    const { contract } = await store.importContract(
      `${name}.pdf`,
      new Uint8Array(fs.readFileSync(seedPath(name, 'pdf'))),
    );
    if (name.startsWith('004')) id004 = contract.id;
  }
  await store.setReviewer('李审');
  app = await launchApp('qiyue-e2e-triage-', dir);
  page = app.page;
  await page.setViewportSize({ width: 1280, height: 720 });
});

afterAll(async () => {
  await app?.close();
});

const rows = () => page.getByTestId('contract-list').locator('tbody tr');
const findingOf = (rule: string) =>
  page.getByTestId('finding-item').filter({ has: page.locator(`[data-rule="${rule}"]`) });

async function open004(): Promise<void> {
  await rows().filter({ hasText: '004_df6ca03d82af185a.pdf' }).getByTestId('open').click();
  await page.getByTestId('tab-findings').click();
  await page.getByTestId('findings').waitFor();
}

describe('triaging findings', () => {
  it('shows each contract’s open findings and review state, sorted by open high findings', async () => {
    await page.goto(app.harness.url);
    await expect.poll(() => rows().count()).toBe(3);
    await page.getByTestId('sort-risk').click();
    const expected = (await app.harness.store.list())
      .map(summaryOf)
      .sort(
        (a, b) =>
          b.findings.open.high - a.findings.open.high ||
          b.findings.open.medium - a.findings.open.medium,
      )
      .map((s) => s.fileName);
    const shown = await rows().evaluateAll((trs) =>
      trs.map((tr) => tr.querySelector('.file')?.textContent ?? ''),
    );
    expect(shown).toEqual(expected);
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('未决问题');
    const row004 = rows().filter({ hasText: '004_df6ca03d82af185a.pdf' });
    expect(await row004.getByTestId('risk').textContent()).toBe('高 2中 2');
    expect(await row004.getByTestId('review-state').textContent()).toBe('未审');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'triage-library-1280x720.png') });
  });

  it('marks a finding 误报 with a note, by keyboard, signed with the reviewer and time', async () => {
    await open004();
    const item = findingOf('penalty.asymmetric');
    expect(await item.getAttribute('data-triage')).toBe('open');
    const status = item.getByTestId('triage-status');
    await status.selectOption('false_positive');
    const note = item.getByTestId('triage-note');
    await expect.poll(() => note.evaluate((el) => el === document.activeElement)).toBe(true);
    await note.fill('甲方逾期付款的违约责任在第九条，对等');
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => item.getAttribute('data-triage')).toBe('false_positive');
    const by = await item.getByTestId('triage-by').textContent();
    expect(by).toMatch(
      /^李审 · \d{4}-\d{2}-\d{2} \d{2}:\d{2}：甲方逾期付款的违约责任在第九条，对等$/,
    );
    expect(await page.getByTestId('tab-findings').textContent()).toBe('问题（5/6）');
    // The filter of findings still to act on leaves it out.
    await page.getByTestId('triage-filter').selectOption('unsettled');
    expect(await findingOf('penalty.asymmetric').count()).toBe(0);
    await page.getByTestId('triage-filter').selectOption('false_positive');
    expect(await findingOf('penalty.asymmetric').count()).toBe(1);
    for (const [w, h] of [
      [1280, 720],
      [1920, 1080],
    ]) {
      await page.setViewportSize({ width: w, height: h });
      await page.screenshot({ path: path.join(SCREENSHOTS, `triage-findings-${w}x${h}.png`) });
    }
    await page.setViewportSize({ width: 1280, height: 720 });
  });

  it('keeps the decision through a reload', async () => {
    await page.reload();
    await open004();
    const item = findingOf('penalty.asymmetric');
    expect(await item.getAttribute('data-triage')).toBe('false_positive');
    expect(await item.getByTestId('triage-by').textContent()).toContain('对等');
    // Changed again: the first decision goes into the finding's record.
    await item.getByTestId('triage-status').selectOption('accepted');
    await item.getByTestId('triage-save').click();
    await expect.poll(() => item.getAttribute('data-triage')).toBe('accepted');
    await item.locator('.triage-history summary').click();
    expect(await item.locator('.triage-history li').allTextContents()).toEqual([
      expect.stringMatching(/李审：误报（甲方逾期付款的违约责任在第九条，对等）$/),
      expect.stringMatching(/李审：已确认$/),
    ]);
    await item.getByTestId('triage-status').selectOption('false_positive');
    await item.getByTestId('triage-note').fill('对等条款在第九条');
    await item.getByTestId('triage-save').click();
    await expect.poll(() => item.getAttribute('data-triage')).toBe('false_positive');
  });

  it('keeps a 误报 dismissed after a newer analyser reads the contract again', async () => {
    await app.close();
    rewriteStoreData(dir, (data) => {
      for (const c of data.contracts) c.report.analyzerVersion = undefined;
    });
    app = await launchApp('qiyue-e2e-triage-', dir);
    page = app.page;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(app.harness.url);
    await expect
      .poll(() => page.getByTestId('reanalysis').textContent(), { timeout: 60_000 })
      .toContain('已用新版分析器重新分析 3 份合同');
    await open004();
    const item = findingOf('penalty.asymmetric');
    expect(await item.getAttribute('data-triage')).toBe('false_positive');
    expect(await item.getByTestId('triage-by').textContent()).toContain('对等条款在第九条');
    expect((await app.harness.store.get(id004)).report.analyzerVersion).toBeGreaterThan(0);
  });

  it('shows the contract 审阅中 in the library, with one open medium finding fewer', async () => {
    await page.getByTestId('back').click();
    const row004 = rows().filter({ hasText: '004_df6ca03d82af185a.pdf' });
    await expect.poll(() => row004.getByTestId('review-state').textContent()).toBe('审阅中');
    expect(await row004.getByTestId('risk').textContent()).toBe('高 2中 1');
    await page.getByTestId('library-state-filter').selectOption('in_review');
    await expect.poll(() => rows().count()).toBe(1);
    await page.getByTestId('library-state-filter').selectOption('all');
    await page.getByTestId('library-high-filter').check();
    const withHigh = (await app.harness.store.list())
      .map(summaryOf)
      .filter((s) => s.findings.open.high > 0).length;
    await expect.poll(() => rows().count()).toBe(withHigh);
    expect(app.errors).toEqual([]);
    expect(app.externalRequests).toEqual([]);
  });

  it('prints the report to PDF: its pages hold the findings and the decision', async () => {
    await open004();
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export-pdf').click(),
    ]);
    expect(pdf.suggestedFilename()).toBe('审阅报告-004_df6ca03d82af185a.pdf');
    const file = (await pdf.path())!;
    expect(fs.readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const info = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1]);
    expect(pages).toBeGreaterThan(1);
    // A4: 595 × 842 pt (Chromium rounds to whole points).
    expect(info.stdout, info.stdout).toMatch(/Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts/);
    const text = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
    const flat = text.replace(/\s+/g, '');
    for (const words of [
      '合同审阅报告',
      '二、问题',
      '三、违约金条款',
      '误报（李审',
      '北京慧正通软科技有限公司',
    ])
      expect(flat, words).toContain(words);
    // Personal ID numbers stay masked on paper too.
    expect(flat).not.toMatch(/\d{17}[\dX]/);
    await page.screenshot({ path: path.join(SCREENSHOTS, 'triage-print-1280x720.png') });
  });
});
