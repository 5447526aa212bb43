/**
 * Untrusted files are parsed in a process of their own (issue: hostile documents), so that a
 * file that hangs the parser, exhausts its memory or crashes it costs that file alone: the
 * process is killed and replaced, the refusal has its own code, and the app, the store and the
 * rest of a batch go on.
 *
 * Limits, per file ({@link DEFAULT_LIMITS}): 120 s of wall-clock time (`timeout`), counted afresh
 * at each page an OCR begins (a 20-page scan takes minutes, each page seconds); a V8 heap of
 * 1,024 MiB (`--max-old-space-size`) and, where the system reports it (Linux `/proc`), a resident
 * size of 1,536 MiB checked every 100 ms (`too-complex`), raised to 2,560 MiB once the file's
 * OCR begins: the OCR runtime and its models take some 600 MiB, and reading one page at a time
 * peaked at 1.1–1.9 GiB here over 45 scanned pages (the allocator keeps what a page freed for
 * the next; `MALLOC_ARENA_MAX=2` keeps its arenas few). The files accepted at all are at most
 * 100 MiB (`MAX_IMPORT_BYTES`), checked before they are read.
 *
 * The process is a Node child process in the command line, the harness and the tests, and an
 * Electron utility process in the app ({@link SpawnParser}); both run `child.ts`.
 */
import { fork } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { QiyueError } from '../../../shared/domain/errors';
import type { ImportOptions } from '../import/index';
import type { ParsedContract } from './parse';
import { cancelledError, type ImportHooks } from '../ocr/index';
import type { ParseRequest, ParseResponse } from './protocol';

/**
 * What a caller may pass to follow or stop one file's parse: progress as messages come from the
 * process; an abort kills the process and refuses the parse `cancelled`.
 */
export type ParseControl = ImportHooks;

/** The limits one file is parsed under. */
export interface ParserLimits {
  /** Wall-clock time for one file, in milliseconds. */
  timeoutMs: number;
  /** The parser process's V8 heap, in MiB. */
  heapMb: number;
  /** The parser process's resident memory, in MiB (enforced where the OS reports it). */
  rssMb: number;
  /** The resident memory allowed once a file's OCR has begun, in MiB. */
  ocrRssMb: number;
}

/** The limits of the app and the command line (see the module comment). */
export const DEFAULT_LIMITS: ParserLimits = {
  timeoutMs: 120_000,
  heapMb: 1024,
  rssMb: 1536,
  ocrRssMb: 2560,
};

/**
 * The parser process's environment: the caller's, with glibc's malloc held to two arenas (the
 * OCR runtime's threads would each keep one, and what a page freed stays resident in them).
 */
export function parserEnv(): NodeJS.ProcessEnv {
  return { ...process.env, MALLOC_ARENA_MAX: '2' };
}

/** A running parser process, whichever kind. */
export interface ParserProcess {
  readonly pid: number | undefined;
  send(request: ParseRequest): void;
  onMessage(handler: (response: ParseResponse) => void): void;
  /** Called once when the process ends, with its exit code or signal and its last stderr. */
  onExit(handler: (code: number | null, signal: string | null, stderr: string) => void): void;
  kill(): void;
  /** Whether the process is working: an idle one does not keep the parent alive. */
  setBusy?(busy: boolean): void;
}

/** Starts a parser process with the given V8 heap limit (MiB). */
export type SpawnParser = (heapMb: number) => ParserProcess;

const HERE = path.dirname(fileURLToPath(import.meta.url));
/** Running from the TypeScript sources (tests, `tsx`) rather than the built bundle. */
const FROM_SOURCE = fileURLToPath(import.meta.url).endsWith('.ts');

/**
 * The parser's entry point: `child.ts` through tsx from the sources, else the bundled
 * `parser.cjs` beside the main bundle (`scripts/build-electron.mjs`).
 */
export const PARSER_ENTRY = FROM_SOURCE
  ? path.join(HERE, 'child.ts')
  : path.join(HERE, 'parser.cjs');

/** The last 8 KiB of what a process wrote on stderr (the end says why it died). */
function tail(acc: string, chunk: string): string {
  const s = acc + chunk;
  return s.length > 8192 ? s.slice(-8192) : s;
}

/** A Node child process running the parser (command line, harness, tests). */
export const spawnNodeParser: SpawnParser = (heapMb) => {
  const child = fork(PARSER_ENTRY, [], {
    execArgv: [
      `--max-old-space-size=${heapMb}`,
      // From the sources, the child runs TypeScript through tsx's loader, found from here.
      ...(FROM_SOURCE
        ? ['--import', pathToFileURL(createRequire(HERE + '/').resolve('tsx')).href]
        : []),
    ],
    serialization: 'advanced',
    env: parserEnv(),
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (chunk: string) => {
    stderr = tail(stderr, chunk);
    if (process.env.QIYUE_DEBUG) process.stderr.write(chunk);
  });
  return {
    pid: child.pid,
    send: (request) => child.send(request),
    onMessage: (handler) => child.on('message', (m) => handler(m as ParseResponse)),
    onExit: (handler) => child.once('exit', (code, signal) => handler(code, signal, stderr)),
    kill: () => child.kill('SIGKILL'),
    setBusy: (busy) => {
      // The process, its message channel and its stderr pipe each hold the event loop.
      const pipe = child.stderr as
        (NodeJS.ReadableStream & { ref?(): void; unref?(): void }) | null;
      if (busy) {
        child.ref();
        child.channel?.ref();
        pipe?.ref?.();
      } else {
        child.unref();
        child.channel?.unref();
        pipe?.unref?.();
      }
    },
  };
};

/** Resident memory of a process in MiB, from `/proc` (Linux); null where not reported. */
function residentMb(pid: number): number | null {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return kb ? Number(kb[1]) / 1024 : null;
  } catch {
    return null;
  }
}

const timeoutError = (limits: ParserLimits) =>
  new QiyueError(
    'timeout',
    `文件处理超时：${limits.timeoutMs / 1000} 秒内未能读完，文件结构可能异常或过于复杂；请确认文件完好，或拆分后再导入 (timed out: the file was not read within ${limits.timeoutMs / 1000} s)`,
  );

const tooComplexError = (rssMb: number) =>
  new QiyueError(
    'too-complex',
    `文件过于复杂：读取时所需内存超过 ${rssMb} MiB 上限，可能是压缩炸弹或结构异常的文件；请确认来源后用原软件重新导出 (too complex: reading it needs more than ${rssMb} MiB of memory)`,
  );

const crashedError = () =>
  new QiyueError(
    'corrupt',
    '文件无法解析：解析进程在读取时意外退出，文件可能已损坏；请用原软件重新导出后再导入 (the file could not be parsed: the parser stopped while reading it)',
  );

/**
 * Parses files one at a time in a parser process under {@link ParserLimits}, starting the
 * process on first use and replacing it after a file that broke a limit or killed it.
 */
export class IsolatedParser {
  private proc: ParserProcess | null = null;
  /** The file being parsed: where its process's answer or exit goes. */
  private current: {
    id: number;
    onResponse: (res: ParseResponse) => void;
    onExit: (code: number | null, signal: string | null, stderr: string) => void;
  } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  private nextId = 1;
  /** Parser processes started so far (the first, and one per replacement). */
  started = 0;
  /** Files under which the parser process died other than by a limit (each refused `corrupt`). */
  crashed = 0;
  /** Refusals from the parser's catch-all: an error no importer turned into a refusal. */
  unexpected = 0;

  constructor(
    readonly limits: ParserLimits = DEFAULT_LIMITS,
    private readonly spawn: SpawnParser = spawnNodeParser,
  ) {}

  /**
   * Imports and analyses one file in the parser process.
   * @throws QiyueError `timeout` (over `limits.timeoutMs`), `too-complex` (over the memory
   *   limits), `corrupt` (the parser died on it), `cancelled` (`control.signal` aborted), or the
   *   importers' own refusals
   */
  parse(
    fileName: string,
    bytes: Uint8Array,
    options: ImportOptions = {},
    control: ParseControl = {},
  ): Promise<ParsedContract> {
    const run = this.queue.then(() => this.runOne(fileName, bytes, options, control));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Stops the parser process (it is started again when needed). */
  close(): void {
    this.proc?.kill();
    this.proc = null;
  }

  private process(): ParserProcess {
    if (this.proc) return this.proc;
    const proc = this.spawn(this.limits.heapMb);
    this.started++;
    this.proc = proc;
    proc.onMessage((res) => {
      if (this.proc === proc && this.current?.id === res.id) this.current.onResponse(res);
    });
    proc.onExit((code, signal, stderr) => {
      if (this.proc !== proc) return;
      this.proc = null;
      this.current?.onExit(code, signal, stderr);
    });
    return proc;
  }

  private runOne(
    fileName: string,
    bytes: Uint8Array,
    options: ImportOptions,
    control: ParseControl,
  ): Promise<ParsedContract> {
    if (control.signal?.aborted) return Promise.reject(cancelledError());
    const proc = this.process();
    const id = this.nextId++;
    return new Promise<ParsedContract>((resolve, reject) => {
      let settled = false;
      const onAbort = () => kill(cancelledError());
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        clearInterval(watch);
        control.signal?.removeEventListener('abort', onAbort);
        this.current = null;
        proc.setBusy?.(false);
        fn();
      };
      const kill = (err: QiyueError) =>
        finish(() => {
          if (this.proc === proc) this.proc = null;
          proc.kill();
          reject(err);
        });
      let timer = setTimeout(() => kill(timeoutError(this.limits)), this.limits.timeoutMs);
      control.signal?.addEventListener('abort', onAbort, { once: true });
      let rssLimit = this.limits.rssMb;
      const watch = setInterval(() => {
        const mb = proc.pid ? residentMb(proc.pid) : null;
        if (mb !== null && mb > rssLimit) kill(tooComplexError(rssLimit));
      }, 100);
      this.current = {
        id,
        onResponse: (res) => {
          if ('progress' in res) {
            // Each page has the whole time limit: the clock starts again as a page begins.
            clearTimeout(timer);
            timer = setTimeout(() => kill(timeoutError(this.limits)), this.limits.timeoutMs);
            rssLimit = Math.max(this.limits.rssMb, this.limits.ocrRssMb);
            control.onProgress?.(res.progress);
            return;
          }
          finish(() => {
            // A process that ran OCR holds what its pages took: it is retired, so that memory
            // goes back to the system and the next file starts under the ordinary limit.
            if (rssLimit !== this.limits.rssMb && this.proc === proc) {
              this.proc = null;
              proc.kill();
            }
            if (res.ok) return resolve(res.result);
            if (res.unexpected) this.unexpected++;
            reject(new QiyueError(res.code, res.message));
          });
        },
        onExit: (code, signal, stderr) =>
          finish(() => {
            // V8 aborts when the heap limit is reached.
            const outOfMemory =
              /heap limit|out of memory|Allocation failed/i.test(stderr) ||
              signal === 'SIGABRT' ||
              code === 134;
            if (!outOfMemory) this.crashed++;
            reject(outOfMemory ? tooComplexError(rssLimit) : crashedError());
          }),
      };
      proc.setBusy?.(true);
      proc.send({ id, fileName, bytes, options });
    });
  }
}

let shared: IsolatedParser | null = null;

/** The process's one parser (started on first use), shared by every store it opens. */
export function sharedParser(): IsolatedParser {
  return (shared ??= new IsolatedParser());
}
