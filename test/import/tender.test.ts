/**
 * A tender (招标文件) with the contract as one chapter inside, as plain text with single line
 * breaks: the contract chapter's terms are read, the tender's own amounts (budget, ceiling, bid
 * bond) are not taken for the contract's, and the blank template fields stay blank.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/main/import/index';
import { analyzeDocument } from '../../shared/domain/analyze';

const file = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/tender-with-contract-chapter.txt',
);

describe('a tender with the contract as a chapter', () => {
  it('reads the contract chapter and invents nothing', async () => {
    const a = analyzeDocument(await importFile(file, new Uint8Array(fs.readFileSync(file))));
    expect(a.contract.title).toBe('政府采购服务合同');
    expect(a.contract.projectNumbers).toEqual(['ZB-2026-0088']);
    expect(a.contract.parties).toEqual([
      {
        role: 'partyA',
        name: '某市大数据管理局',
        legalRepresentative: null,
        address: null,
        phone: null,
      },
    ]);
    expect(a.contract.totalAmount).toBeNull(); // the template's amount is blank; the budget is not the price
    expect(a.contract.performanceBond).toBeNull(); // a bid bond (投标保证金) is not a performance bond
    expect(a.contract.paymentInstallments.map((i) => [i.percent, i.condition])).toEqual([
      ['60', '合同签订后10个工作日内'],
      ['40', '验收合格后10个工作日内'],
    ]);
    expect(
      a.penaltyRules.map((r) => [
        r.payer,
        r.trigger,
        r.kind,
        r.percent,
        r.base,
        r.terminationAfterDays,
      ]),
    ).toEqual([
      ['partyB', 'late_delivery', 'per_day', '0.5', 'contract_total', 20],
      ['partyA', 'late_payment', 'per_day', '0.05', 'overdue_amount', null],
    ]);
    expect(a.serviceLevels.map((s) => [s.metric, s.minutes])).toEqual([
      ['response', 30],
      ['onsite', 240],
    ]);
    expect(a.findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['penalty.asymmetric', 'date.incomplete']),
    );
  });
});
