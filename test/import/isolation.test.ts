/**
 * Untrusted files are parsed in a parser process under time and memory limits: a file past a
 * limit is refused with its own code, the process is replaced, and the next file is read as if
 * nothing had happened. Real fixtures and real bombs; limits lowered where the default ones
 * would only make the test slow.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { QiyueError } from '../../shared/domain/errors';
import { importDocx } from '../../electron/main/import/docx';
import { declaredInflatedSize } from '../../electron/main/import/zip-limits';
import { parseContract } from '../../electron/main/isolation/parse';
import {
  DEFAULT_LIMITS,
  IsolatedParser,
  spawnNodeParser,
  type ParserLimits,
} from '../../electron/main/isolation/parser';
import { ContractStore } from '../../electron/main/store/store';
import { CORPUS_DIR } from '../support/corpus';
import { seedPath } from '../support/seeds';
import { docxZipBomb } from '../support/zip-bomb';
import { storeSnapshot } from '../support/store-files';

const read = (file: string) => new Uint8Array(fs.readFileSync(file));
const SEED_TXT = seedPath('000_0afe16271ab3c86a', 'txt');
const SEED_PDF = seedPath('000_0afe16271ab3c86a', 'pdf');
const LONG_PDF = path.join(CORPUS_DIR, '02-xianyang-smart-water-platform-tender.pdf');

const parsers: IsolatedParser[] = [];
function parser(limits: Partial<ParserLimits> = {}, pids?: number[]): IsolatedParser {
  const p = new IsolatedParser({ ...DEFAULT_LIMITS, ...limits }, (heap) => {
    const proc = spawnNodeParser(heap);
    if (proc.pid) pids?.push(proc.pid);
    return proc;
  });
  parsers.push(p);
  return p;
}
afterAll(() => parsers.forEach((p) => p.close()));

async function refusal(promise: Promise<unknown>): Promise<QiyueError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(QiyueError);
  return err as QiyueError;
}

describe('the parser process', () => {
  it('gives the report the same file gives in-process', async () => {
    const p = parser();
    const isolated = await p.parse(SEED_PDF, read(SEED_PDF));
    const local = await parseContract(SEED_PDF, read(SEED_PDF));
    expect(isolated.report).toEqual(local.report);
    expect(isolated.doc.text).toBe(local.doc.text);
    expect(Array.from(isolated.doc.boxes ?? []).length).toBe(local.doc.boxes?.length);
  });

  it('passes the importers’ own refusals through, and keeps its process', async () => {
    const p = parser();
    const err = await refusal(p.parse('empty.txt', new Uint8Array(0)));
    expect(err.code).toBe('empty-file');
    expect((await p.parse(SEED_TXT, read(SEED_TXT))).report.contract.totalAmount?.yuan).toBe(
      '280000.00',
    );
    expect(p.started).toBe(1);
  });

  it('refuses a file past the time limit with `timeout`, then reads the next one', async () => {
    const p = parser({ timeoutMs: 400 });
    const err = await refusal(p.parse(LONG_PDF, read(LONG_PDF)));
    expect(err.code).toBe('timeout');
    expect(err.message).toMatch(/^文件处理超时：0\.4 秒内未能读完/);
    const next = await parser().parse(SEED_TXT, read(SEED_TXT));
    expect(next.report.contract.totalAmount?.yuan).toBe('280000.00');
  });

  it('refuses a file past the memory limit with `too-complex` and replaces the process', async () => {
    // A zip bomb whose headers lie about its size gets past the size check and is inflated:
    // 700 MiB of spaces against a limit of 500 MiB of resident memory.
    const bomb = await docxZipBomb(700, 'lying');
    const p = parser({ rssMb: 500 });
    const err = await refusal(p.parse('bomb.docx', bomb));
    expect(err.code).toBe('too-complex');
    expect(err.message).toContain('超过 500 MiB 上限');
    const next = await p.parse(SEED_TXT, read(SEED_TXT));
    expect(next.report.contract.totalAmount?.yuan).toBe('280000.00');
    expect(p.started).toBe(2);
  });

  it('reports a parser that dies under a file, and starts a new one for the next', async () => {
    const pids: number[] = [];
    const p = parser({}, pids);
    const pending = p.parse(LONG_PDF, read(LONG_PDF));
    await new Promise((r) => setTimeout(r, 150));
    process.kill(pids[0], 'SIGKILL');
    const err = await refusal(pending);
    expect(err.code).toBe('corrupt');
    expect(err.message).toContain('解析进程在读取时意外退出');
    await p.parse(SEED_TXT, read(SEED_TXT));
    expect(pids).toHaveLength(2);
  });
});

describe('zip bombs', () => {
  it('refuses an honest bomb from its central directory, before inflating anything', async () => {
    const bomb = await docxZipBomb(300);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect(declaredInflatedSize(bomb)).toBeGreaterThan(300 * 1024 * 1024);
    const err = await refusal(importDocx(bomb));
    expect(err.code).toBe('too-complex');
    expect(err.message).toMatch(/^文件过于复杂：压缩包解压后达 300 MiB，超过 256 MiB 上限/);
  });

  it('reads the sizes of a real DOCX', () => {
    const docx = read(seedPath('000_0afe16271ab3c86a', 'docx'));
    const size = declaredInflatedSize(docx);
    expect(size).toBeGreaterThan(docx.length);
    expect(size).toBeLessThan(10 * 1024 * 1024);
  });

  it('leaves the store as it was, and the command line goes on to the next file', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-bomb-'));
    const bombFile = path.join(dir, 'bomb.docx');
    fs.writeFileSync(bombFile, await docxZipBomb(300));
    const store = await ContractStore.open(path.join(dir, 'store'));
    await store.importContract(SEED_TXT, read(SEED_TXT));
    const before = storeSnapshot(path.join(dir, 'store'));
    const err = await refusal(store.importContract(bombFile, read(bombFile)));
    expect(err.code).toBe('too-complex');
    expect(storeSnapshot(path.join(dir, 'store'))).toEqual(before);
    expect(fs.readdirSync(path.join(dir, 'store', 'files'))).toHaveLength(1);
    const r = spawnSync(
      path.resolve('node_modules/.bin/tsx'),
      ['electron/cli/review.ts', '--data-dir', path.join(dir, 'cli'), '--json', bombFile, SEED_TXT],
      { encoding: 'utf8' },
    );
    expect(r.stderr).toContain('bomb.docx: [too-complex] 文件过于复杂');
    expect(r.stdout).toContain('280000.00');
  });
});
