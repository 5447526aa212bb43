/**
 * `npm run bench`: the import benchmarks (`import-bench.ts`, `linear-bench.ts`), each in a
 * process of its own; `npm run bench -- --store` the store and search at scale instead
 * (`store-bench.ts`).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const scripts = process.argv.includes('--store')
  ? ['store-bench.ts']
  : ['import-bench.ts', 'linear-bench.ts'];
for (const script of scripts)
  execFileSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, script)], {
    stdio: 'inherit',
  });
