/**
 * The store never loses an acknowledged write, whatever other processes on the data folder do:
 * a writer stopped (SIGSTOP) while it holds the lock, writers killed (SIGKILL) at random
 * moments, two writers at once. Each writer is a real second process (`support/store-writer.ts`,
 * bundled once so that a start takes a fraction of a second) that prints `ack <comment>` as soon
 * as each annotation's write is acknowledged; afterwards every acknowledged annotation must be
 * in the store, and the store must open without being moved aside.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { buildSync } from 'esbuild';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ContractStore } from '../../electron/main/store/store';
import { parseContract } from '../../electron/main/isolation/parse';
import { seedPath } from '../support/seeds';
import {
  MAX_CHAIN_LENGTH,
  generationName,
  generationsIn,
  isDeltaGeneration,
} from '../../electron/main/store/generations';

const WRITER = path.resolve('node_modules/.cache/qiyue-tests/store-writer.mjs');

beforeAll(() => {
  buildSync({
    entryPoints: ['test/support/store-writer.ts'],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    outfile: WRITER,
    logLevel: 'error',
  });
});

/** A data folder holding one contract (seed 004's text), for writers to annotate. */
async function folderWithContract(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-concurrency-'));
  const store = await ContractStore.open(dir, { parse: parseContract });
  const file = seedPath('004_df6ca03d82af185a', 'txt');
  await store.importContract(path.basename(file), new Uint8Array(fs.readFileSync(file)));
  return dir;
}

interface Writer {
  child: ChildProcess;
  /** Comments whose write was acknowledged so far. */
  acked: string[];
  /** Lines other than acks (`stalling`). */
  said: string[];
  stderr: string[];
  exited: Promise<number | null>;
}

function startWriter(dir: string, label: string, count: number, flags: string[] = []): Writer {
  const child = spawn(process.execPath, [WRITER, dir, label, String(count), ...flags], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const w: Writer = {
    child,
    acked: [],
    said: [],
    stderr: [],
    exited: new Promise((r) => child.once('exit', (code) => r(code))),
  };
  let rest = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString('utf8')).split('\n');
    rest = lines.pop()!;
    for (const line of lines)
      if (line.startsWith('ack ')) w.acked.push(line.slice(4));
      else w.said.push(line);
  });
  child.stderr!.on('data', (chunk: Buffer) => w.stderr.push(chunk.toString('utf8')));
  return w;
}

/** Comments of the annotations in the store, read as a new process would. */
async function storedComments(dir: string): Promise<{ comments: string[]; recovered: boolean }> {
  const store = await ContractStore.open(dir, { parse: parseContract });
  const [entry] = await store.list();
  const c = await store.get(entry.id);
  return {
    comments: (c.annotations ?? []).map((a) => a.comment),
    recovered: store.recoveredFrom !== null,
  };
}

/** Whether process `pid` is stopped (Linux: state `T` in /proc/<pid>/stat). */
function stopped(pid: number): boolean {
  try {
    return /^\d+ \(.*\) T /.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function until(test: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!test()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the store under concurrent processes', () => {
  it.runIf(process.platform === 'linux')(
    'a writer stopped while holding the lock loses nothing, nor does the one that takes over',
    async () => {
      const dir = await folderWithContract();
      const stale = ['--stale', '2000'];
      const a = startWriter(dir, 'stalled', 1, ['--stall-first-commit', ...stale]);
      await until(() => a.said.includes('stalling') && stopped(a.child.pid!), 20_000);
      // The holder is stopped with its change applied and not committed, and the lock is its own.
      expect(fs.readFileSync(path.join(dir, 'store.lock.owner'), 'utf8')).toMatch(
        new RegExp(`^${a.child.pid} `),
      );
      const started = Date.now();
      const b = startWriter(dir, 'other', 3, stale);
      expect(await b.exited).toBe(0);
      // It waited for the lock to go stale (2 s), then took it over and wrote, all while the
      // first writer stayed stopped.
      expect(Date.now() - started).toBeGreaterThan(1500);
      expect(stopped(a.child.pid!)).toBe(true);
      expect(b.acked).toEqual(['other-0', 'other-1', 'other-2']);
      expect((await storedComments(dir)).comments).toEqual(['other-0', 'other-1', 'other-2']);

      a.child.kill('SIGCONT');
      // Resumed, it finds its generation taken, reads again and commits on top: no crash.
      expect(await a.exited).toBe(0);
      expect(a.stderr.join('')).toBe('');
      expect(a.acked).toEqual(['stalled-0']);
      const after = await storedComments(dir);
      expect(after.recovered).toBe(false);
      expect(after.comments).toEqual(['other-0', 'other-1', 'other-2', 'stalled-0']);
    },
    60_000,
  );

  it('two writers at once, 50 writes each: every acknowledged write is there', async () => {
    const dir = await folderWithContract();
    const [before] = await generationsIn(path.join(dir, 'store'));
    const writers = [startWriter(dir, 'left', 50), startWriter(dir, 'right', 50)];
    const codes = await Promise.all(writers.map((w) => w.exited));
    expect(codes, writers.flatMap((w) => w.stderr).join('')).toEqual([0, 0]);
    const { comments, recovered } = await storedComments(dir);
    expect(recovered).toBe(false);
    const acked = writers.flatMap((w) => w.acked);
    expect(acked).toHaveLength(100);
    expect([...comments].sort()).toEqual([...acked].sort());
    // One generation per write: none was lost by being overwritten.
    const [after] = await generationsIn(path.join(dir, 'store'));
    expect(after - before).toBe(100);
    // Kept: the newest and the one before, each with the generations back to its whole base.
    const baseOf = (n: number) => {
      const g = JSON.parse(fs.readFileSync(path.join(dir, 'store', generationName(n)), 'utf8'));
      return isDeltaGeneration(g) ? g.base : n;
    };
    const floor = Math.min(baseOf(after), baseOf(after - 1));
    expect(after - floor).toBeLessThanOrEqual(MAX_CHAIN_LENGTH + 1);
    expect(await generationsIn(path.join(dir, 'store'))).toEqual(
      Array.from({ length: after - floor + 1 }, (_, i) => after - i),
    );
  }, 120_000);

  it('writers killed at 200 random moments: no acknowledged write lost, no unreadable store', async () => {
    const dir = await folderWithContract();
    // Moments from a seeded generator, so a failure is repeated by the same run: two writers a
    // round, each killed after its own number of acknowledged writes (0–4) and then 0–30 ms
    // more (a write takes 5–20 ms here), so a kill lands while writing, while holding the lock,
    // or while waiting for it. Counted in writes, not time, so a loaded machine kills as often
    // after writing as an idle one.
    const moment = fc.record({ writes: fc.nat(4), ms: fc.nat(30) });
    const rounds = fc.sample(fc.tuple(moment, moment), { seed: 20261201, numRuns: 100 });
    const acked: string[] = [];
    let kills = 0;
    let killedAfterWriting = 0;
    let killedBeforeWriting = 0;
    for (const [round, pair] of rounds.entries()) {
      const writers = pair.map(({ writes, ms }, i) => {
        const w = startWriter(dir, `r${round}w${i}`, 1000);
        const due = () => w.said.includes('ready') && w.acked.length >= writes;
        void until(() => due() || w.child.exitCode !== null, 60_000)
          .then(() => new Promise((r) => setTimeout(r, ms)))
          .finally(() => w.child.kill('SIGKILL'));
        return w;
      });
      const codes = await Promise.all(writers.map((w) => w.exited));
      // Each ends by the kill (no exit code): a writer that stopped on its own failed.
      expect(codes, writers.flatMap((w) => w.stderr).join('')).toEqual([null, null]);
      for (const w of writers) {
        kills++;
        acked.push(...w.acked);
        if (w.acked.length > 0) killedAfterWriting++;
        else killedBeforeWriting++;
      }
    }
    // The kills landed both before a writer's first write and after some.
    const afterSome = rounds.flat().filter((m) => m.writes > 0).length;
    expect(kills).toBe(200);
    expect(killedAfterWriting).toBeGreaterThanOrEqual(afterSome);
    expect(killedBeforeWriting).toBeGreaterThan(0);
    const { comments, recovered } = await storedComments(dir);
    expect(recovered).toBe(false);
    const stored = new Set(comments);
    expect(acked.filter((c) => !stored.has(c))).toEqual([]);
    // What killed writers left (temporary files, their lock) is cleared: a new writer goes on.
    const last = startWriter(dir, 'after', 1);
    expect(await last.exited).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'store')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 300_000);

  it('two command lines importing into one folder at once both land', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'qiyue-two-cli-'));
    const cli = (files: string[]) => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', 'electron/cli/review.ts', '--data-dir', dir, '--json', ...files],
        { stdio: 'ignore' },
      );
      return new Promise((r) => child.once('exit', r));
    };
    const left = ['000_0afe16271ab3c86a', '002_21901a1de7442d81'].map((n) => seedPath(n, 'txt'));
    const right = ['003_2fd1bbbed6f06600', '004_df6ca03d82af185a'].map((n) => seedPath(n, 'txt'));
    expect(await Promise.all([cli(left), cli(right)])).toEqual([0, 0]);
    const store = await ContractStore.open(dir, { parse: parseContract });
    expect((await store.list()).map((c) => c.fileName).sort()).toEqual(
      [...left, ...right].map((f) => path.basename(f)).sort(),
    );
  }, 120_000);
});
