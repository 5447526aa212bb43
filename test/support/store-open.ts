/**
 * A Qiyue process that opens a data folder (moving a schema-1 store to the catalog layout) and
 * exits, for the migration's kill test. With a step number it kills itself (SIGKILL, as a crash
 * or a power cut would stop it) just before that step of the migration: the n-th file it writes,
 * or the commit once the files are all written.
 *
 *   store-open <dataDir> [<step>]
 */
import { ContractStore } from '../../electron/main/store/store';

const [dataDir, stepText] = process.argv.slice(2);
const killAt = stepText === undefined ? Infinity : Number(stepText);
let step = 0;
const maybeDie = () => {
  if (++step === killAt) process.kill(process.pid, 'SIGKILL');
};
ContractStore.open(dataDir, { beforeWrite: maybeDie, beforeCommit: maybeDie }).then(
  async (store) => {
    await store.collected;
    process.exit(0);
  },
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
