/**
 * A Qiyue process that encrypts a data folder, or removes its encryption, and kills itself
 * (SIGKILL) just before rewriting the pass's file number `killAt` (0 is the first file; a number
 * past the last file lets the pass finish), for the encryption tests: whatever the moment, the
 * folder must open with its passphrase and hold everything it held.
 *
 *   vault-pass <dataDir> enable|disable <killAt>     (the passphrase in QIYUE_PASSPHRASE)
 */
import fs from 'node:fs';
import { ContractStore } from '../../electron/main/store/store';
import { parseContract } from '../../electron/main/isolation/parse';

async function main(): Promise<void> {
  const [dataDir, action, killAtText] = process.argv.slice(2);
  const passphrase = process.env.QIYUE_PASSPHRASE ?? '';
  const killAt = Number(killAtText);
  let step = 0;
  const store = await ContractStore.open(dataDir, {
    parse: parseContract,
    passphrase: action === 'disable' ? passphrase : undefined,
    beforePassStep: (name) => {
      fs.writeSync(1, `step ${step} ${name}\n`);
      if (step++ === killAt) process.kill(process.pid, 'SIGKILL');
    },
  });
  if (action === 'enable') await store.enableEncryption(passphrase);
  else await store.disableEncryption(passphrase);
  fs.writeSync(1, 'done\n');
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`${(err as Error).stack ?? String(err)}\n`);
    process.exit(1);
  },
);
