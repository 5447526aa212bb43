/**
 * Personal data leaves the store masked: resident ID numbers (GB 11643-1999 checksum) and mobile
 * numbers in every report export (JSON, HTML, XLSX), the checklist export and the command line's
 * output, while the store keeps the contract's text as it is. Numbers that only look like them
 * (a bank account, a failed checksum) are left alone.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { isValidResidentId, maskPersonalData, maskPersonalDataDeep } from '../../shared/domain/pii';
import { ContractStore } from '../../electron/main/store/store';
import { createHandlers, dispatch } from '../../electron/main/ipc/handlers';
import { parseContract } from '../../electron/main/isolation/parse';
import { seedPath } from '../support/seeds';

const SEED_004 = seedPath('004_df6ca03d82af185a', 'txt');
const SEED_001 = seedPath('001_18cfc68e7d229bba', 'txt');
/** Seed 004's two resident IDs (its personal NDAs) and seed 001's team's mobile numbers. */
const IDS = ['320321199408204212', '421125199903042010'];
const MOBILES = ['15326068111', '13154723452'];

describe('masking personal data', () => {
  it('masks valid ID numbers and mobile numbers, the same length, and nothing else', () => {
    for (const id of IDS) expect(isValidResidentId(id)).toBe(true);
    expect(maskPersonalData(`身份证号：${IDS[0]}。`)).toBe('身份证号：320321********4212。');
    expect(maskPersonalData('联系方式： 15326068111。')).toBe('联系方式： 153****8111。');
    expect(maskPersonalData('电话 138-1234-5678 或 138 1234 5678')).toBe(
      '电话 138-****-5678 或 138 **** 5678',
    );
    // A bank account holds such runs of digits; a wrong check digit is not an ID; a landline.
    for (const other of ['账号：32201986236059183983', '320321199408204213', '0471-6609999'])
      expect(maskPersonalData(other)).toBe(other);
    const text = fs.readFileSync(SEED_004, 'utf8');
    const masked = maskPersonalData(text);
    expect(masked).toHaveLength(text.length);
    for (const id of IDS) expect(masked).not.toContain(id);
    expect(maskPersonalDataDeep({ a: [IDS[0], 3, null], b: { c: MOBILES[0] } })).toEqual({
      a: ['320321********4212', 3, null],
      b: { c: '153****8111' },
    });
  });

  it('every report and checklist export shows them masked; the store keeps them', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-pii-'));
    const store = await ContractStore.open(dir, { parse: parseContract });
    const handlers = createHandlers(store);
    const ids: string[] = [];
    for (const f of [SEED_004, SEED_001]) {
      const { contract } = await store.importContract(path.basename(f), fs.readFileSync(f));
      ids.push(contract.id);
    }
    const [c004, c001] = await Promise.all(ids.map((id) => store.get(id)));
    // The store keeps the originals, and the finding quotes the number.
    for (const id of IDS) expect(c004.text).toContain(id);
    expect(c004.report.findings.some((f) => f.quote?.includes(IDS[0]))).toBe(true);
    for (const m of MOBILES) expect(c001.text).toContain(m);

    const exported = async (channel: string, payload: object) => {
      const r = (await dispatch(handlers, channel, payload)) as {
        ok: true;
        value: { bytes: Uint8Array };
      };
      expect(r.ok).toBe(true);
      const bytes = r.value.bytes;
      if (bytes[0] !== 0x50) return new TextDecoder().decode(bytes);
      // XLSX: the text of every part of the workbook.
      const zip = await JSZip.loadAsync(bytes);
      const parts = await Promise.all(Object.values(zip.files).map((f) => f.async('string')));
      return parts.join('\n');
    };
    const outputs: string[] = [];
    for (const id of ids)
      for (const format of ['json', 'html', 'xlsx'])
        outputs.push(await exported('report:export', { id, format }));
    for (const format of ['csv', 'xlsx'])
      outputs.push(await exported('checklist:export', { id: null, format }));
    const all = outputs.join('\n');
    for (const secret of [...IDS, ...MOBILES]) expect(all).not.toContain(secret);
    // What the finding quoted is there, masked.
    expect(outputs[0]).toContain('320321********4212');
  });

  it('the command line prints them masked unless asked with --show-personal-data', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-pii-cli-'));
    const review = (...flags: string[]) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'electron/cli/review.ts', '--data-dir', dir, ...flags, SEED_004],
        { encoding: 'utf8' },
      );
    const masked = review('--json');
    expect(masked.status).toBe(0);
    expect(masked.stdout).toContain('320321********4212');
    expect(masked.stdout).not.toContain(IDS[0]);
    const summary = review();
    expect(summary.stdout).not.toContain(IDS[0]);
    const shown = review('--json', '--show-personal-data');
    expect(shown.stdout).toContain(IDS[0]);
  }, 60_000);
});
