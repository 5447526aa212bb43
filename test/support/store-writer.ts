/**
 * A second Qiyue process on the same data folder, for the store's concurrency tests: it adds
 * annotations to the folder's first contract and prints `ack <comment>` on stdout the moment each
 * write is acknowledged (the store's promise resolved; `ready` once the store is open), so the test knows which writes must
 * survive whatever happens to this process afterwards.
 *
 *   store-writer <dataDir> <label> <count> [--stall-first-commit] [--stale MS]
 *
 * `--stall-first-commit` stops this process (SIGSTOP to itself) while it holds the lock, after
 * its first change is applied and before it is committed; the test resumes it with SIGCONT.
 */
import fs from 'node:fs';
import { ContractStore } from '../../electron/main/store/store';

async function main(): Promise<void> {
  const [dataDir, label, countText, ...flags] = process.argv.slice(2);
  const staleAt = flags.indexOf('--stale');
  const staleMs = staleAt >= 0 ? Number(flags[staleAt + 1]) : 30_000;
  let stall = flags.includes('--stall-first-commit');
  const store = await ContractStore.open(dataDir, {
    lock: { staleMs, updateMs: Math.max(1000, Math.floor(staleMs / 4)) },
    beforeCommit: () => {
      if (!stall) return;
      stall = false;
      fs.writeSync(1, 'stalling\n');
      process.kill(process.pid, 'SIGSTOP');
    },
  });
  const [entry] = await store.list();
  if (!entry) throw new Error(`no contract in ${dataDir}`);
  const contract = await store.get(entry.id);
  fs.writeSync(1, 'ready\n');
  for (let i = 0; i < Number(countText); i++) {
    const comment = `${label}-${i}`;
    await store.addAnnotation(contract.id, {
      anchor: { start: 0, end: 2, quote: contract.text.slice(0, 2), positions: [] },
      comment,
      tags: [],
      status: 'pending',
      by: label,
    });
    fs.writeSync(1, `ack ${comment}\n`);
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    const cause = (err as Error).cause as Error | undefined;
    process.stderr.write(
      `${(err as Error).stack ?? String(err)}\n${cause ? `cause: ${cause.stack ?? String(cause)}\n` : ''}`,
    );
    process.exit(1);
  },
);
