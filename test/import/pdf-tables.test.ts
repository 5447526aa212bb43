/**
 * Tables in PDFs as word processors and browsers print them (`make-table-pdfs.ts`): every cell
 * its own text run, a condition cell wrapping onto two lines, cells vertically centred or
 * top-aligned. Each row must read as one line of tab-separated cells, so the payment schedule
 * gives its installments and the service-level table its limits, anchored on the page.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/main/import/index';
import { analyzeDocument } from '../../shared/domain/analyze';
import { anchorFor } from '../../shared/domain/document';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');

describe.each(['tables-centred.pdf', 'tables-top.pdf'])('%s', (name) => {
  it('reads each table row as one line of cells', async () => {
    const file = path.join(fixtures, name);
    const doc = await importFile(file, new Uint8Array(fs.readFileSync(file)));
    expect(doc.text).toContain(
      '第一期\t合同签订后且乙方提交履约保函后15个工作日内\t30%\t360,000.00\n',
    );
    expect(doc.text).toContain('二级（较大故障）\t30分钟\t2小时\t8小时\n');
    const a = analyzeDocument(doc);
    expect(a.contract.paymentInstallments.map((i) => [i.percent, i.yuan, i.condition])).toEqual([
      ['30', '360000.00', '合同签订后且乙方提交履约保函后15个工作日内'],
      ['40', '480000.00', '项目中期考核合格后15个工作日内'],
      ['30', '360000.00', '项目终验合格后15个工作日内'],
    ]);
    // The first installment waits for the bank guarantee; its 30 % is not the bond.
    expect(a.contract.performanceBond).toBeNull();
    expect(a.serviceLevels.map((s) => [s.level, s.metric, s.minutes])).toEqual([
      ['一级（重大故障）', 'response', 15],
      ['一级（重大故障）', 'onsite', 60],
      ['一级（重大故障）', 'resolution', 240],
      ['二级（较大故障）', 'response', 30],
      ['二级（较大故障）', 'onsite', 120],
      ['二级（较大故障）', 'resolution', 480],
    ]);
    // The wrapped condition keeps the boxes of both its lines, on page 1.
    const at = doc.text.indexOf('合同签订后且乙方提交履约保函后15个工作日内');
    const anchor = anchorFor(doc, at, at + '合同签订后且乙方提交履约保函后15个工作日内'.length);
    expect(anchor.positions.map((p) => [p.pageIndex, p.rects.length])).toEqual([[0, 2]]);
  });
});
