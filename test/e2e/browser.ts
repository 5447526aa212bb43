/**
 * Shared end-to-end setup: a harness on a fresh data folder and Debian's Chromium driven by
 * playwright-core, with the flags this offline machine needs, page errors and any request
 * leaving the harness recorded.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHarness, type Harness } from './harness';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('test-output/e2e');

/** A running app in a browser. */
export interface AppSession {
  harness: Harness;
  browser: Browser;
  page: Page;
  /** Uncaught page errors and console errors (favicon requests aside). */
  errors: string[];
  /** Requests to anything but the harness, blob: or data: URLs. */
  externalRequests: string[];
  close(): Promise<void>;
}

/**
 * Starts the harness on a new temporary data folder (or on `dataDir`, a store prepared by the
 * test) and opens a 1440×900 page.
 */
export async function launchApp(prefix: string, dataDir?: string): Promise<AppSession> {
  if (!fs.existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install chromium`);
  if (!fs.existsSync('dist/renderer/index.html'))
    throw new Error('renderer not built: run npm run build');
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  // The app prints the report with Electron's printToPDF; here this browser's print does it, in
  // a context without scripts, as the app's hidden print window has none.
  let browser: Browser | null = null;
  const printToPdf = async (html: string): Promise<Uint8Array> => {
    const context = await browser!.newContext({ javaScriptEnabled: false });
    try {
      const p = await context.newPage();
      await p.setContent(html);
      return new Uint8Array(await p.pdf({ format: 'A4', printBackground: true }));
    } finally {
      await context.close();
    }
  };
  const harness = await startHarness(dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), prefix)), 0, {
    printToPdf,
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const errors: string[] = [];
  const externalRequests: string[] = [];
  page.on(
    'console',
    (m) => m.type() === 'error' && !/favicon/.test(m.text()) && errors.push(m.text()),
  );
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('request', (r) => {
    const url = r.url();
    if (!url.startsWith(harness.url) && !url.startsWith('blob:') && !url.startsWith('data:'))
      externalRequests.push(url);
  });
  return {
    harness,
    browser,
    page,
    errors,
    externalRequests,
    close: async () => {
      await browser.close();
      await harness.close();
    },
  };
}

/** {@link launchApp} with contract files (seed PDFs, fixtures) already imported into its store. */
export async function launchAppWith(prefix: string, files: string[]): Promise<AppSession> {
  const app = await launchApp(prefix);
  for (const file of files) {
    await app.harness.store.importContract(
      path.basename(file),
      new Uint8Array(fs.readFileSync(file)),
    );
  }
  return app;
}

/**
 * Selects the whole text of the first element matching `selector` that contains `words`, as a
 * reviewer's drag over it would, and releases the mouse there (what starts an annotation).
 */
export async function selectWords(page: Page, selector: string, words: string): Promise<void> {
  await page.evaluate(
    ({ selector, words }) => {
      const el = [...document.querySelectorAll(selector)].find((s) =>
        s.textContent?.includes(words),
      )!;
      el.scrollIntoView({ block: 'center' });
      const range = document.createRange();
      range.selectNodeContents(el);
      const sel = window.getSelection()!;
      sel.removeAllRanges();
      sel.addRange(range);
      el.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    },
    { selector, words },
  );
}
