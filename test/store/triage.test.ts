/**
 * Triage of findings on seed 004 (issue 10 item 1): a decision with its note, reviewer and time;
 * its history; the counts and review state the library shows; decisions kept through a
 * re-analysis (matched by rule and quote); in the JSON, HTML and XLSX exports; carried by a
 * review bundle to another installation.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ContractStore } from '../../electron/main/store/store';
import { createHandlers, dispatch, summarize } from '../../electron/main/ipc/handlers';
import { exportBundle, importBundle } from '../../electron/main/store/bundle';
import { openInstallation } from '../../electron/main/identity';
import { reportHtml, reportJson, reportXlsx } from '../../electron/main/export/report';
import {
  decide,
  findingKey,
  mergeTriage,
  statusOf,
  triageCounts,
} from '../../shared/domain/triage';
import { seedPath } from '../support/seeds';
import { rewriteStoreData } from '../support/store-files';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-triage-'));
const seed = () => new Uint8Array(fs.readFileSync(seedPath('004_df6ca03d82af185a', 'txt')));
const extras = { deviations: [], disagreements: [] };

async function seeded() {
  const dir = tmp();
  const store = await ContractStore.open(dir);
  const { contract } = await store.importContract('004.txt', seed());
  const asymmetric = contract.report.findings.find((f) => f.ruleId === 'penalty.asymmetric')!;
  expect(asymmetric).toBeTruthy();
  return { dir, store, contract, asymmetric };
}

describe('triage in the domain', () => {
  it('keys a finding by rule and quote, white space aside', () => {
    const f = { ruleId: 'penalty.asymmetric', quote: '乙方 每日 1%' };
    expect(findingKey(f)).toMatch(/^penalty\.asymmetric:[0-9a-f]{8}$/);
    expect(findingKey({ ...f, quote: '乙方每日\n1%' })).toBe(findingKey(f));
    expect(findingKey({ ...f, quote: '乙方每日 2%' })).not.toBe(findingKey(f));
    expect(findingKey({ ...f, ruleId: 'field.blank' })).not.toBe(findingKey(f));
  });

  it('keeps earlier decisions as history, and merges two installations’ by time', () => {
    const f = { ruleId: 'field.blank', quote: '代表人：_____', severity: 'low' as const };
    const one = decide(undefined, f, {
      status: 'accepted',
      note: '',
      by: '甲',
      at: '2026-12-01T01:00:00Z',
    });
    const two = decide(one, f, {
      status: 'resolved',
      note: '已补',
      by: '甲',
      at: '2026-12-01T02:00:00Z',
    });
    expect(statusOf(two, f)).toBe('resolved');
    expect(two[findingKey(f)].history.map((h) => h.status)).toEqual(['accepted']);
    const theirs = decide(undefined, f, {
      status: 'false_positive',
      note: '模板空白',
      by: '乙',
      at: '2026-12-01T03:00:00Z',
    });
    const merged = mergeTriage(two, theirs, 'FP');
    expect(merged[findingKey(f)]).toMatchObject({ status: 'false_positive', by: '乙', via: 'FP' });
    expect(merged[findingKey(f)].history.map((h) => `${h.by}:${h.status}`)).toEqual([
      '甲:accepted',
      '甲:resolved',
    ]);
    // Mine wins when it is the later one.
    expect(mergeTriage(theirs, two)[findingKey(f)].status).toBe('false_positive');
    expect(triageCounts([f], merged)).toEqual({
      byStatus: { open: 0, accepted: 0, false_positive: 1, resolved: 0 },
      open: { high: 0, medium: 0, low: 0 },
    });
  });
});

describe('triage in the store', () => {
  it('records a decision with note, reviewer and time, and the one before it', async () => {
    const { store, contract, asymmetric } = await seeded();
    const first = await store.triageFinding(
      contract.id,
      asymmetric,
      { status: 'accepted', note: '乙方每日 1%，甲方无对等责任', by: '李审' },
      new Date('2026-12-02T01:00:00Z'),
    );
    expect(first).toMatchObject({
      ruleId: 'penalty.asymmetric',
      status: 'accepted',
      by: '李审',
      at: '2026-12-02T01:00:00.000Z',
      history: [],
    });
    const second = await store.triageFinding(
      contract.id,
      asymmetric,
      { status: 'false_positive', note: '甲方逾期付款另有第九条', by: '王审' },
      new Date('2026-12-02T02:00:00Z'),
    );
    expect(second.status).toBe('false_positive');
    expect(second.history).toEqual([
      {
        status: 'accepted',
        note: '乙方每日 1%，甲方无对等责任',
        by: '李审',
        at: '2026-12-02T01:00:00.000Z',
      },
    ]);
    await expect(
      store.triageFinding(
        contract.id,
        { ruleId: 'penalty.asymmetric', quote: '别的文字' },
        {
          status: 'accepted',
          note: '',
          by: '李审',
        },
      ),
    ).rejects.toMatchObject({ code: 'not-found' });
  });

  it('gives the library its open counts by severity and the review state', async () => {
    const { store, contract, asymmetric } = await seeded();
    const before = summarize(await store.get(contract.id));
    expect(before.reviewState).toBe('unreviewed');
    expect(before.findings.open).toEqual({ high: 2, medium: 2, low: 2 });
    await store.triageFinding(contract.id, asymmetric, {
      status: 'false_positive',
      note: '',
      by: '李审',
    });
    const after = summarize(await store.get(contract.id));
    expect(after.findings.open).toEqual({ high: 2, medium: 1, low: 2 });
    expect(after.findings.byStatus.false_positive).toBe(1);
    expect(after.reviewState).toBe('in_review');
    await store.signOff(contract.id, '李审', '');
    expect(summarize(await store.get(contract.id)).reviewState).toBe('signed_off');
  });

  it('is asked for through IPC with the reviewer’s name from settings, never the renderer’s', async () => {
    const { store, contract, asymmetric } = await seeded();
    const handlers = createHandlers(store);
    const req = {
      id: contract.id,
      ruleId: asymmetric.ruleId,
      quote: asymmetric.quote,
      status: 'resolved',
      note: '已改为双方对等',
    };
    expect(await dispatch(handlers, 'findings:triage', req)).toMatchObject({
      ok: false,
      error: { code: 'no-reviewer' },
    });
    await store.setReviewer('赵审');
    expect(await dispatch(handlers, 'findings:triage', req)).toMatchObject({
      ok: true,
      value: { record: { status: 'resolved', by: '赵审' } },
    });
    expect(await dispatch(handlers, 'findings:triage', { ...req, by: '冒名' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-request' },
    });
    expect(
      await dispatch(handlers, 'findings:triage', { ...req, status: 'ignored' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    const got = await dispatch(handlers, 'contracts:get', { id: contract.id });
    expect(got.ok && Object.values((got.value as { triage: object }).triage)).toHaveLength(1);
  });

  it('keeps a 误报 dismissed when a newer analyser reads the contract again', async () => {
    const { dir, store, contract, asymmetric } = await seeded();
    await store.triageFinding(contract.id, asymmetric, {
      status: 'false_positive',
      note: '对等条款在第九条',
      by: '李审',
    });
    // As an older Qiyue left it: no analyser version, so the next open analyses it again.
    rewriteStoreData(dir, (data) => {
      data.contracts[0].report.analyzerVersion = undefined;
    });
    const reopened = await ContractStore.open(dir);
    const { updated } = await reopened.reanalyzeOutdated();
    expect(updated).toEqual([contract.id]);
    const c = await reopened.get(contract.id);
    expect(c.report.analyzerVersion).toBeGreaterThan(0);
    const same = c.report.findings.find((f) => f.ruleId === 'penalty.asymmetric')!;
    expect(statusOf(c.triage, same)).toBe('false_positive');
    expect(summarize(c).findings.open.medium).toBe(1);
  });

  it('is in the JSON, HTML and XLSX exports', async () => {
    const { store, contract, asymmetric } = await seeded();
    await store.triageFinding(
      contract.id,
      asymmetric,
      { status: 'false_positive', note: '对等条款在第九条', by: '李审' },
      new Date('2026-12-02T01:30:00Z'),
    );
    const c = await store.get(contract.id);
    const json = reportJson(c, extras) as { triage: { status: string; note: string }[] };
    expect(json.triage).toMatchObject([{ ruleId: 'penalty.asymmetric', status: 'false_positive' }]);
    const html = reportHtml(c, extras);
    expect(html).toContain('<th>处理</th>');
    expect(html).toMatch(/误报（李审，2026-12-02 \d\d:30）：对等条款在第九条/);
    expect(html).toContain('<td>待处理</td>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportXlsx(c, extras)) as never);
    const sheet = wb.getWorksheet('问题')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '严重程度',
      '问题',
      '说明',
      '原文',
      '条款',
      '页',
      '处理',
      '处理说明',
      '处理人',
      '处理时间',
    ]);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const row = rows.find((r) => r[7] === '误报')!;
    expect(row).toBeTruthy();
    // The rule by its name, as a reviewer reads it, not its id; its clause cited.
    expect(row[2]).toBe('违约责任不对等');
    expect(row[5]).toMatch(/^[一二三四五六七八九十]+、/);
    expect(row.slice(8, 10)).toEqual(['对等条款在第九条', '李审']);
    // Penalties: parties and kinds as words, amounts as numbers a spreadsheet can sum.
    const penalties = wb.getWorksheet('违约金')!;
    const prow = penalties.getRow(2);
    expect(['甲方', '乙方']).toContain(prow.getCell(1).value);
    const pct = penalties
      .getColumn(4)
      .values.slice(2)
      .find((v) => v !== '' && v !== undefined);
    expect(typeof pct).toBe('number');
  });

  it('travels in a review bundle and merges with the receiver’s decisions', async () => {
    const a = await seeded();
    const b = await ContractStore.open(tmp());
    await b.importContract('004.txt', seed());
    await a.store.triageFinding(
      a.contract.id,
      a.asymmetric,
      { status: 'accepted', note: '须谈判', by: '甲审' },
      new Date('2026-12-02T03:00:00Z'),
    );
    await b.triageFinding(
      a.contract.id,
      a.asymmetric,
      { status: 'open', note: '', by: '乙审' },
      new Date('2026-12-02T01:00:00Z'),
    );
    const keyA = await openInstallation(a.store.dataDir);
    const keyB = await openInstallation(b.dataDir);
    const bundle = await exportBundle(a.store, keyA, null);
    const first = await importBundle(b, keyB, bundle);
    const done =
      first.status === 'imported'
        ? first
        : await importBundle(b, keyB, bundle, { trust: first.signer });
    expect(done.status).toBe('imported');
    const c = await b.get(a.contract.id);
    const record = c.triage![findingKey(a.asymmetric)];
    expect(record).toMatchObject({ status: 'accepted', by: '甲审', via: keyA.fingerprint });
    expect(record.history).toMatchObject([{ status: 'open', by: '乙审' }]);
  });
});
