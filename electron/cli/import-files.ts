/**
 * What `review` and `compare` share: reading files into the store, one clear line on stderr per
 * file that cannot be reviewed, the good files still returned.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { MAX_IMPORT_BYTES, QiyueError } from '../../shared/domain/errors';
import { ContractStore, type ImportResult, type StoredContract } from '../main/store/store';
import type { ImportHooks } from '../main/ocr/index';
import { read } from 'read';

/**
 * Opens the store of `dataDir` for the command line. An encrypted folder is unlocked with the
 * passphrase in `QIYUE_PASSPHRASE`, else one typed at a hidden prompt on the terminal (never an
 * argument, which `ps` would show); three tries at the prompt.
 * @throws QiyueError `locked` when the folder is encrypted, no passphrase is in the environment
 *   and there is no terminal to ask on; `wrong-passphrase`; as {@link ContractStore.open}
 */
export async function openCliStore(dataDir: string): Promise<ContractStore> {
  if (!(await ContractStore.isEncrypted(dataDir))) return ContractStore.open(dataDir);
  const fromEnv = process.env.QIYUE_PASSPHRASE;
  if (fromEnv) return ContractStore.open(dataDir, { passphrase: fromEnv });
  if (!interactive())
    throw new QiyueError(
      'locked',
      '数据文件夹已加密：请在终端中运行以输入口令，或设置环境变量 QIYUE_PASSPHRASE (the data folder is encrypted: run on a terminal to type the passphrase, or set QIYUE_PASSPHRASE)',
    );
  for (let attempt = 1; ; attempt++) {
    const passphrase = await askSecret('数据文件夹已加密，请输入口令 (passphrase): ');
    try {
      return await ContractStore.open(dataDir, { passphrase });
    } catch (err) {
      if (!(err instanceof QiyueError) || err.code !== 'wrong-passphrase' || attempt >= 3)
        throw err;
      process.stderr.write('口令不正确，请重试 (wrong passphrase, try again)\n');
    }
  }
}

/**
 * A file's bytes, checked before they are read: only a regular file (a symlink is followed to
 * one), at most `MAX_IMPORT_BYTES`. A device (`/dev/zero`), a FIFO or a folder is never read.
 * @throws QiyueError `wrong-type` for what is not a regular file, `too-large` past the limit;
 *   the system's error (ENOENT, EACCES) as is
 */
async function readBounded(file: string): Promise<Uint8Array> {
  const st = await fs.stat(file);
  if (!st.isFile())
    throw new QiyueError(
      'wrong-type',
      `不是普通文件（${st.isDirectory() ? '文件夹' : '设备或管道'}），未读取 (not a regular file: it was not read)`,
    );
  if (st.size > MAX_IMPORT_BYTES)
    throw new QiyueError(
      'too-large',
      `文件过大：${(st.size / 1048576).toFixed(1)} MiB，上限 ${MAX_IMPORT_BYTES / 1048576} MiB (file too large: the limit is 100 MiB)`,
    );
  const bytes = new Uint8Array(await fs.readFile(file));
  if (bytes.length > MAX_IMPORT_BYTES)
    throw new QiyueError(
      'too-large',
      '文件在读取时变大，超过 100 MiB 上限 (the file grew past 100 MiB while read)',
    );
  return bytes;
}

/**
 * Reads one file from disk ({@link readBounded}) and imports it into `store`: the path every
 * file of the command line takes, and the one the fuzz suite drives.
 * @throws QiyueError `not-found` when the system cannot read it (missing, no permission, a
 *   symlink loop), or any refusal of {@link readBounded} and {@link ContractStore.importContract}
 */
export async function importOne(
  store: ContractStore,
  file: string,
  password?: string,
  hooks: ImportHooks = {},
): Promise<ImportResult> {
  let bytes: Uint8Array;
  try {
    bytes = await readBounded(file);
  } catch (err) {
    if (err instanceof QiyueError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new QiyueError(
      'not-found',
      `${READ_FAILURES[code ?? ''] ?? '无法读取文件'} (cannot read the file: ${code ?? 'unknown error'})`,
      { cause: err },
    );
  }
  return store.importContract(file, bytes, { password, ...hooks });
}

/**
 * On a terminal, a scan's OCR progress on one line of stderr (`正在识别 x.pdf：第 3/9 页`),
 * rewritten in place and cleared when the file is done; nothing when stderr is not a terminal
 * (a log or a pipe gets only results and refusals).
 */
function terminalProgress(file: string): { hooks: ImportHooks; done(): void } {
  if (!process.stderr.isTTY) return { hooks: {}, done: () => {} };
  let shown = false;
  return {
    hooks: {
      onProgress: (p) => {
        shown = true;
        process.stderr.write(
          `\r\x1b[2K正在识别（OCR）${terminalSafe(path.basename(file))}：第 ${p.page}/${p.pages} 页 (reading page ${p.page} of ${p.pages})`,
        );
      },
    },
    done: () => {
      if (shown) process.stderr.write('\r\x1b[2K');
    },
  };
}

/** What the system's refusals to read a file mean, in the reviewer's words. */
const READ_FAILURES: Record<string, string> = {
  ENOENT: '文件不存在，或链接指向的文件不存在',
  EACCES: '没有读取该文件的权限',
  EPERM: '没有读取该文件的权限',
  ELOOP: '链接指向自身，形成循环，无法读取',
  EISDIR: '这是文件夹，不是文件',
  EIO: '读取磁盘时出错',
};

/** Whether the command line can ask its user something: stdin and stderr are a terminal. */
function interactive(): boolean {
  return Boolean(process.stdin.isTTY && process.stderr.isTTY);
}

/** Reads a secret at a hidden prompt on stderr (echoed as `*`). */
function askSecret(prompt: string): Promise<string> {
  return read({ prompt, silent: true, replace: '*', output: process.stderr });
}

/**
 * {@link importOne}, and when the file is an encrypted PDF whose password was not given (or is
 * wrong) and the command line runs on a terminal, the password asked at a hidden prompt (three
 * tries); without a terminal the refusal stands and says to use `QIYUE_PDF_PASSWORD`.
 */
async function importWithPrompt(
  store: ContractStore,
  file: string,
  password?: string,
): Promise<ImportResult> {
  for (let attempt = 0; ; attempt++) {
    const progress = terminalProgress(file);
    try {
      const result = await importOne(store, file, password, progress.hooks);
      progress.done();
      return result;
    } catch (err) {
      progress.done();
      const code = err instanceof QiyueError ? err.code : null;
      if ((code !== 'encrypted' && code !== 'wrong-password') || !interactive() || attempt >= 3)
        throw err;
      if (code === 'wrong-password') writeErr('密码不正确，请重试 (wrong password, try again)');
      password = await askSecret(
        `${terminalSafe(path.basename(file))} 已加密，请输入打开密码 (PDF password): `,
      );
    }
  }
}

/** Imports each file; returns the contracts imported (or found) and how many files failed. */
export async function importFiles(
  dataDir: string,
  files: string[],
  password?: string,
): Promise<{ contracts: { file: string; contract: StoredContract }[]; failed: number }> {
  const store = await openCliStore(dataDir);
  if (store.recoveredFrom)
    process.stderr.write(
      `警告：数据文件无法读取，已移至 ${store.recoveredFrom.movedTo} (warning: the store could not be read and was moved aside)\n`,
    );
  // Contracts analysed by an older Qiyue are analysed again first (once per new version).
  const again = await store.reanalyzeOutdated((done, total) =>
    process.stderr.write(`重新分析已存合同 ${done}/${total} (re-analysing stored contracts)\n`),
  );
  for (const s of again.skipped) writeErr(`${s.id}: 未能重新分析 (not re-analysed): ${s.reason}`);
  const contracts: { file: string; contract: StoredContract }[] = [];
  let failed = 0;
  for (const file of files) {
    try {
      const { contract } = await importWithPrompt(store, file, password);
      contracts.push({ file: path.basename(file), contract });
    } catch (err) {
      failed++;
      const code = err instanceof QiyueError ? err.code : 'internal';
      const hint =
        code === 'encrypted' && !interactive()
          ? '；命令行可设置环境变量 QIYUE_PDF_PASSWORD，或在终端中运行以输入密码 (set QIYUE_PDF_PASSWORD, or run on a terminal to type it)'
          : '';
      writeErr(`${file}: [${code}] ${(err as Error).message}${hint}`);
    }
  }
  return { contracts, failed };
}

/**
 * Text from documents and file names made safe for a terminal: control characters other than
 * tab and line feed (an ANSI escape `\x1b[2J`, a carriage return that would overwrite the line,
 * C1 controls) become U+FFFD, so a hostile file cannot clear the screen or forge output.
 */
export function terminalSafe(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g, '\uFFFD');
}

/** Writes one line on stderr, made {@link terminalSafe}. */
export function writeErr(line: string): void {
  process.stderr.write(`${terminalSafe(line)}\n`);
}

/** Writes to stdout and waits until a pipe has taken it all. */
export function writeOut(text: string): Promise<void> {
  return new Promise<void>((resolve) => process.stdout.write(text, () => resolve()));
}

/** Runs a command-line `main`, exiting with its code; an unexpected error is one line on stderr and exit 1. */
export function runCli(main: () => Promise<number>): void {
  main().then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
