/**
 * An English NDA (REPORT.md "Documents in English"): the language is detected and reported, the
 * parties (the first-named is partyA), the date, the confidentiality duration as worded and the
 * clause categories are read, and the report and the command line say what is not read.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { reviewFile } from '../support/corpus';
import { detectLanguage } from '../../shared/domain/english/read';

const file = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/english-nda.txt',
);

describe('a contract in English', () => {
  it('detects the language of Chinese, English and neither', () => {
    expect(detectLanguage(fs.readFileSync(file, 'utf8'))).toBe('en');
    expect(detectLanguage('甲方应在收到发票后10个工作日内支付合同总金额的30%。Party A')).toBe('zh');
    expect(detectLanguage('1234 5678')).toBe('other');
  });

  it('reads parties, date, confidentiality duration and categories, and says what it leaves out', async () => {
    const r = await reviewFile(file);
    expect(r.language).toBe('en');
    expect(r.contract.parties.map((p) => [p.role, p.name])).toEqual([
      ['partyA', 'Northwind Data Services Co., Ltd.'],
      ['partyB', 'Contoso Analytics Limited'],
    ]);
    expect(r.contract.signedOn).toBe('2026-03-03');
    expect(r.contract.title).toBe('MUTUAL NON-DISCLOSURE AGREEMENT');
    expect(r.confidentiality.duration).toBe(
      'five (5) years after the termination of this Agreement',
    );
    const cats = new Set(r.clauses.map((c) => c.category));
    for (const c of ['confidentiality', 'termination', 'dispute_resolution', 'effectiveness'])
      expect(cats).toContain(c);
    expect(r.limitations.join()).toMatch(/English document/);
    expect(r.penaltyRules).toEqual([]);
  });

  it('the command line warns that an English document is read only in part', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-en-'));
    try {
      const out = execFileSync('npx', ['tsx', 'electron/cli/review.ts', '--data-dir', dir, file], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      expect(out).toContain('Northwind Data Services Co., Ltd.');
      expect(out).toMatch(/注意.*英文文件/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
