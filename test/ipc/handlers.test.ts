/**
 * IPC handlers: channels are allow-listed, payloads validated with the contract's schemas in
 * main, errors come back in the `{ ok: false, error: { code, message } }` shape, never thrown.
 */
import fs from 'node:fs';
import { blankScanPdf } from '../support/image-pdf';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { ContractStore } from '../../electron/main/store/store';
import { createHandlers, dispatch } from '../../electron/main/ipc/handlers';
import { CHANNELS } from '../../shared/ipc/contract';
import { CHANNEL_NAMES } from '../../shared/ipc/channels';
import { seedPath } from '../support/seeds';

let handlers: ReturnType<typeof createHandlers>;
let store: ContractStore;

beforeAll(async () => {
  store = await ContractStore.open(fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-ipc-')));
  handlers = createHandlers(store);
});

describe('IPC dispatch', () => {
  it('the preload allow-list names exactly the contract’s channels', () => {
    expect([...CHANNEL_NAMES].sort()).toEqual([...CHANNELS].sort());
  });

  it.each<[string, string, unknown]>([
    ['unknown channel', 'fs:readFile', { path: '/etc/passwd' }],
    ['prototype key as channel', '__proto__', {}],
    ['extra field', 'contracts:list', { sneaky: true }],
    ['id that is not a SHA-256', 'contracts:get', { id: '../../etc/passwd' }],
    ['bytes as a plain array', 'contracts:import', { fileName: 'a.pdf', bytes: [37, 80, 68, 70] }],
    ['missing file name', 'contracts:import', { bytes: new Uint8Array(3) }],
    ['payload that is not an object', 'contracts:list', 'list everything'],
    ...['../../etc/passwd', '__proto__', 'constructor'].map(
      (itemId) =>
        [
          `checklist item id ${itemId}`,
          'checklist:update',
          { id: 'a'.repeat(64), itemId, status: 'done', note: '' },
        ] as [string, string, unknown],
    ),
    [
      'a bundle trust that is not a fingerprint',
      'bundle:import',
      { bytes: new Uint8Array(3), trust: 'anything' },
    ],
  ])('refuses %s with invalid-request', async (_label, channel, payload) => {
    const res = await dispatch(handlers, channel, payload);
    expect(res.ok).toBe(false);
    if (!res.ok) {
      expect(res.error.code).toBe('invalid-request');
      expect(res.error.message.length).toBeGreaterThan(10);
    }
  });

  it('imports, lists, gets and serves the original file', async () => {
    const bytes = new Uint8Array(fs.readFileSync(seedPath('001_18cfc68e7d229bba', 'pdf')));
    const imported = await dispatch(handlers, 'contracts:import', { fileName: '001.pdf', bytes });
    expect(imported.ok).toBe(true);
    const list = await dispatch(handlers, 'contracts:list', {});
    expect(list).toMatchObject({
      ok: true,
      value: [{ partyA: '内蒙古自治区大数据中心', totalYuan: '375980.00', signedOn: '2026-05-20' }],
    });
    const id = (list as { value: { id: string }[] }).value[0].id;
    const got = await dispatch(handlers, 'contracts:get', { id });
    expect(got).toMatchObject({
      ok: true,
      value: { summary: { id }, report: { schemaVersion: 1 } },
    });
    const file = await dispatch(handlers, 'contracts:file', { id });
    expect(file.ok && (file.value as { bytes: Uint8Array }).bytes).toEqual(bytes);
  });

  it('reports import errors with their code', async () => {
    const res = await dispatch(handlers, 'contracts:import', {
      fileName: 'blank.pdf',
      bytes: await blankScanPdf(),
    });
    expect(res).toMatchObject({ ok: false, error: { code: 'no-text-layer' } });
    const missing = await dispatch(handlers, 'contracts:get', { id: 'a'.repeat(64) });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('keeps the playbook with its standard clause; one saved before the clause existed gets the default', async () => {
    const got = (await dispatch(handlers, 'playbook:get', {})) as {
      ok: true;
      value: { standardClause: string };
    };
    expect(got.value.standardClause).toContain('保密期限为合同终止后2年');
    // A playbook as an earlier Qiyue saved it: no standardClause.
    const { standardClause: _omitted, ...old } = got.value as Record<string, unknown>;
    void _omitted;
    expect(await dispatch(handlers, 'playbook:set', { playbook: old })).toMatchObject({ ok: true });
    const again = (await dispatch(handlers, 'playbook:get', {})) as typeof got;
    expect(again.value.standardClause).toBe(got.value.standardClause);
    // An edited wording is kept; an oversized one is refused by the schema.
    const edited = { ...got.value, standardClause: '乙方应对甲方信息保密。' };
    expect(await dispatch(handlers, 'playbook:set', { playbook: edited })).toMatchObject({
      ok: true,
    });
    expect(
      ((await dispatch(handlers, 'playbook:get', {})) as typeof got).value.standardClause,
    ).toBe('乙方应对甲方信息保密。');
    expect(
      await dispatch(handlers, 'playbook:set', {
        playbook: { ...got.value, standardClause: '保'.repeat(20_001) },
      }),
    ).toMatchObject({ ok: false });
  });

  it('keeps checklist states, scenarios and events with the contract, and exports XLSX and CSV', async () => {
    const list = await dispatch(handlers, 'contracts:list', {});
    const id = (list as { value: { id: string }[] }).value[0].id;
    const rows = (await dispatch(handlers, 'checklist:get', { id })) as {
      ok: true;
      value: { rows: { id: string; action: string }[] };
    };
    const item = rows.value.rows.find((r) => r.action === '网站每日巡检1次')!;
    expect(item).toBeDefined();
    const bad = await dispatch(handlers, 'checklist:update', {
      id,
      itemId: item.id,
      status: 'finished',
      note: '',
    });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    // Main signs changes with the installation's reviewer, set in settings: none yet.
    const unsigned = await dispatch(handlers, 'checklist:update', {
      id,
      itemId: item.id,
      status: 'done',
      note: '已核对',
    });
    expect(unsigned).toMatchObject({ ok: false, error: { code: 'no-reviewer' } });
    // A name with an ANSI escape or NUL is refused; the renderer cannot name the signer.
    for (const reviewer of ['王某\u001b[2J', '张\u0000审', '   '])
      expect(await dispatch(handlers, 'settings:setReviewer', { reviewer })).toMatchObject({
        ok: false,
        error: { code: 'invalid-request' },
      });
    expect(
      await dispatch(handlers, 'checklist:update', {
        id,
        itemId: item.id,
        status: 'done',
        note: '',
        by: '处长',
      }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    await dispatch(handlers, 'settings:setReviewer', { reviewer: '张审' });
    expect(await dispatch(handlers, 'settings:get', {})).toEqual({
      ok: true,
      value: { reviewer: '张审' },
    });
    const ok = await dispatch(handlers, 'checklist:update', {
      id,
      itemId: item.id,
      status: 'done',
      note: '已核对',
    });
    expect(ok).toMatchObject({
      ok: true,
      value: {
        state: { status: 'done', note: '已核对', history: [{ by: '张审', status: 'done' }] },
      },
    });
    const ev = await dispatch(handlers, 'checklist:evidence', {
      id,
      itemId: item.id,
      fileName: '巡检记录.txt',
      bytes: new TextEncoder().encode('记录'),
    });
    expect(ev).toMatchObject({
      ok: true,
      value: { state: { evidence: [{ fileName: '巡检记录.txt' }] } },
    });
    const xlsx = (await dispatch(handlers, 'checklist:export', { id, format: 'xlsx' })) as {
      ok: true;
      value: { fileName: string; bytes: Uint8Array };
    };
    expect(xlsx.value.fileName).toMatch(/\.xlsx$/);
    expect([xlsx.value.bytes[0], xlsx.value.bytes[1]]).toEqual([0x50, 0x4b]);
    const csv = (await dispatch(handlers, 'checklist:export', { id: null, format: 'csv' })) as {
      ok: true;
      value: { bytes: Uint8Array };
    };
    const text = new TextDecoder().decode(csv.value.bytes);
    expect(text).toContain('网站每日巡检1次');
    expect(text).toContain('已完成');
    const saved = await dispatch(handlers, 'scenarios:save', {
      id,
      scenario: {
        name: '逾期3次',
        calculator: 'penalty',
        inputs: { count: 3 },
        totalYuan: '56397.00',
        summary: '375,980.00 × 5% × 3',
      },
    });
    expect(saved.ok).toBe(true);
    expect(
      await dispatch(handlers, 'scenarios:save', {
        id,
        scenario: { name: 'x', calculator: 'p', inputs: {}, totalYuan: '1e9', summary: '' },
      }),
    ).toMatchObject({
      ok: false,
    });
    await dispatch(handlers, 'contracts:setEvents', {
      id,
      events: { acceptanceDate: '2027-12-01' },
    });
    const got = (await dispatch(handlers, 'contracts:get', { id })) as {
      ok: true;
      value: { scenarios: unknown[]; events: Record<string, string> };
    };
    expect(got.value.scenarios).toHaveLength(1);
    expect(got.value.events).toMatchObject({
      signedOn: '2026-05-20',
      acceptanceDate: '2027-12-01',
    });
  });

  it('searches all contracts for 违约金, each hit on its page with the match highlighted', async () => {
    for (const n of [
      '000_0afe16271ab3c86a',
      '002_21901a1de7442d81',
      '003_2fd1bbbed6f06600',
      '004_df6ca03d82af185a',
    ]) {
      const f = seedPath(n, 'pdf');
      await dispatch(handlers, 'contracts:import', {
        fileName: `${n}.pdf`,
        bytes: new Uint8Array(fs.readFileSync(f)),
      });
    }
    const res = (await dispatch(handlers, 'search:query', { q: '违约金' })) as {
      ok: true;
      value: {
        groups: {
          contractId: string;
          hits: {
            page: number;
            snippet: string;
            match: [number, number];
            anchor: { quote: string; positions: { pageIndex: number }[] };
          }[];
        }[];
      };
    };
    expect(res.ok).toBe(true);
    expect(res.value.groups).toHaveLength(5);
    for (const g of res.value.groups) {
      expect(g.hits.length).toBeGreaterThan(0);
      for (const h of g.hits) {
        expect(h.snippet.slice(...h.match)).toBe('违约金');
        expect(h.anchor.quote).toBe('违约金');
        expect(h.anchor.positions[0].pageIndex + 1).toBe(h.page);
      }
    }
    const none = (await dispatch(handlers, 'search:query', { q: '金违约' })) as {
      ok: true;
      value: { groups: unknown[] };
    };
    expect(none.value.groups).toEqual([]);
  });

  it('finds Latin and digit tokens glued to their neighbours, in any case, from the stored boxes', async () => {
    // Seed 001's text: `确保RTO\leq4小时`; seed 003: `(GB/T20157-2006)`; seed 000: `7×24小时`.
    await dispatch(handlers, 'contracts:import', {
      fileName: '001.txt',
      bytes: new Uint8Array(fs.readFileSync(seedPath('001_18cfc68e7d229bba', 'txt'))),
    });
    // Hits land on their characters from the boxes kept at import: no original is read again.
    const parse = vi.spyOn(store, 'parseOriginal');
    type Groups = {
      ok: true;
      value: { groups: { hits: { snippet: string; match: [number, number]; anchor: any }[] }[] };
    };
    const found = async (q: string) =>
      ((await dispatch(handlers, 'search:query', { q })) as Groups).value.groups.flatMap((g) =>
        g.hits.map((h) => h.snippet.slice(...h.match)),
      );
    expect(await found('RTO')).toContain('RTO');
    expect(await found('rto')).toContain('RTO');
    expect(await found('GB/T')).toContain('GB/T');
    expect(await found('20157')).toContain('20157');
    expect(await found('7×24')).toContain('7×24');
    expect(await found('5%')).toContain('5%');
    expect(parse).not.toHaveBeenCalled();
    const pdfHit = ((await dispatch(handlers, 'search:query', { q: 'GB/T' })) as Groups).value
      .groups[0].hits[0];
    expect(pdfHit.anchor.quote).toBe('GB/T');
    expect(pdfHit.anchor.positions[0].rects.length).toBeGreaterThan(0);
    parse.mockRestore();
  });
});

describe('printing the report', () => {
  it('is refused with a clear message where nothing can print (the command line, tests)', async () => {
    const store = await ContractStore.open(fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-print-')));
    const { contract } = await store.importContract(
      '004.txt',
      new Uint8Array(fs.readFileSync(seedPath('004_df6ca03d82af185a', 'txt'))),
    );
    const res = await dispatch(createHandlers(store), 'report:export', {
      id: contract.id,
      format: 'pdf',
    });
    expect(res).toMatchObject({
      ok: false,
      error: { code: 'unsupported-format', message: expect.stringContaining('导出 HTML') },
    });
  });
});
