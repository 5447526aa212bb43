/**
 * How the time to import and analyse grows with the size of an adversarial input: the ratio of
 * the time at a large size to the time at one eighth of it, measured in one run (8 for linear
 * code, 64 for quadratic). Shared by the linear-time test and `npm run bench`.
 *
 * Each case is parsed in a parser process of its own (the path files take in the app), started
 * and warmed up before the clock runs, so that one case's garbage is not collected on another's
 * time.
 */
import { IsolatedParser } from '../../electron/main/isolation/parser';
import { DOCX_CASES, TEXT_CASES } from './adversarial';

/**
 * The least time a small run counts for: below 50 ms a run's time is mostly process messaging,
 * garbage collection and cache effects (a 128 KiB text fits in the processor's cache, a 1 MiB
 * one does not), which make linear code measure 10–14× between the sizes. Quadratic code still
 * shows: at 10 ms for 128 KiB it takes 640 ms for 1 MiB, 12.8× the floor; at 50 ms, 64×.
 */
const FLOOR_MS = 50;

/** Milliseconds one call takes (a refusal such as `empty-file` is an outcome too). */
async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await fn().catch(() => undefined);
  return performance.now() - t;
}

/**
 * The fastest of five small runs and of three large ones, interleaved (small, large, small,
 * large, …) so that a stretch of other work on the machine slows both alike; slower runs are
 * that interference, not the code.
 */
async function pair(
  small: () => Promise<unknown>,
  large: () => Promise<unknown>,
): Promise<[number, number]> {
  let s = Infinity;
  let l = Infinity;
  for (let i = 0; i < 5; i++) {
    s = Math.min(s, await timed(small));
    if (i < 3) l = Math.min(l, await timed(large));
  }
  return [s, l];
}

/** One case's growth: the times at the small and the large size, and their ratio. */
export interface Growth {
  name: string;
  smallMs: number;
  largeMs: number;
  ratio: number;
}

/** Runs `measure` with a fresh, warmed-up parser process, then stops it. */
async function withParser<T>(measure: (p: IsolatedParser) => Promise<T>): Promise<T> {
  const parser = new IsolatedParser({
    timeoutMs: 120_000,
    heapMb: 2048,
    rssMb: 4096,
    ocrRssMb: 4096,
  });
  try {
    await parser.parse(
      'warm-up.txt',
      new TextEncoder().encode('甲方应于2025年1月1日前支付100元。'),
    );
    return await measure(parser);
  } finally {
    parser.close();
  }
}

/** The goal: a case whose time grows this much or more for an 8-fold input is not linear. */
export const GOAL_RATIO = 12;

/**
 * One case's growth. A measurement at or over the goal is taken again, up to `attempts` times
 * in all, and the lowest kept: on a machine busy with other work (the rest of `npm test` on two
 * cores) linear code sometimes measures 12–13×, quadratic code measures 64× every time.
 */
async function growthOf(
  name: string,
  file: string,
  small: Uint8Array,
  large: Uint8Array,
  attempts: number,
): Promise<Growth> {
  let best: Growth | null = null;
  for (let i = 0; i < attempts && (!best || best.ratio >= GOAL_RATIO); i++) {
    const [smallMs, largeMs] = await withParser((p) =>
      pair(
        () => p.parse(file, small),
        () => p.parse(file, large),
      ),
    );
    const g = { name, smallMs, largeMs, ratio: largeMs / Math.max(smallMs, FLOOR_MS) };
    if (!best || g.ratio < best.ratio) best = g;
  }
  return best!;
}

/** Text cases at `small` and 8 × `small` bytes (default 128 KiB and 1 MiB). */
export async function textGrowth(small = 128 * 1024, attempts = 1): Promise<Growth[]> {
  const out: Growth[] = [];
  for (const c of TEXT_CASES) {
    const at = (n: number) => new TextEncoder().encode(c.make(n));
    out.push(await growthOf(c.name, c.file, at(small), at(small * 8), attempts));
  }
  return out;
}

/** DOCX cases with `count` and 8 × `count` repeated parts. */
export async function docxGrowth(count = 2000, attempts = 1): Promise<Growth[]> {
  const out: Growth[] = [];
  for (const c of DOCX_CASES)
    out.push(
      await growthOf(
        `DOCX ${c.name}`,
        'x.docx',
        await c.make(count),
        await c.make(count * 8),
        attempts,
      ),
    );
  return out;
}
