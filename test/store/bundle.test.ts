/**
 * Review bundles and report exports: a signed bundle exported from one data folder and imported
 * into another (once its key is trusted), each side having made different annotations on the same
 * contract, ends with both sides' annotations; a new folder receives the contract whole, analysed
 * by itself; each forgery is refused or neutralised with its own message; exports carry the
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
import { openInstallation, type Installation } from '../../electron/main/identity';
import { sha256 } from '../../electron/main/sha256';
import { storeDigest } from '../support/store-files';
import { signOffSignatureValid, signSignOff, verifyReport } from '../../electron/main/signoff';
import type { QiyueError } from '../../shared/domain/errors';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-bundle-'));
const bytes = new Uint8Array(fs.readFileSync(seedPath('003_2fd1bbbed6f06600', 'pdf')));
const anchor = (quote: string, y: number) => ({
  start: 0,
  end: quote.length,
  quote,
  positions: [{ pageIndex: 0, rects: [[72, y, 300, y + 12] as [number, number, number, number]] }],
});

/** Installations (signing keys) of the machines in a test, one per data folder. */
const keys = new Map<ContractStore, Installation>();
async function keyOf(store: ContractStore): Promise<Installation> {
  if (!keys.has(store)) keys.set(store, await openInstallation(store.dataDir));
  return keys.get(store)!;
}
const exportFrom = async (store: ContractStore, ids: string[] | null) =>
  exportBundle(store, await keyOf(store), ids);
/** Imports, accepting the signer's key when asked (the receiver compared fingerprints). */
async function importTrusting(store: ContractStore, bundle: Uint8Array) {
  const key = await keyOf(store);
  const first = await importBundle(store, key, bundle);
  if (first.status === 'imported') return first;
  return importBundle(store, key, bundle, { trust: first.signer });
}

/** A bundle's parts, to alter them as an attacker would. */
async function partsOf(bundle: Uint8Array) {
  const zip = await JSZip.loadAsync(bundle);
  const manifest = JSON.parse(await zip.file('qiyue-bundle.json')!.async('string'));
  return { zip, manifest };
}
/** The altered bundle, its manifest signed again by `signer` (or left as it was). */
async function rebuilt(
  zip: JSZip,
  manifest: any,
  signer: Installation | null,
): Promise<Uint8Array> {
  if (signer) {
    manifest.publicKey = signer.publicKey;
    const bytes = new TextEncoder().encode(JSON.stringify(manifest));
    zip.file('qiyue-bundle.json', bytes);
    zip.file('qiyue-bundle.sig', signer.sign(bytes));
  } else zip.file('qiyue-bundle.json', JSON.stringify(manifest));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}
/** Sets a record in the bundle and its digest in the manifest. */
function setRecord(zip: JSZip, manifest: any, id: string, record: object): void {
  const text = JSON.stringify(record);
  zip.file(`records/${id}.json`, text);
  manifest.contracts.find((c: any) => c.id === id).recordSha256 = sha256(
    new TextEncoder().encode(text),
  );
}

describe('review bundles', () => {
  it('merges both sides’ annotations on the same contract, once the sender’s key is trusted', async () => {
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

    // The first bundle from A waits for B to accept A's key, shown by its fingerprint.
    const fromA = await exportFrom(a, [contract.id]);
    const asked = await importBundle(b, await keyOf(b), fromA);
    expect(asked).toEqual({ status: 'untrusted', signer: (await keyOf(a)).fingerprint });
    expect((await b.get(contract.id)).annotations).toHaveLength(1);
    const accepted = await importBundle(b, await keyOf(b), fromA, { trust: asked.signer });
    expect(accepted).toMatchObject({ status: 'imported', merged: [contract.id] });
    // A's annotations on B say which installation brought them.
    const onB = (await b.get(contract.id)).annotations!;
    expect(onB.find((x) => x.id === shared.id)!.via).toBe((await keyOf(a)).fingerprint);
    expect(onB.find((x) => x.comment === 'B 的批注')!.via).toBeUndefined();
    await b.changeAnnotation(
      contract.id,
      shared.id,
      { comment: '甲方主体（B 补充）', by: '乙审' },
      new Date('2026-11-21T10:00:00Z'),
    );

    const result = await importTrusting(a, await exportFrom(b, null));
    expect(result).toMatchObject({ status: 'imported', added: [], merged: [contract.id] });
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
    // B's key is trusted on A from now on: the next bundle imports without asking.
    expect(await importBundle(a, await keyOf(a), await exportFrom(b, null))).toMatchObject({
      status: 'imported',
    });

    // A new folder gets the contract whole, with its file, analysed by itself.
    const c = await ContractStore.open(tmp());
    expect(await importTrusting(c, await exportFrom(a, null))).toMatchObject({
      status: 'imported',
      added: [contract.id],
      merged: [],
    });
    const got = await c.get(contract.id);
    expect(got.annotations).toHaveLength(3);
    expect((await c.readOriginal(contract.id)).bytes).toEqual(bytes);
    expect(await c.ndaTerms(contract.id)).toHaveLength(2);
    expect(got.report.contract.totalAmount).toEqual(contract.report.contract.totalAmount);
  });

  it('refuses what is not a bundle, an unsigned one, and one whose file was altered', async () => {
    const s = await ContractStore.open(tmp());
    const key = await keyOf(s);
    await expect(importBundle(s, key, new Uint8Array([1, 2, 3]))).rejects.toMatchObject({
      code: 'wrong-type',
    });
    const a = await ContractStore.open(tmp());
    const { contract } = await a.importContract('003.pdf', bytes);
    const unsigned = await partsOf(await exportFrom(a, null));
    unsigned.zip.remove('qiyue-bundle.sig');
    await expect(
      importBundle(s, key, await unsigned.zip.generateAsync({ type: 'uint8array' })),
    ).rejects.toMatchObject({ code: 'wrong-type', message: expect.stringContaining('未签名') });
    const altered = await partsOf(await exportFrom(a, null));
    altered.zip.file(`files/${contract.id}.pdf`, new Uint8Array([37, 80, 68, 70]));
    await expect(
      importTrusting(s, await altered.zip.generateAsync({ type: 'uint8array' })),
    ).rejects.toMatchObject({ code: 'corrupt', message: expect.stringContaining('SHA-256') });
    expect(await s.list()).toEqual([]);
  });

  it('refuses or neutralises each forgery, each with its own message, and changes nothing', async () => {
    const a = await ContractStore.open(tmp());
    const { contract } = await a.importContract('003.pdf', bytes);
    await a.signOff(contract.id, '张审核', '同意');
    const genuine = await exportFrom(a, null);
    const receiver = await ContractStore.open(tmp());
    const key = await keyOf(receiver);
    const attacker = await openInstallation(tmp());
    const storeBytes = () => JSON.stringify(storeDigest(receiver.dataDir));
    const before = storeBytes();
    const refused = async (bundle: Uint8Array, code: string, words: string) => {
      const err = await importTrusting(receiver, bundle).then(
        () => null,
        (e: QiyueError) => e,
      );
      expect(err, words).toMatchObject({ code, message: expect.stringContaining(words) });
      expect(storeBytes()).toBe(before);
      expect(await receiver.list()).toEqual([]);
    };
    const record = JSON.parse(
      await (await JSZip.loadAsync(genuine)).file(`records/${contract.id}.json`)!.async('string'),
    );

    // A forged sign-off in the record, the manifest not signed again: the digest fails.
    let p = await partsOf(genuine);
    p.zip.file(
      `records/${contract.id}.json`,
      JSON.stringify({
        ...record,
        signOff: { by: '处长 王某（伪造）', at: record.signOff.at, note: '' },
      }),
    );
    await refused(await p.zip.generateAsync({ type: 'uint8array' }), 'corrupt', '记录与清单不符');
    // ...and with the digest fixed in the manifest: the signature fails.
    p = await partsOf(genuine);
    setRecord(p.zip, p.manifest, contract.id, { ...record, signOff: null });
    await refused(await rebuilt(p.zip, p.manifest, null), 'corrupt', '签名无效');
    // A report, a text or a file path of the sender's: not part of a record.
    for (const extra of [
      { report: null },
      { text: 'x'.repeat(1000) },
      { file: 'files/other.pdf' },
    ]) {
      p = await partsOf(genuine);
      setRecord(p.zip, p.manifest, contract.id, { ...record, ...extra });
      await refused(await rebuilt(p.zip, p.manifest, attacker), 'corrupt', '记录格式不符');
    }
    // A reviewer name with an ANSI escape; a checklist item id that is a path.
    for (const bad of [
      { signOff: { ...record.signOff, by: '王某\u001b[2J' } },
      { checklist: { '../../etc/passwd': record.checklist } },
    ]) {
      p = await partsOf(genuine);
      setRecord(p.zip, p.manifest, contract.id, { ...record, ...bad });
      await refused(await rebuilt(p.zip, p.manifest, attacker), 'corrupt', '记录格式不符');
    }
    // An entry naming another file than its own original, or a path out of the bundle.
    for (const file of [`files/${'0'.repeat(64)}.pdf`, '../../qiyue-store.json']) {
      p = await partsOf(genuine);
      p.manifest.contracts[0].file = file;
      await refused(await rebuilt(p.zip, p.manifest, attacker), 'corrupt', '清单格式不符');
    }
    // A manifest that inflates past its limit (a zip bomb) is not inflated whole.
    p = await partsOf(genuine);
    p.zip.file('qiyue-bundle.json', ' '.repeat(17 * 1024 * 1024));
    await refused(
      await p.zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }),
      'too-complex',
      '压缩炸弹',
    );

    // Signed again by another installation: not imported until its key is trusted.
    p = await partsOf(genuine);
    setRecord(p.zip, p.manifest, contract.id, {
      ...record,
      signOff: { by: '处长 王某（伪造）', at: record.signOff.at, note: '' },
    });
    const resigned = await rebuilt(p.zip, p.manifest, attacker);
    expect(await importBundle(receiver, key, resigned)).toEqual({
      status: 'untrusted',
      signer: attacker.fingerprint,
    });
    expect(storeBytes()).toBe(before);

    // A checklist keyed `__proto__` is dropped by the schema: nothing reaches a prototype.
    p = await partsOf(genuine);
    setRecord(p.zip, p.manifest, contract.id, {
      ...record,
      checklist: JSON.parse('{"__proto__": {"status": "done"}}'),
    });
    await importTrusting(receiver, await rebuilt(p.zip, p.manifest, attacker));
    const got = await receiver.get(contract.id);
    expect(Object.keys(got.checklist ?? {})).toEqual([]);
    expect(Object.getPrototypeOf(got.checklist ?? {})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).status).toBeUndefined();
  });

  it('keeps a signed sign-off’s signature, and refuses one changed after signing', async () => {
    const a = await ContractStore.open(tmp());
    const { contract } = await a.importContract('003.pdf', bytes);
    const signerKey = await keyOf(a);
    await a.signOff(contract.id, '张审核', '同意，按合同执行', new Date(), (c, s) =>
      signSignOff(signerKey, c.id, c.report, s),
    );
    const genuine = await exportFrom(a, null);
    const receiver = await ContractStore.open(tmp());
    await importTrusting(receiver, genuine);
    const got = await receiver.get(contract.id);
    expect(got.signOff?.signature?.publicKey).toBe(signerKey.publicKey);
    expect(signOffSignatureValid(contract.id, got.signOff!)).toBe(true);
    // The receiver's export of it verifies, under the author's key.
    const handlers = createHandlers(receiver);
    const exported = await dispatch(handlers, 'report:export', { id: contract.id, format: 'json' });
    const json = JSON.parse(
      new TextDecoder().decode((exported as { value: { bytes: Uint8Array } }).value.bytes),
    );
    expect(verifyReport(json)).toMatchObject({
      status: 'valid',
      by: '张审核',
      fingerprint: signerKey.fingerprint,
    });

    // A trusted sender that changes who signed (or what they wrote) and signs the bundle again:
    // the sign-off's own signature no longer holds.
    const record = JSON.parse(
      await (await JSZip.loadAsync(genuine)).file(`records/${contract.id}.json`)!.async('string'),
    );
    for (const change of [
      { by: '处长 王某' },
      { note: '同意' },
      { at: '2026-01-01T00:00:00.000Z' },
    ]) {
      const other = await ContractStore.open(tmp());
      const p = await partsOf(genuine);
      setRecord(p.zip, p.manifest, contract.id, {
        ...record,
        signOff: { ...record.signOff, ...change },
      });
      const err = await importTrusting(other, await rebuilt(p.zip, p.manifest, signerKey)).then(
        () => null,
        (e: QiyueError) => e,
      );
      expect(err, JSON.stringify(change)).toMatchObject({
        code: 'corrupt',
        message: expect.stringContaining('签批签名无效'),
      });
      expect(await other.list()).toEqual([]);
    }
  });

  it('analyses the bundled original itself, and sets future timestamps back', async () => {
    const a = await ContractStore.open(tmp());
    const { contract } = await a.importContract('003.pdf', bytes);
    const genuine = await exportFrom(a, null);
    const record = JSON.parse(
      await (await JSZip.loadAsync(genuine)).file(`records/${contract.id}.json`)!.async('string'),
    );
    const p = await partsOf(genuine);
    const future = '2099-01-01T00:00:00.000Z';
    setRecord(p.zip, p.manifest, contract.id, {
      ...record,
      signOff: { by: '李审核', at: future, note: '同意' },
      annotations: [
        {
          id: 'a1',
          // Offsets and rectangles that do not fit the text: the quote decides.
          anchor: { start: 5, end: 9, quote: '贵州省民政厅', positions: [] },
          comment: '主体',
          tags: [],
          status: 'pending',
          reviewer: '李审核',
          createdAt: future,
          updatedAt: future,
          deleted: false,
          history: [{ at: future, by: '李审核', action: 'created' }],
        },
      ],
    });
    const receiver = await ContractStore.open(tmp());
    const now = new Date('2026-12-01T08:00:00.000Z');
    const result = await importBundle(
      receiver,
      await keyOf(receiver),
      await rebuilt(p.zip, p.manifest, await keyOf(a)),
      {
        trust: (await keyOf(a)).fingerprint,
        now,
      },
    );
    expect(result).toMatchObject({ status: 'imported', clampedTimestamps: 5 });
    const got = await receiver.get(contract.id);
    expect(got.signOff).toEqual({
      by: '李审核',
      at: now.toISOString(),
      note: '同意',
      via: (await keyOf(a)).fingerprint,
    });
    const [ann] = got.annotations!;
    expect(ann.createdAt).toBe(now.toISOString());
    expect(got.text.slice(ann.anchor.start, ann.anchor.end)).toBe('贵州省民政厅');
    expect(ann.anchor.positions.length).toBeGreaterThan(0);
    // The report is the receiver's analysis of the original.
    expect(got.report).toEqual(contract.report);
  });

  it('imports all of a bundle or nothing', async () => {
    const a = await ContractStore.open(tmp());
    const txt = new Uint8Array(fs.readFileSync(seedPath('004_df6ca03d82af185a', 'txt')));
    const { contract: good } = await a.importContract('004.txt', txt);
    // A second contract whose original cannot be read (an encrypted PDF, no password kept).
    const locked = new Uint8Array(
      fs.readFileSync(seedPath('001_18cfc68e7d229bba', 'encrypted.pdf')),
    );
    await a.importContract('001.pdf', locked, { password: 'user123' });
    const receiver = await ContractStore.open(tmp());
    const err = await importTrusting(receiver, await exportFrom(a, null)).catch((e) => e);
    expect(err).toMatchObject({
      code: 'corrupt',
      message: expect.stringContaining('未导入任何内容'),
    });
    expect(await receiver.list()).toEqual([]);
    expect(fs.readdirSync(path.join(receiver.dataDir, 'files'))).toEqual([]);
    // The readable one alone imports.
    expect(await importTrusting(receiver, await exportFrom(a, [good.id]))).toMatchObject({
      added: [good.id],
    });
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
