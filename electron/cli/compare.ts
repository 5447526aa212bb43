/**
 * `npm run compare -- [--format json|csv] [--data-dir DIR] FILE…`
 *
 * Imports each file as `review` does and prints the comparison matrix: normalised terms as rows,
 * contracts as columns, strictest and most lenient marked. Exit 0 when every file was read.
 */
import path from 'node:path';
import { compareContracts, matrixCsv } from '../../shared/domain/compare/matrix';
import { defaultDataDir } from '../main/store/paths';
import { importFiles, runCli, writeOut } from './import-files';
import { maskPersonalDataDeep } from '../../shared/domain/pii';

const USAGE = 'usage: npm run compare -- [--format json|csv] [--data-dir DIR] FILE…';

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let format: 'json' | 'csv' = 'json';
  let dataDir = defaultDataDir();
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format') {
      const f = argv[++i];
      if (f !== 'json' && f !== 'csv') {
        process.stderr.write(`--format must be json or csv\n${USAGE}\n`);
        return 2;
      }
      format = f;
    } else if (a === '--data-dir') dataDir = path.resolve(argv[++i] ?? '');
    else if (a.startsWith('--')) {
      process.stderr.write(`unknown option ${a}\n${USAGE}\n`);
      return 2;
    } else files.push(a);
  }
  if (!files.length) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  const { contracts, failed } = await importFiles(dataDir, files);
  const matrix = compareContracts(
    contracts.map(({ file, contract }) => ({
      id: contract.id,
      title: contract.report.contract.title ?? file,
      report: contract.report,
    })),
  );
  // Quotes in the matrix show resident ID and mobile numbers masked, as every export does.
  const shown = maskPersonalDataDeep(matrix);
  await writeOut(format === 'csv' ? matrixCsv(shown) : `${JSON.stringify(shown, null, 2)}\n`);
  return failed ? 1 : 0;
}

runCli(main);
