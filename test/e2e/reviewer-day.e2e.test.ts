/**
 * End to end for issue 10: a reviewer's day by keyboard and in either language, in Debian's
 * Chromium through the loopback harness. Seed 004 is reviewed without the mouse (open it from
 * the library, move through the outline, reach the PDF and scroll it, jump to a finding, go
 * back); every panel cites its clauses; settings are reached from the library; the interface is
 * switched to English with no Chinese left in the chrome and back; and every screen is shot at
 * 1280×720 and 1920×1080 into test-output/e2e/screens/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchAppWith, SCREENSHOTS, type AppSession } from './browser';
import { SEED_NAMES, seedPath } from '../support/seeds';

const SCREENS = path.join(SCREENSHOTS, 'screens');
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

let app: AppSession;
let page: Page;

beforeAll(async () => {
  app = await launchAppWith(
    'qiyue-e2e-day-',
    SEED_NAMES.map((n) => seedPath(n, 'pdf')),
  );
  page = app.page;
  fs.mkdirSync(SCREENS, { recursive: true });
});

afterAll(async () => {
  await app?.close();
});

/** Shoots the screen as it is at both sizes (and returns to the first). */
async function shoot(name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await page.screenshot({ path: path.join(SCREENS, `${name}-${size.width}x${size.height}.png`) });
  }
  await page.setViewportSize(SIZES[0]);
}

/** Presses Tab until `testId` has the focus; fails after `max` presses. @returns the presses */
async function tabTo(testId: string, max = 40): Promise<number> {
  for (let i = 1; i <= max; i++) {
    await page.keyboard.press('Tab');
    if (
      await page.evaluate(
        (id) => document.activeElement?.closest(`[data-testid="${id}"]`) !== null,
        testId,
      )
    )
      return i;
  }
  throw new Error(`${testId} not reached in ${max} Tab presses`);
}

/** The text the chrome shows, leaving out what is the documents' own (`lang="zh-CN"`). */
async function chromeText(): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (n: Node) => {
      if (n.nodeType === Node.TEXT_NODE) out.push(n.textContent ?? '');
      else if (n instanceof HTMLElement) {
        // The documents' own words are marked lang="zh-CN" (chrome inside them, lang="en").
        if (n.closest('[lang]')?.getAttribute('lang') === 'zh-CN') return;
        if (n.matches('canvas, .textLayer, .pdf-page, script, style')) return;
        const attrs = ['title', 'placeholder', 'aria-label'].map((a) => n.getAttribute(a) ?? '');
        out.push(...attrs);
        n.childNodes.forEach(walk);
      }
    };
    walk(document.body);
    return out.join('\n');
  });
}

/** Chinese outside quotation marks (an English message may quote the document's words). */
const CJK = {
  test: (line: string) => /[\u3400-\u9fff]/.test(line.replace(/"[^"]*"|“[^”]*”/g, '')),
};

describe('a reviewer’s day', () => {
  it('reviews seed 004 by keyboard alone: outline, PDF, a finding, and back', async () => {
    await page.setViewportSize(SIZES[0]);
    await page.goto(app.harness.url);
    await page.getByTestId('contract-list').waitFor();
    // At rest the window asks main nothing: no render loop polling the installation or vault.
    const calls: string[] = [];
    const count = (r: { url(): string }) => r.url().includes('/ipc/') && calls.push(r.url());
    page.on('request', count);
    await page.waitForTimeout(2000);
    page.off('request', count);
    expect(calls).toEqual([]);
    await shoot('library');
    // Open 004 from the library by keyboard: its 打开 button, Enter.
    const row = page
      .getByTestId('contract-list')
      .locator('tbody tr', { hasText: '北京慧正通软科技有限公司' });
    await row.getByTestId('open').focus();
    await page.keyboard.press('Enter');
    // The open tab has the focus; the outline is one Tab stop away, its clauses move with ↓.
    await page.getByTestId('outline').waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('role')))
      .toBe('tab');
    await page.keyboard.press('Tab');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.classList.contains('outline-item')))
      .toBe(true);
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowDown');
    const fifth = await page.evaluate(() => document.activeElement?.getAttribute('data-clause-id'));
    expect(fifth).toBe('c5');
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="highlight"]').first().waitFor();
    await shoot('contract-outline');
    // The PDF is reached in a few Tab presses, not one per clause, and scrolls by keyboard.
    const presses = await tabTo('pdf-viewer');
    expect(presses).toBeLessThan(15);
    const scroll = page.getByTestId('pdf-scroll');
    const before = await scroll.evaluate((el) => el.scrollTop);
    await page.keyboard.press('PageDown');
    await expect.poll(() => scroll.evaluate((el) => el.scrollTop)).toBeGreaterThan(before + 200);
    const afterPageDown = await scroll.evaluate((el) => el.scrollTop);
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => scroll.evaluate((el) => el.scrollTop)).toBeGreaterThan(afterPageDown);
    await page.keyboard.press('Space');
    await expect
      .poll(() => scroll.evaluate((el) => el.scrollTop))
      .toBeGreaterThan(afterPageDown + 200);
    // Back to the tabs (Shift+Tab), → to 问题, into the list, Enter on the first finding.
    await page.getByTestId('tab-outline').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('tab-findings');
    await page.getByTestId('findings').waitFor();
    await tabTo('finding-item');
    await page.keyboard.press('Enter');
    // The highlight lands inside the visible part of the PDF, below its toolbar.
    const hl = page.locator('[data-testid="highlight"]').first();
    await hl.waitFor();
    await expect
      .poll(async () => {
        const box = await hl.boundingBox();
        const view = await scroll.boundingBox();
        return !!box && !!view && box.y >= view.y && box.y + box.height <= view.y + view.height;
      })
      .toBe(true);
    await shoot('contract-findings');
    // At 300 % the jump scrolls across as well, so the highlight is in view, not off to a side.
    await page.getByTestId('pdf-viewer').focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Control+=');
    await expect.poll(() => page.getByTestId('zoom').textContent()).toBe('300%');
    await expect
      .poll(async () => {
        const box = await hl.boundingBox();
        const view = await scroll.boundingBox();
        return (
          !!box &&
          !!view &&
          box.x >= view.x &&
          box.x < view.x + view.width &&
          box.y >= view.y &&
          box.y < view.y + view.height
        );
      })
      .toBe(true);
    await shoot('contract-finding-300');
    await page.getByTestId('fit-width').click();
    await expect.poll(() => page.getByTestId('zoom').textContent()).not.toBe('300%');
    // An article shows with its body: 一、服务内容 highlights its sub-clauses' lines too.
    await page.getByTestId('tab-outline').click();
    await page.locator('.outline-item[data-clause-id="c1"]').click();
    await expect.poll(() => page.getByTestId('highlight').count()).toBeGreaterThan(5);
    // Esc (outside any field) goes back to the library.
    await page.getByTestId('tab-findings').focus();
    await page.keyboard.press('Escape');
    await page.getByTestId('contract-list').waitFor();
    expect(app.errors).toEqual([]);
  });

  it('cites the clause beside the page in every panel', async () => {
    await page
      .getByTestId('contract-list')
      .locator('tbody tr', { hasText: '北京慧正通软科技有限公司' })
      .getByTestId('open')
      .click();
    for (const [tab, panel] of [
      ['findings', 'findings'],
      ['penalties', 'penalty-table'],
      ['penalties', 'sla-table'],
      ['terms', 'key-terms'],
      ['calculators', 'penalty-calculator'],
      ['calculators', 'payment-schedule'],
      ['checklist', 'checklist'],
    ] as const) {
      await page.getByTestId(`tab-${tab}`).click();
      const refs = page.getByTestId(panel).getByTestId('clause-ref');
      await expect.poll(() => refs.count(), { message: panel }).toBeGreaterThan(0);
      // `一、1.(1) 服务器巡检 p.3`: a clause number and heading, then the page.
      expect(await refs.first().textContent(), panel).toMatch(/\S.*p\.\d+$|^\S+$/);
      expect(await refs.first().locator('.clause-cite').count(), panel).toBe(1);
      await shoot(`contract-${panel}`);
    }
    // A penalty row's clause: the number path of 违约责任 with its page.
    await page.getByTestId('tab-penalties').click();
    const penaltyRef = await page
      .getByTestId('penalty-table')
      .getByTestId('clause-ref')
      .allTextContents();
    expect(penaltyRef.join(' ')).toMatch(/十一、3\.\s*p\.8/);
    await page.getByTestId('back').click();
  });

  it('shows one contract imported as PDF, DOCX and an encrypted copy as one row with its files', async () => {
    const store = app.harness.store;
    const name = '001_18cfc68e7d229bba';
    await store.importContract(
      `${name}.docx`,
      new Uint8Array(fs.readFileSync(seedPath(name, 'docx'))),
    );
    await store.importContract(
      `${name}.encrypted.pdf`,
      new Uint8Array(fs.readFileSync(seedPath(`${name}.encrypted`, 'pdf'))),
      { password: 'user123' },
    );
    await page.goto(app.harness.url);
    const rows = page.getByTestId('contract-list').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(SEED_NAMES.length);
    const row = rows.filter({ hasText: '内蒙古自治区大数据中心' });
    const files = row.getByTestId('contract-files');
    expect(await files.locator('li').allTextContents()).toEqual([
      `PDF ${name}.pdf`,
      `加密 PDF ${name}.encrypted.pdf`,
      `DOCX ${name}.docx`,
    ]);
    await shoot('library-contract-files');
    // Each file opens on its own: the DOCX shows its text beside the analysis.
    await files.getByTestId('open-file').nth(2).click();
    await page.getByTestId('outline').waitFor();
    expect(await page.locator('.text-viewer').count()).toBe(1);
    await page.getByTestId('back').click();
  });

  it('reaches settings from the library, switches to English with no Chinese in the chrome, and back', async () => {
    await page.goto(app.harness.url);
    await page.getByTestId('contract-list').waitFor();
    await page.getByTestId('settings-open').click();
    await page.getByTestId('settings').waitFor();
    await shoot('settings-general');
    for (const s of ['playbook', 'calendar', 'data', 'about']) {
      await page.getByTestId(`settings-${s}`).click();
      await shoot(`settings-${s}`);
    }
    expect(await page.getByTestId('about-version').textContent()).toMatch(/^\d+\.\d+\.\d+/);
    await page.getByTestId('settings-data').click();
    expect(await page.getByTestId('settings-data-dir').textContent()).toBe(
      app.harness.store.dataDir,
    );
    await page.getByTestId('settings-general').click();
    await page.getByTestId('language').selectOption('en');
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.getByTestId('settings').textContent()).toContain('Interface language');
    // Every screen's chrome in English: the library, a contract's panels, the comparison.
    await page.getByTestId('back').click();
    await page.getByTestId('contract-list').waitFor();
    let chinese = (await chromeText()).split('\n').filter((l) => CJK.test(l));
    expect(chinese).toEqual([]);
    await shoot('en-library');
    await page
      .getByTestId('contract-list')
      .locator('tbody tr', { hasText: '北京慧正通软科技有限公司' })
      .getByTestId('open')
      .click();
    // Every tab of the contract, as the strip lists them.
    await page.getByTestId('outline').waitFor();
    const tabs = await page
      .getByRole('tablist')
      .first()
      .getByRole('tab')
      .evaluateAll((els) => els.map((el) => el.getAttribute('data-testid')!.replace('tab-', '')));
    expect(tabs.length).toBe(8);
    for (const tab of tabs) {
      await page.getByTestId(`tab-${tab}`).click();
      await page.waitForTimeout(200);
      chinese = (await chromeText()).split('\n').filter((l) => CJK.test(l));
      expect(chinese, tab).toEqual([]);
      await shoot(`en-contract-${tab}`);
    }
    await page.getByTestId('back').click();
    await page.getByTestId('select-all').check();
    await page.getByTestId('compare-selected').click();
    await page.getByTestId('matrix').waitFor();
    chinese = (await chromeText()).split('\n').filter((l) => CJK.test(l));
    expect(chinese).toEqual([]);
    await shoot('en-compare');
    await page.getByTestId('compare-tab-diff').click();
    await shoot('en-compare-diff');
    // The choice is kept: a reload comes back in English; then back to Chinese.
    await page.reload();
    await page.getByTestId('contract-list').waitFor();
    expect(await page.getByTestId('settings-open').textContent()).toBe('Settings');
    await page.getByTestId('settings-open').click();
    await page.getByTestId('language').selectOption('zh-CN');
    await expect.poll(() => page.getByTestId('settings-open').count()).toBe(0);
    await page.getByTestId('back').click();
    expect(await page.getByTestId('settings-open').textContent()).toBe('设置');
    await page.getByTestId('all-checklist').click();
    await page.getByTestId('checklist').waitFor();
    await shoot('all-checklist');
    await page.getByTestId('back').click();
    // The dark theme follows the system: the same screens, light text on dark surfaces.
    await page.emulateMedia({ colorScheme: 'dark' });
    const bg = await page.evaluate(
      () => getComputedStyle(document.documentElement).backgroundColor,
    );
    const [r, g, b] = bg.match(/\d+/g)!.map(Number);
    expect(r + g + b).toBeLessThan(150);
    await shoot('dark-library');
    await page
      .getByTestId('contract-list')
      .locator('tbody tr', { hasText: '北京慧正通软科技有限公司' })
      .getByTestId('open')
      .click();
    await page.getByTestId('tab-findings').click();
    await shoot('dark-contract-findings');
    await page.getByTestId('back').click();
    await page.emulateMedia({ colorScheme: 'light' });
    expect(app.errors).toEqual([]);
    expect(app.externalRequests).toEqual([]);
  });
});
