/**
 * Review bundles and report exports (issue 5): a bundle exported from one data folder and
 * imported into another, each side having made different annotations on the same contract, ends
 * with both sides' annotations; a new folder receives the contract whole; exports carry the
 * annotations and scenarios.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { ContractStore } from '../../electron/main/store/store';
import { exportBundle, importBundle } from '../../electron/main/store/bundle';
import { createHandlers, dispatch } from '../../electron/main/ipc/handlers';
import { seedPath } from '../support/seeds';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-bundle-'));
const bytes = new Uint8Array(fs.readFileSync(seedPath('003_2fd1bbbed6f06600', 'pdf')));
const anchor = (quote: string, y: number) => ({
  start: 0,
  end: quote.length,
  quote,
  positions: [{ pageIndex: 0, rects: [[72, y, 300, y + 12] as [number, number, number, number]] }],
});

describe('review bundles', () => {
  it('merges both sides’ annotations on the same contract', async () => {
    const a = await ContractStore.open(tmp());
    const b = await ContractStore.open(tmp());
    const { contract } = await a.importContract('003.pdf', bytes);
    await b.importContract('003.pdf', bytes);
    const shared = await a.addAnnotation(
      contract.id,
      {
        anchor: anchor('贵州省民政厅', 610),
        comment: '甲方主体',
        tags: [],
        status: 'pending',
        by: '甲审',
      },
      new Date('2026-11-20T08:00:00Z'),
    );
    await a.addAnnotation(contract.id, {
      anchor: anchor('贵州大数据产业集团有限公司', 585),
      comment: 'A 的批注',
      tags: ['主体'],
      status: 'question',
      by: '甲审',
    });
    await b.addAnnotation(contract.id, {
      anchor: anchor('孙拥辉', 480),
      comment: 'B 的批注',
      tags: [],
      status: 'confirmed',
      by: '乙审',
    });
    await b.updateChecklist(contract.id, 'o1@once', {
      status: 'done',
      note: 'B 已核',
      by: '乙审',
      now: new Date('2026-11-21T09:00:00Z'),
    });

    // A's shared annotation also reaches B through an earlier bundle, and B edits it later.
    await importBundle(b, await exportBundle(a, [contract.id]));
    await b.changeAnnotation(
      contract.id,
      shared.id,
      { comment: '甲方主体（B 补充）', by: '乙审' },
      new Date('2026-11-21T10:00:00Z'),
    );

    const result = await importBundle(a, await exportBundle(b, null));
    expect(result).toEqual({ added: [], merged: [contract.id] });
    const merged = (await a.get(contract.id)).annotations!;
    expect(merged.map((x) => x.comment).sort()).toEqual([
      'A 的批注',
      'B 的批注',
      '甲方主体（B 补充）',
    ]);
    expect(merged.find((x) => x.id === shared.id)!.history.map((h) => h.action)).toEqual([
      'created',
      'updated',
    ]);
    expect((await a.get(contract.id)).checklist!['o1@once'].note).toBe('B 已核');

    // A new folder gets the contract whole, with its file.
    const c = await ContractStore.open(tmp());
    expect(await importBundle(c, await exportBundle(a, null))).toEqual({
      added: [contract.id],
      merged: [],
    });
    const got = await c.get(contract.id);
    expect(got.annotations).toHaveLength(3);
    expect((await c.readOriginal(contract.id)).bytes).toEqual(bytes);
    expect(await c.ndaTerms(contract.id)).toHaveLength(2);
  });

  it('refuses what is not a bundle, and a bundle whose file was altered', async () => {
    const s = await ContractStore.open(tmp());
    await expect(importBundle(s, new Uint8Array([1, 2, 3]))).rejects.toMatchObject({
      code: 'wrong-type',
    });
    const a = await ContractStore.open(tmp());
    const { contract } = await a.importContract('003.pdf', bytes);
    const zip = await JSZip.loadAsync(await exportBundle(a, null));
    zip.file(`files/${contract.id}.pdf`, new Uint8Array([37, 80, 68, 70]));
    await expect(
      importBundle(s, await zip.generateAsync({ type: 'uint8array' })),
    ).rejects.toMatchObject({ code: 'corrupt' });
    expect(await s.list()).toEqual([]);
  });
});

describe('report exports', () => {
  it('exports JSON with annotations and scenarios, printable HTML and XLSX', async () => {
    const store = await ContractStore.open(tmp());
    const handlers = createHandlers(store);
    const { contract } = await store.importContract('003.pdf', bytes);
    await store.addAnnotation(contract.id, {
      anchor: anchor('贵州省民政厅', 610),
      comment: '核对',
      tags: [],
      status: 'pending',
      by: '甲审',
    });
    await store.saveScenario(contract.id, {
      name: '逾期16日',
      calculator: 'penalty',
      inputs: {},
      totalYuan: '460680.00',
      summary: '…',
    });
    const json = (await dispatch(handlers, 'report:export', {
      id: contract.id,
      format: 'json',
    })) as { ok: true; value: { bytes: Uint8Array } };
    const report = JSON.parse(new TextDecoder().decode(json.value.bytes));
    expect(report.schemaVersion).toBe(1);
    expect(report.annotations[0].comment).toBe('核对');
    expect(report.scenarios[0].totalYuan).toBe('460680.00');
    expect(report.ndaReview.disagreements.length).toBeGreaterThan(0);
    const html = (await dispatch(handlers, 'report:export', {
      id: contract.id,
      format: 'html',
    })) as { ok: true; value: { bytes: Uint8Array } };
    const text = new TextDecoder().decode(html.value.bytes);
    expect(text).toContain('省民政厅2025年度信息化运维项目服务合同');
    expect(text).toContain('大写金额不符');
    expect(text).toContain('@page');
    const xlsx = (await dispatch(handlers, 'report:export', {
      id: contract.id,
      format: 'xlsx',
    })) as { ok: true; value: { bytes: Uint8Array } };
    expect([xlsx.value.bytes[0], xlsx.value.bytes[1]]).toEqual([0x50, 0x4b]);
  });
});
