/**
 * The obligation checklist over the service period (issue 4), on the seeds' own obligations:
 * 001's daily inspections and monthly summaries, 000's monthly/quarterly/annual reports, 004's
 * daily and weekly checks, and one-off items dated from the contract's dates.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/main/import/index';
import { analyzeDocument, type Analysis } from '../../shared/domain/analyze';
import { checklistItems } from '../../shared/domain/obligations/schedule';
import {
  applyChange,
  checklistCsv,
  emptyState,
  type ChecklistRow,
} from '../../shared/domain/checklist';
import JSZip from 'jszip';
import { checklistXlsx } from '../../electron/main/export/checklist-xlsx';
import { seedPath } from '../support/seeds';

const analyses = new Map<string, Analysis>();
beforeAll(async () => {
  for (const name of [
    '000_0afe16271ab3c86a',
    '001_18cfc68e7d229bba',
    '003_2fd1bbbed6f06600',
    '004_df6ca03d82af185a',
  ]) {
    const file = seedPath(name, 'txt');
    analyses.set(
      name,
      analyzeDocument(await importFile(file, new Uint8Array(fs.readFileSync(file)))),
    );
  }
});

function items(name: string, events = {}) {
  const a = analyses.get(name)!;
  const p = a.contract.servicePeriod!;
  return checklistItems(
    a.obligations,
    { start: p.start, end: p.end },
    { signedOn: a.contract.signedOn, serviceEnd: p.end, ...events },
  );
}

describe('checklist schedule', () => {
  it('001: a daily inspection falls due every day of the 18-month period, monthly summaries at each month end', () => {
    const list = items('001_18cfc68e7d229bba');
    const daily = list.filter(
      (i) => i.frequency === 'daily' && i.action.includes('网站每日巡检1次'),
    );
    const firstDaily = daily.filter((i) => i.obligationId === daily[0].obligationId);
    expect(firstDaily.length).toBe(549); // 2026-05-20 … 2027-11-19
    expect(firstDaily[0].dueDate).toBe('2026-05-20');
    expect(firstDaily[firstDaily.length - 1].dueDate).toBe('2027-11-19');
    const monthly = list.filter(
      (i) => i.frequency === 'monthly' && i.action.includes('每月汇总提交甲方'),
    );
    expect(monthly.map((i) => i.dueDate).slice(0, 3)).toEqual([
      '2026-05-31',
      '2026-06-30',
      '2026-07-31',
    ]);
    expect(monthly[monthly.length - 1].dueDate).toBe('2027-11-19');
    expect(monthly[0].deliverable).toBe('《日常巡检记录》');
  });

  it('000: monthly, quarterly and annual reports over the year from signing', () => {
    const list = items('000_0afe16271ab3c86a');
    const q = list
      .filter((i) => i.frequency === 'quarterly' && i.deliverable === '《季度运维服务报告》')
      .map((i) => i.dueDate);
    expect(q).toEqual(['2026-06-30', '2026-09-30', '2026-12-31', '2027-03-31', '2027-06-25']);
    const annual = list
      .filter((i) => i.frequency === 'annual' && i.deliverable === '《年度运维服务报告》')
      .map((i) => i.dueDate);
    expect(annual).toEqual(['2027-06-25']);
  });

  it('004: weekly server checks every 7 days from the start', () => {
    const weekly = items('004_df6ca03d82af185a').filter((i) => i.frequency === 'weekly');
    expect(weekly[0].dueDate).toBe('2024-06-15');
    expect(weekly[1].dueDate).toBe('2024-06-22');
  });

  it('003: one-off items dated from the contract’s own dates, or waiting for the event', () => {
    const once = items('003_2fd1bbbed6f06600').filter((i) => i.frequency === 'once');
    const acceptance = once.find((i) => i.action.startsWith('甲方应组织项目验收'));
    expect(acceptance).toMatchObject({ party: 'partyA', dueDate: '2026-07-26' }); // service end 2026-06-26 + 30 days
    const handover = once.find((i) => i.action.includes('项目资料'));
    expect(handover).toMatchObject({ party: 'partyB', dueDate: null });
    expect(handover!.basis).toContain('验收合格');
    const withAcceptance = items('003_2fd1bbbed6f06600', { acceptanceDate: '2026-08-10' }).find(
      (i) => i.id === handover!.id,
    );
    expect(withAcceptance!.dueDate).toBe('2026-09-10');
  });
});

describe('checklist state and export', () => {
  it('records who changed what when, and exports CSV with a BOM', () => {
    const s1 = applyChange(undefined, {
      status: 'in_progress',
      note: '已安排',
      by: '张审',
      at: '2026-11-21T08:00:00.000Z',
    });
    const s2 = applyChange(s1, {
      status: 'done',
      note: '已提交《日常巡检记录》',
      by: '李审',
      at: '2026-11-22T08:00:00.000Z',
    });
    expect(s2.status).toBe('done');
    expect(s2.history.map((h) => [h.by, h.status])).toEqual([
      ['张审', 'in_progress'],
      ['李审', 'done'],
    ]);
    const item = items('001_18cfc68e7d229bba')[0];
    const rows: ChecklistRow[] = [
      {
        ...item,
        contractId: 'x',
        contractTitle: '运维合同, "一期"',
        clause: '四、服务要求',
        page: 3,
        state: s2,
      },
      {
        ...item,
        id: 'y',
        contractId: 'x',
        contractTitle: '运维合同',
        clause: null,
        page: null,
        state: emptyState(),
      },
    ];
    const csv = checklistCsv(rows);
    expect(csv.startsWith('\ufeff合同,责任方,事项')).toBe(true);
    // Each item cites its clause and page.
    expect(csv).toContain(',四、服务要求,3,已完成,');
    expect(csv).toContain('"运维合同, ""一期"""');
    expect(csv).toContain('已完成');
    expect(csv.split('\r\n').length).toBe(4);
  });

  it('exports a note a spreadsheet would run as a formula as text (CSV and XLSX)', async () => {
    const item = items('001_18cfc68e7d229bba')[0];
    const notes = ['=HYPERLINK("http://x","点此")', '+cmd|calc', '-2+3', '@SUM(A1)', '普通备注'];
    const rows: ChecklistRow[] = notes.map((note, i) => ({
      ...item,
      id: `i${i}`,
      contractId: 'x',
      contractTitle: '运维合同',
      clause: null,
      page: null,
      state: applyChange(undefined, {
        status: 'done',
        note,
        by: '张审',
        at: '2026-11-21T08:00:00.000Z',
      }),
    }));
    const csv = checklistCsv(rows);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"",""点此"")"`);
    for (const inert of ["'+cmd|calc", "'-2+3", "'@SUM(A1)", ',普通备注,'])
      expect(csv).toContain(inert);
    // XLSX cells are typed strings: no formula element anywhere in the sheet.
    const zip = await JSZip.loadAsync(await checklistXlsx(rows));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).not.toContain('<f>');
    const strings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(strings).toContain('=HYPERLINK(');
  });
});

describe('monthly duties due on a day the contract names', () => {
  it('每月5日前提交上月… falls due on the 5th of the next month; 每月25日前…当月 on the 25th', () => {
    const a = analyzeDocument({
      format: 'txt',
      text: '一、服务期限\n服务期限：2026年1月1日至2026年3月31日。\n二、服务内容\n乙方应于每月5日前提交上月《运维月报》。\n乙方应于每月25日前提交当月《巡检汇总》。\n',
      pageCount: null,
      boxes: null,
    });
    expect(a.obligations.map((o) => [o.frequency, o.deadline])).toEqual([
      ['monthly', '每月5日前'],
      ['monthly', '每月25日前'],
    ]);
    const due = (id: string) =>
      checklistItems(a.obligations, a.contract.servicePeriod!, {})
        .filter((i) => i.obligationId === id)
        .map((i) => i.dueDate);
    expect(due('o1')).toEqual(['2026-02-05', '2026-03-05', '2026-04-05']);
    expect(due('o2')).toEqual(['2026-01-25', '2026-02-25', '2026-03-25']);
  });
});
