/**
 * `npm run review`: `--json` prints the REPORT.md document (an object for one file, an array for
 * several); a bad file gets one line on stderr and a non-zero exit while the good files are
 * still reported; without `--json` a readable summary.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { seedPath } from '../support/seeds';
import { blankScanPdf } from '../support/image-pdf';
import { readStoreData } from '../support/store-files';
import { ContractStore } from '../../electron/main/store/store';
import { parseContract } from '../../electron/main/isolation/parse';

function review(args: string[]) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-cli-'));
  const res = spawnSync(
    path.resolve('node_modules/.bin/tsx'),
    ['electron/cli/review.ts', '--data-dir', dir, ...args],
    {
      encoding: 'utf8',
    },
  );
  return { ...res, dir };
}

describe('review command line', () => {
  it('prints one REPORT.md object for one file', () => {
    const r = review(['--json', seedPath('002_21901a1de7442d81', 'txt')]);
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.source).toMatchObject({
      fileName: '002_21901a1de7442d81.txt',
      format: 'txt',
      pageCount: null,
    });
    expect(report.source.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(report.contract.totalAmount).toMatchObject({
      yuan: '1168000.00',
      taxRatePercent: '6',
      yuanExcludingTax: '1101886.79',
      taxYuan: '66113.21',
    });
    for (const key of [
      'clauses',
      'penaltyRules',
      'serviceLevels',
      'scoreBands',
      'gradeBands',
      'obligations',
      'findings',
    ])
      expect(Array.isArray(report[key])).toBe(true);
    expect(readStoreData(r.dir).contracts.length).toBeGreaterThan(0);
  });

  it('reports good files, names each bad one on stderr, and exits non-zero', async () => {
    const blank = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-cli-blank-')),
      'blank.pdf',
    );
    fs.writeFileSync(blank, await blankScanPdf());
    const r = review([
      '--json',
      seedPath('000_0afe16271ab3c86a', 'pdf'),
      blank,
      seedPath('004_df6ca03d82af185a', 'docx'),
      '/nonexistent/contract.pdf',
    ]);
    expect(r.status).toBe(1);
    const reports = JSON.parse(r.stdout);
    expect(reports.map((x: { source: { fileName: string } }) => x.source.fileName)).toEqual([
      '000_0afe16271ab3c86a.pdf',
      '004_df6ca03d82af185a.docx',
    ]);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('[no-text-layer]');
    expect(lines[1]).toContain('[not-found]');
  });

  it('never reads a device, a FIFO or a folder, even through a symlink named .txt', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-cli-special-'));
    const zero = path.join(dir, 'zero.txt');
    fs.symlinkSync('/dev/zero', zero);
    const folder = path.join(dir, 'folder.pdf');
    fs.mkdirSync(folder);
    const fifo = path.join(dir, 'pipe.txt');
    spawnSync('mkfifo', [fifo]);
    const files = [zero, folder, ...(fs.existsSync(fifo) ? [fifo] : [])];
    const r = review(['--json', ...files, seedPath('000_0afe16271ab3c86a', 'txt')]);
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(files.length);
    for (const line of lines) expect(line).toMatch(/\[wrong-type\] 不是普通文件/);
    expect(JSON.parse(r.stdout)[0].source.fileName).toBe('000_0afe16271ab3c86a.txt');
  });

  it('keeps control characters from file names and documents off the terminal', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-cli-ansi-'));
    const bad = path.join(dir, 'bad\u001b[2J.pdf');
    fs.writeFileSync(bad, '');
    const good = path.join(dir, 'good\u001b[31m.txt');
    const seed = fs.readFileSync(seedPath('000_0afe16271ab3c86a', 'txt'), 'utf8');
    fs.writeFileSync(good, seed.replace('甲方', '甲方\u001b]0;pwned\u0007\r'));
    const r = review([bad, good]);
    expect(r.stderr).toContain('[empty-file]');
    expect(r.stdout).toContain('¥280,000.00');
    for (const out of [r.stdout, r.stderr])
      expect(out).not.toMatch(/[\u0000-\u0008\u000B-\u001F\u007F]/);
  });

  it('takes an encrypted PDF’s password from QIYUE_PDF_PASSWORD', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-cli-pw-'));
    const file = seedPath('001_18cfc68e7d229bba.encrypted', 'pdf');
    const run = (env: Record<string, string>) =>
      spawnSync(
        path.resolve('node_modules/.bin/tsx'),
        ['electron/cli/review.ts', '--data-dir', dir, '--json', file],
        { encoding: 'utf8', env: { ...process.env, ...env } },
      );
    const without = run({});
    expect(without.stderr).toContain('[encrypted]');
    expect(without.stderr).toContain('QIYUE_PDF_PASSWORD');
    const r = run({ QIYUE_PDF_PASSWORD: 'user123' });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout).contract.totalAmount.yuan).toBe('375980.00');
  });

  it('prints a readable summary without --json', () => {
    const r = review([seedPath('003_2fd1bbbed6f06600', 'pdf')]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('合同金额  ¥6,980,000.00（陆佰玖拾捌万元整）');
    expect(r.stdout).toContain('甲方      贵州省民政厅（法定代表人：孙拥辉）');
  });

  it('cites each penalty and finding by clause and page, alike ones once with their places', () => {
    const r = review([seedPath('004_df6ca03d82af185a', 'pdf')]);
    expect(r.status).toBe(0);
    const lines = r.stdout.split('\n');
    // One rule per line under 违约金, each with its clause number and page.
    const penalty = lines.find((l) => l.includes('逾期履行  按日  1%（合同总金额）'))!;
    expect(penalty).toMatch(/十一、3\. 第8页$/);
    expect(lines.find((l) => l.includes('其他违约  按实际损失'))).toMatch(
      /^ {4}乙方 .*8 处：五、9\. 第5页；/,
    );
    // The two blank 代表人 fields of one signature table: one line, 2 places, its clause.
    const blank = lines.filter((l) => l.includes('栏目空白'));
    expect(blank).toHaveLength(1);
    expect(blank[0]).toMatch(/（2 处：签署页 第9页）$/);
    // No message repeats its rule's name.
    expect(r.stdout).not.toMatch(/(\S+)：\1：/);
  });
});

describe('review command line on an encrypted data folder', () => {
  const PASS = '命令行口令 cli passphrase';
  async function encryptedFolder(): Promise<string> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-cli-vault-'));
    const store = await ContractStore.open(dir, { parse: parseContract });
    await store.enableEncryption(PASS);
    return dir;
  }
  const run = (dir: string, env: Record<string, string>, input?: string) =>
    spawnSync(
      path.resolve('node_modules/.bin/tsx'),
      [
        'electron/cli/review.ts',
        '--json',
        '--data-dir',
        dir,
        seedPath('002_21901a1de7442d81', 'txt'),
      ],
      { encoding: 'utf8', env: { ...process.env, ...env }, input },
    );

  it('reads the passphrase from QIYUE_PASSPHRASE, and says what to do without one', async () => {
    const dir = await encryptedFolder();
    const without = run(dir, { QIYUE_PASSPHRASE: '' });
    expect(without.status).toBe(1);
    expect(without.stderr).toContain('QIYUE_PASSPHRASE');
    expect(without.stderr).toContain('数据文件夹已加密');
    const wrong = run(dir, { QIYUE_PASSPHRASE: 'not the passphrase' });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toContain('口令不正确');
    const right = run(dir, { QIYUE_PASSPHRASE: PASS });
    expect(right.status, right.stderr).toBe(0);
    expect(JSON.parse(right.stdout).contract.totalAmount.yuan).toBe('1168000.00');
    // Imported into the encrypted folder: its copy is encrypted.
    const [copy] = fs.readdirSync(path.join(dir, 'files'));
    expect(
      fs
        .readFileSync(path.join(dir, 'files', copy))
        .subarray(0, 5)
        .toString(),
    ).toBe('QYENC');
  });

  it('asks for the passphrase, and a PDF’s password, at hidden prompts on a terminal', async () => {
    const dir = await encryptedFolder();
    const { status, out, prompts } = await onTerminal(
      dir,
      [seedPath('001_18cfc68e7d229bba.encrypted', 'pdf')],
      // The folder's passphrase (wrong once), then the PDF's password (wrong once).
      ['wrong guess', PASS, 'bad pdf password', 'user123'],
    );
    expect(status, out).toBe(0);
    expect(prompts).toBe(4);
    expect(out).toContain('口令不正确，请重试');
    expect(out).toContain('已加密，请输入打开密码');
    expect(out).toContain('密码不正确，请重试');
    // Typed at hidden prompts: never echoed.
    for (const typed of [PASS, 'wrong guess', 'user123', 'bad pdf password'])
      expect(out).not.toContain(typed);
    expect(out).toContain('375,980.00');
  }, 90_000);
});

/**
 * Runs `review` on a terminal (`script` gives it one), typing each answer once its prompt
 * (`请输入`) shows, as a person would.
 */
async function onTerminal(dir: string, files: string[], answers: string[]) {
  const cmd = [
    path.resolve('node_modules/.bin/tsx'),
    'electron/cli/review.ts',
    '--data-dir',
    dir,
    ...files,
  ]
    .map((a) => `'${a}'`)
    .join(' ');
  const child = spawn('script', ['-qec', cmd, '/dev/null'], {
    env: { ...process.env, QIYUE_PASSPHRASE: '', QIYUE_PDF_PASSWORD: '' },
  });
  let out = '';
  let prompts = 0;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    out += d;
    const seen = out.split('请输入').length - 1;
    while (prompts < seen) child.stdin.write(`${answers[prompts++] ?? ''}\n`);
  });
  const status = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  return { status, out, prompts };
}

describe('review command line and triage', () => {
  it('says which findings a reviewer decided on, in the summary and the JSON', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-cli-triage-'));
    const file = seedPath('004_df6ca03d82af185a', 'txt');
    const store = await ContractStore.open(dir);
    const { contract } = await store.importContract(path.basename(file), fs.readFileSync(file));
    const f = contract.report.findings.find((x) => x.ruleId === 'penalty.asymmetric')!;
    await store.triageFinding(contract.id, f, {
      status: 'false_positive',
      note: '第九条',
      by: '李审',
    });
    const run = (args: string[]) =>
      spawnSync(
        path.resolve('node_modules/.bin/tsx'),
        ['electron/cli/review.ts', '--data-dir', dir, ...args, file],
        { encoding: 'utf8' },
      );
    const text = run([]);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/\[中\] 违约责任不对等：.*〔误报 · 李审〕/);
    expect(text.stdout.match(/〔/g)).toHaveLength(1);
    const json = JSON.parse(run(['--json']).stdout);
    expect(json.triage).toMatchObject([
      { ruleId: 'penalty.asymmetric', status: 'false_positive', note: '第九条', by: '李审' },
    ]);
  });
});
