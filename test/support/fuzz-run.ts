/**
 * Runs generated inputs (`fuzz.ts`) through the command line's import path (`importOne`: the
 * size check, then the store's import in the parser process under its limits) and sorts what
 * happens to each: imported, or refused with a code and a specific message, with the store's
 * bytes unchanged. Anything else is a failure of its own kind: a crash (a parser process that
 * died, an error that is not a refusal, a promise left rejected), a hang (no answer within the
 * parser's time limit and 15 s more), an unspecific refusal (library text, or the parser's
 * catch-all for an error no code anticipated), or a store that changed on a refusal. The
 * resident memory of this process (main's part: it holds the file and the store) is sampled
 * throughout.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { QiyueError } from '../../shared/domain/errors';
import { importOne } from '../../electron/cli/import-files';
import { ContractStore } from '../../electron/main/store/store';
import { IsolatedParser, type ParserLimits } from '../../electron/main/isolation/parser';
import { makeSpecial, type FuzzInput } from './fuzz';
import { storeDigest } from './store-files';

/**
 * How far this process's resident memory may rise while one input is imported, MiB: main holds
 * the file (at most 100 MiB), its copy on the way to the parser process, and the store it
 * rewrites. (Building the next input is this harness's work, not main's, and is not counted.)
 */
export const MAIN_MEMORY_BOUND_MB = 512;

/** What happened to one input. */
export interface FuzzOutcome {
  input: string;
  kind: 'imported' | 'refused' | 'crash' | 'hang' | 'unspecific' | 'store-changed';
  code?: string;
  message?: string;
  ms: number;
}

/** The run's totals; the failure lists hold each failing input. */
export interface FuzzSummary {
  total: number;
  imported: number;
  refusedByCode: Record<string, number>;
  failures: FuzzOutcome[];
  /** The slowest input's time, milliseconds. */
  slowestMs: number;
  slowest: string;
  /** The most this process's resident memory rose while one input was imported, MiB. */
  peakGrowthMb: number;
  /** The input it rose most for. */
  peakGrowthInput: string;
  /** Parser processes started (one, and one per file past a limit or that killed it). */
  parsersStarted: number;
}

/**
 * Library or engine text that must never reach the reviewer: an exception's name, a stack
 * frame, a parser library's prefix, a JavaScript value printed as text.
 */
const LIBRARY_TEXT =
  /Exception|Error\b|Bug :|xmldom|call stack|\bat \S+ \(|\bat \S+:\d+|Cannot read prop|is not a function|is not defined|\bundefined\b|\bNaN\b|\[object |Unexpected token/;

/** Latin words a Chinese message may hold: names of formats, programs and units. */
const NAMES_IN_CHINESE = new Set(
  'PDF DOCX DOC OFD TXT ZIP OCR WPS Word Excel MiB KiB GiB UTF XML CSV XLSX JSON SHA EOF Qiyue PNG JPEG EXE OLE XLS'.split(
    ' ',
  ),
);

/**
 * Whether a refusal's message is one of ours: Chinese that says what is wrong (at least four
 * characters, no Latin words but names of formats and programs), then its English in
 * parentheses, and no library or engine text in either.
 */
export function specificMessage(message: string): boolean {
  const at = message.lastIndexOf(' (');
  if (at < 0 || !message.endsWith(')')) return false;
  const chinese = message.slice(0, at);
  if (!/[\u4e00-\u9fff]{4}/.test(chinese) || LIBRARY_TEXT.test(message)) return false;
  return (chinese.match(/[A-Za-z]{3,}/g) ?? []).every((w) => NAMES_IN_CHINESE.has(w));
}

/**
 * Runs `inputs` one after the other into a fresh data folder.
 * @param limits the parser's limits (the app's by default)
 */
export async function runFuzz(
  inputs: AsyncIterable<FuzzInput>,
  limits?: ParserLimits,
  onProgress?: (done: number, outcome: FuzzOutcome) => void,
): Promise<FuzzSummary> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-fuzz-'));
  const dataDir = path.join(root, 'data');
  const inputDir = path.join(root, 'inputs');
  fs.mkdirSync(inputDir);
  const parser = new IsolatedParser(limits);
  const store = await ContractStore.open(dataDir, { parse: (...args) => parser.parse(...args) });
  const rejections: unknown[] = [];
  const onRejection = (reason: unknown) => rejections.push(reason);
  process.on('unhandledRejection', onRejection);
  const rssMb = () => process.memoryUsage().rss / 1048576;
  let peakRssMb = rssMb();
  const sampler = setInterval(() => {
    peakRssMb = Math.max(peakRssMb, rssMb());
  }, 20);
  const summary: FuzzSummary = {
    total: 0,
    imported: 0,
    refusedByCode: {},
    failures: [],
    slowestMs: 0,
    slowest: '',
    peakGrowthMb: 0,
    peakGrowthInput: '',
    parsersStarted: 0,
  };
  const hangMs = parser.limits.timeoutMs + 15_000;
  try {
    let i = 0;
    for await (const input of inputs) {
      summary.total = ++i;
      const file = path.join(inputDir, input.fileName);
      if (input.special) makeSpecial(file, input.special, (f) => execFileSync('mkfifo', [f]));
      else fs.writeFileSync(file, input.bytes!);
      const before = {
        store: storeDigest(dataDir),
        files: fs.readdirSync(path.join(dataDir, 'files')),
      };
      const crashesBefore = parser.crashed;
      const unexpectedBefore = parser.unexpected;
      const rejectionsBefore = rejections.length;
      const started = performance.now();
      const rssBefore = rssMb();
      peakRssMb = rssBefore;
      let timer: NodeJS.Timeout | undefined;
      const outcome: FuzzOutcome = await Promise.race([
        importOne(store, file).then(
          async ({ contract, duplicate }): Promise<FuzzOutcome> => {
            // Keep the store small: what was imported is removed again.
            if (!duplicate) await store.remove(contract.id);
            return { input: input.name, kind: 'imported', ms: 0 };
          },
          (err: unknown): FuzzOutcome => {
            if (!(err instanceof QiyueError))
              return {
                input: input.name,
                kind: 'crash',
                message: String((err as Error)?.stack ?? err),
                ms: 0,
              };
            return {
              input: input.name,
              kind: 'refused',
              code: err.code,
              message: err.message,
              ms: 0,
            };
          },
        ),
        new Promise<FuzzOutcome>((resolve) => {
          timer = setTimeout(() => resolve({ input: input.name, kind: 'hang', ms: 0 }), hangMs);
        }),
      ]);
      clearTimeout(timer);
      outcome.ms = performance.now() - started;
      if (peakRssMb - rssBefore > summary.peakGrowthMb) {
        summary.peakGrowthMb = peakRssMb - rssBefore;
        summary.peakGrowthInput = input.name;
      }
      if (outcome.kind === 'refused') {
        const after = {
          store: storeDigest(dataDir),
          files: fs.readdirSync(path.join(dataDir, 'files')),
        };
        if (parser.crashed > crashesBefore) outcome.kind = 'crash';
        else if (parser.unexpected > unexpectedBefore || !specificMessage(outcome.message!))
          outcome.kind = 'unspecific';
        else if (JSON.stringify(after) !== JSON.stringify(before)) outcome.kind = 'store-changed';
      }
      if (rejections.length > rejectionsBefore && outcome.kind !== 'hang') {
        outcome.kind = 'crash';
        outcome.message = `unhandled rejection: ${String(rejections[rejections.length - 1])}`;
      }
      if (outcome.kind === 'imported') summary.imported++;
      else if (outcome.kind === 'refused')
        summary.refusedByCode[outcome.code!] = (summary.refusedByCode[outcome.code!] ?? 0) + 1;
      else summary.failures.push(outcome);
      if (outcome.ms > summary.slowestMs) {
        summary.slowestMs = outcome.ms;
        summary.slowest = input.name;
      }
      fs.rmSync(file, { recursive: true, force: true });
      onProgress?.(i, outcome);
    }
  } finally {
    clearInterval(sampler);
    process.off('unhandledRejection', onRejection);
    parser.close();
    fs.rmSync(root, { recursive: true, force: true });
  }
  summary.parsersStarted = parser.started;
  return summary;
}
