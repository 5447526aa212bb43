/**
 * `npm run fuzz [-- --seed N --count N --quick]`: the long fuzz run, 1,200 inputs at full size
 * by default (zip bombs to 2 GiB, lines to 10 MB, PDFs to 20,000 pages, numbering to 200,000
 * lines) with the app's parser limits. Prints each failure and the totals; exits 1 on any
 * crash, hang, unspecific refusal, store change, or main's memory past its bound.
 */
import { fuzzInputs, type FuzzScale } from '../support/fuzz';
import { MAIN_MEMORY_BOUND_MB, runFuzz } from '../support/fuzz-run';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<number> {
  const seed = arg('--seed', 20261202);
  const count = arg('--count', 1200);
  const scale: FuzzScale = process.argv.includes('--quick') ? 'quick' : 'full';
  const started = performance.now();
  const inputs = fuzzInputs(seed, count, scale);
  process.stdout.write(`fuzz: ${count} inputs (seed ${seed}, ${scale})\n`);
  const summary = await runFuzz(inputs, undefined, (done, outcome) => {
    if (outcome.kind !== 'imported' && outcome.kind !== 'refused')
      process.stdout.write(`  ${outcome.kind}: ${outcome.input}: ${outcome.message ?? ''}\n`);
    if (done % 100 === 0) process.stdout.write(`  ${done}/${count}\n`);
  });
  const grew = summary.peakGrowthMb;
  process.stdout.write(
    [
      `imported ${summary.imported}, refused ${JSON.stringify(summary.refusedByCode)}`,
      `failures ${summary.failures.length} (crash, hang, unspecific, store-changed)`,
      `slowest ${(summary.slowestMs / 1000).toFixed(1)} s: ${summary.slowest}`,
      `main memory: at most +${grew.toFixed(0)} MiB while importing one input (${summary.peakGrowthInput}; bound +${MAIN_MEMORY_BOUND_MB})`,
      `parser processes started: ${summary.parsersStarted}`,
      `${((performance.now() - started) / 1000).toFixed(0)} s in all`,
    ].join('\n') + '\n',
  );
  return summary.failures.length === 0 && grew < MAIN_MEMORY_BOUND_MB ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
