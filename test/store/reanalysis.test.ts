/**
 * Reviews that improve: a store written by the previous analyser version (its reports lack what
 * this one reads, its text was imported differently) is analysed again from the stored originals
 * when opened; the new facts are there, the reviewer's annotations and checklist states stay on
 * the text they were made on, and the contract's history says what changed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ContractStore } from '../../electron/main/store/store';
import { createHandlers, dispatch } from '../../electron/main/ipc/handlers';
import { ANALYZER_VERSION, findQuote } from '../../shared/domain/reanalysis';
import { CORPUS_DIR } from '../support/corpus';
import { seedPath } from '../support/seeds';
import { rewriteStoreData, storeSnapshot } from '../support/store-files';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** Rewrites a stored contract as the previous analyser left it. */
function ageStore(dir: string, id: string, age: (c: any) => void): void {
  rewriteStoreData(dir, (data) => age(data.contracts.find((c: any) => c.id === id)));
}

describe('re-analysis of a store written by an older analyser', () => {
  it('finds the new facts, keeps annotations and checklist states in place, and records the change', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-reanalysis-'));
    dirs.push(dir);
    const tender = path.join(CORPUS_DIR, '11-yulin-hitech-safety-env-steward-tcp.pdf');
    const store = await ContractStore.open(dir);
    const { contract } = await store.importContract(
      path.basename(tender),
      new Uint8Array(fs.readFileSync(tender)),
    );
    const fresh = contract.report;
    expect(fresh.analyzerVersion).toBe(ANALYZER_VERSION);
    const obligation = fresh.obligations[0];

    // The previous version: read the whole tender (no scope), missed the penalty rules, and its
    // importer's text had other line breaks, so every offset is different.
    const quote = '乙方服务成果质量不达标';
    ageStore(dir, contract.id, (c) => {
      const oldText = `【旧版导入】\n${c.text}`;
      const at = oldText.indexOf(quote);
      c.text = oldText;
      c.report = { ...c.report, analyzerVersion: undefined, scope: undefined, penaltyRules: [] };
      c.annotations = [
        {
          id: 'a1',
          anchor: { start: at, end: at + quote.length, quote, positions: [] },
          comment: '质量违约金比例偏高，建议谈判',
          tags: ['违约'],
          status: 'open',
          reviewer: '张审核',
          createdAt: '2026-11-01T08:00:00.000Z',
          updatedAt: '2026-11-01T08:00:00.000Z',
          deleted: false,
          history: [],
        },
      ];
      // A checklist state kept under an obligation id the old analysis gave.
      c.report.obligations = [{ ...obligation, id: 'o9' }, ...c.report.obligations.slice(1)];
      c.checklist = {
        'o9@once': { status: 'done', note: '已提交', evidence: [], history: [] },
      };
    });

    const reopened = await ContractStore.open(dir);
    const progress: string[] = [];
    const result = await reopened.reanalyzeOutdated((d, t) => progress.push(`${d}/${t}`));
    expect(result).toEqual({ updated: [contract.id], skipped: [] });
    expect(progress).toEqual(['1/1']);
    // The app's library reads where the run stands through store:status.
    const status = await dispatch(createHandlers(reopened), 'store:status', {});
    expect(status).toMatchObject({
      ok: true,
      value: { reanalysis: { running: false, done: 1, total: 1, updated: 1, skipped: 0 } },
    });

    const c = await reopened.get(contract.id);
    expect(c.report.analyzerVersion).toBe(ANALYZER_VERSION);
    // The new facts: the contract chapter as scope, and its penalty rules.
    expect(c.report.scope.heading).toBe('第六章 合同基本条款及格式');
    expect(c.report.penaltyRules.map((r) => r.percent)).toEqual(
      expect.arrayContaining(['0.05', '20']),
    );
    // The annotation stays on its words, now at their offset in the new text, with PDF boxes.
    const a = c.annotations![0];
    expect(c.text.slice(a.anchor.start, a.anchor.end)).toBe(quote);
    expect(a.anchor.positions.length).toBeGreaterThan(0);
    expect(a.comment).toBe('质量违约金比例偏高，建议谈判');
    // The checklist state moved to the obligation's new id.
    expect(c.checklist![`${obligation.id}@once`]?.status).toBe('done');
    // And the history says what changed.
    expect(c.history).toHaveLength(1);
    expect(c.history![0]).toMatchObject({
      kind: 'reanalysis',
      fromVersion: null,
      toVersion: ANALYZER_VERSION,
    });
    expect(c.history![0].summary).toMatch(/违约金条款 0 → \d+/);
    expect(c.history![0].summary).toContain('审阅范围：第六章 合同基本条款及格式');

    // The app receives the history line with the contract (validated by the IPC contract).
    const got = await dispatch(createHandlers(reopened), 'contracts:get', { id: contract.id });
    expect(got).toMatchObject({ ok: true, value: { history: [{ kind: 'reanalysis' }] } });

    // Opening again does nothing more.
    expect(await (await ContractStore.open(dir)).reanalyzeOutdated()).toEqual({
      updated: [],
      skipped: [],
    });
  }, 300_000);

  it('keeps an encrypted PDF’s report (its password is not kept) and says why', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-reanalysis-'));
    dirs.push(dir);
    const file = seedPath('001_18cfc68e7d229bba', 'encrypted.pdf');
    const store = await ContractStore.open(dir);
    const { contract } = await store.importContract(
      path.basename(file),
      new Uint8Array(fs.readFileSync(file)),
      { password: 'user123' },
    );
    ageStore(dir, contract.id, (c) => (c.report.analyzerVersion = 1));
    const reopened = await ContractStore.open(dir);
    const before = storeSnapshot(dir);
    const result = await reopened.reanalyzeOutdated();
    expect(result.updated).toEqual([]);
    expect(result.skipped.map((s) => s.id)).toEqual([contract.id]);
    expect(result.skipped[0].reason).toMatch(/密码|password/i);
    expect(storeSnapshot(dir)).toEqual(before);
  });

  it('finds a quote that moved, or whose line breaks changed', () => {
    expect(findQuote('甲乙双方\n约定违约金', '甲乙双方约定', 0)).toEqual([0, 7]);
    expect(findQuote('abc 乙方应 xyz 乙方应', '乙方应', 9)).toEqual([12, 15]);
    expect(findQuote('完全不同的文本', '乙方应', 0)).toBeNull();
  });
});
