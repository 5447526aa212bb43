/**
 * `npm run compare -- --format json` on the five seed PDFs (issue 5): the matrix has rows for
 * total amount, installments and the late-delivery and late-payment penalty rates, with the
 * seeds' values, strictest and most lenient marked; CSV has one line per row.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SEED_NAMES, seedPath } from '../support/seeds';

const run = (args: string[]) =>
  spawnSync(
    path.resolve('node_modules/.bin/tsx'),
    [
      'electron/cli/compare.ts',
      '--data-dir',
      fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-cmp-')),
      ...args,
    ],
    {
      encoding: 'utf8',
    },
  );

describe('compare command line', () => {
  const pdfs = SEED_NAMES.map((n) => seedPath(n, 'pdf'));

  it('prints the matrix as JSON with the seeds’ values', () => {
    const r = run(['--format', 'json', ...pdfs]);
    expect(r.status).toBe(0);
    const m = JSON.parse(r.stdout);
    const id = (name: string) => m.contracts[SEED_NAMES.indexOf(name)].id;
    const row = (key: string) => m.rows.find((x: { key: string }) => x.key === key);
    expect(row('totalAmount').cells[id('003_2fd1bbbed6f06600')].value).toBe('6980000.00');
    expect(row('installments').cells[id('001_18cfc68e7d229bba')].display).toBe('40% / 60%');
    const lateDelivery = row('penalty.partyB.late_delivery.per_day');
    expect(lateDelivery.cells[id('004_df6ca03d82af185a')].value).toBe('1');
    expect(lateDelivery.cells[id('000_0afe16271ab3c86a')].value).toBe('0.1');
    expect(lateDelivery.strictest).toEqual([id('004_df6ca03d82af185a')]);
    expect(lateDelivery.mostLenient).toEqual([id('000_0afe16271ab3c86a')]);
    const latePayment = row('penalty.partyA.late_payment.per_day');
    expect(latePayment.cells[id('000_0afe16271ab3c86a')].display).toContain('0.1%/日 · 逾期金额');
    expect(row('penalty.partyA.late_payment.per_day.termination').strictest).toEqual([
      id('003_2fd1bbbed6f06600'),
    ]);
    // Each cell points at its clause and page.
    expect(lateDelivery.cells[id('004_df6ca03d82af185a')].page).toBeGreaterThan(1);
  });

  it('prints CSV, one line per term', () => {
    const r = run(['--format', 'csv', ...pdfs.slice(0, 2)]);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('\ufeff条款,')).toBe(true);
    expect(r.stdout).toContain('合同总金额（元）,280000.00,375980.00');
  });

  it('refuses an unknown format', () => {
    expect(run(['--format', 'xml', pdfs[0]]).status).toBe(2);
  });
});
