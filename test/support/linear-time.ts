/**
 * How the time to import and analyse grows with the size of an adversarial input: the ratio of
 * the time at a large size to the time at one eighth of it, measured in one run (8 for linear
 * code, 64 for quadratic). Shared by the linear-time test and `npm run bench`.
 */
import { parseContract } from '../../electron/main/isolation/parse';
import { DOCX_CASES, TEXT_CASES } from './adversarial';

/**
 * The least time a small run counts for: below 20 ms a run's time is mostly garbage collection
 * and timer noise, and a ratio over it says nothing (a quadratic case at 20 ms would still show
 * 64×).
 */
const FLOOR_MS = 20;

/** Milliseconds of the fastest of `runs` calls (slower runs are other work interfering). */
async function fastest(runs: number, fn: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn().catch(() => undefined); // a refusal (`empty-file`) is an outcome too
    best = Math.min(best, performance.now() - t);
  }
  return best;
}

/** One case's growth: the times at the small and the large size, and their ratio. */
export interface Growth {
  name: string;
  smallMs: number;
  largeMs: number;
  ratio: number;
}

/** Text cases at `small` and 8 × `small` bytes (default 128 KiB and 1 MiB). */
export async function textGrowth(small = 128 * 1024): Promise<Growth[]> {
  const out: Growth[] = [];
  for (const c of TEXT_CASES) {
    const at = (n: number) => new TextEncoder().encode(c.make(n));
    const [a, b] = [at(small), at(small * 8)];
    const smallMs = await fastest(3, () => parseContract(c.file, a));
    const largeMs = await fastest(1, () => parseContract(c.file, b));
    out.push({ name: c.name, smallMs, largeMs, ratio: largeMs / Math.max(smallMs, FLOOR_MS) });
  }
  return out;
}

/** DOCX cases with `count` and 8 × `count` repeated parts. */
export async function docxGrowth(count = 2000): Promise<Growth[]> {
  const out: Growth[] = [];
  for (const c of DOCX_CASES) {
    const [a, b] = [await c.make(count), await c.make(count * 8)];
    const smallMs = await fastest(3, () => parseContract('x.docx', a));
    const largeMs = await fastest(1, () => parseContract('x.docx', b));
    out.push({
      name: `DOCX ${c.name}`,
      smallMs,
      largeMs,
      ratio: largeMs / Math.max(smallMs, FLOOR_MS),
    });
  }
  return out;
}
