/**
 * `npm run compare` on the five seed PDFs (issue 5): the matrix has rows for total amount,
 * installments and the late-delivery and late-payment penalty rates, with the seeds' values and
 * whom each favours (a higher 乙方 penalty favours 甲方, a higher 甲方 one 乙方); a readable table
 * by default, JSON and CSV on request, CSV with one line per row.
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
    // 乙方 pays it: 004's 1 %/day favours 甲方 most, 000's 0.1 %/day 乙方.
    expect(lateDelivery.binds).toBe('partyB');
    expect(lateDelivery.bestFor).toEqual({
      partyA: [id('004_df6ca03d82af185a')],
      partyB: [id('000_0afe16271ab3c86a')],
    });
    const latePayment = row('penalty.partyA.late_payment.per_day');
    expect(latePayment.cells[id('000_0afe16271ab3c86a')].display).toContain('0.1%/日 · 逾期金额');
    // 甲方 pays late-payment penalties: the shortest time before 乙方 may terminate (003's 15
    // days) favours 乙方.
    expect(row('penalty.partyA.late_payment.per_day.termination').bestFor.partyB).toEqual([
      id('003_2fd1bbbed6f06600'),
    ]);
    // 甲方's own termination penalty: a higher one favours 乙方, never "strictest for 乙方".
    const aTermination = m.rows.find(
      (x: { term: { kind: string; payer?: string; trigger?: string } }) =>
        x.term.kind === 'penalty' &&
        x.term.payer === 'partyA' &&
        x.term.trigger === 'unilateral_termination',
    );
    expect(aTermination.binds).toBe('partyA');
    expect(row('totalAmount').cells[id('003_2fd1bbbed6f06600')].display).toBe('6,980,000.00');
    // Each cell points at its clause and page.
    expect(lateDelivery.cells[id('004_df6ca03d82af185a')].page).toBeGreaterThan(1);
  });

  it('prints a readable table by default: supplier and date heads, whom each term favours', () => {
    const r = run(pdfs.slice(0, 3));
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^┌/);
    expect(r.stdout).toContain('对谁有利');
    expect(r.stdout).toMatch(/内蒙古云泽智慧信息技术 · 2026-06-/);
    // One term per row, amounts grouped.
    expect(lines.find((l) => l.includes('合同总金额（元）'))).toContain('280,000.00');
    expect(r.stdout).toContain('越高越有利于甲方');
    expect(r.stdout).toContain('（最利甲方）');
  });

  it('prints CSV, one line per term', () => {
    const r = run(['--format', 'csv', ...pdfs.slice(0, 2)]);
    expect(r.status).toBe(0);
    expect(r.stdout.startsWith('\ufeff条款,对谁有利,')).toBe(true);
    expect(r.stdout).toContain('合同总金额（元）,,"280,000.00","375,980.00"');
  });

  it('refuses an unknown format', () => {
    expect(run(['--format', 'xml', pdfs[0]]).status).toBe(2);
  });
});
