/**
 * A Qiyue process importing synthetic contracts into a data folder, for the store's kill tests:
 * prints `ready` once the store is open and `ack <id>` the moment each import is acknowledged,
 * so the test knows which contracts must be there whatever happens to this process afterwards.
 *
 *   store-importer <dataDir> <seed file> <from> <count>
 */
import fs from 'node:fs';
import path from 'node:path';
import { ContractStore } from '../../electron/main/store/store';
import { importSynthetic, reusedParse } from './synthetic-store';

async function main(): Promise<void> {
  const [dataDir, seed, from, count] = process.argv.slice(2);
  const { parse, bytes } = reusedParse(seed);
  const store = await ContractStore.open(dataDir, { parse });
  // Read and analysed before `ready`, so that what follows is imports only.
  await parse(seed, bytes);
  fs.writeSync(1, 'ready\n');
  await importSynthetic(store, bytes, path.extname(seed), Number(from), Number(count), (id) =>
    fs.writeSync(1, `ack ${id}\n`),
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
