/**
 * `npm run compare -- [--format table|json|csv] [--data-dir DIR] FILE…`
 *
 * Imports each file as `review` does and prints the comparison matrix: normalised terms as rows,
 * contracts as columns (supplier and signing date), whom each term favours, and the value that
 * favours each party most marked. A table for reading by default; JSON or CSV on request. Exit
 * 0 when every file was read.
 */
import path from 'node:path';
import Table from 'cli-table3';
import stringWidth from 'string-width';
import { compareContracts, type ComparisonMatrix } from '../../shared/domain/compare/matrix';
import {
  cellMark,
  favoursLabel,
  matrixCsv,
  shortHead,
} from '../../shared/domain/compare/matrix-text';
import { defaultDataDir } from '../main/store/paths';
import { importFiles, runCli, writeOut } from './import-files';
import { maskPersonalDataDeep } from '../../shared/domain/pii';

const USAGE = 'usage: npm run compare -- [--format table|json|csv] [--data-dir DIR] FILE…';

/**
 * `text` broken into lines of at most `width` terminal columns, a CJK character counting two
 * (cli-table3 wraps by characters and would cut Chinese short).
 */
function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (stringWidth(line + ch) > width) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  return [...lines, line].join('\n');
}

/**
 * The matrix as a text table: one line per term (wrapped within its cell), whom it favours, one
 * column per contract headed by its supplier and date; the key to the marks underneath.
 */
function matrixTable(m: ComparisonMatrix, width = process.stdout.columns || 160): string {
  const valueWidth = Math.max(
    14,
    Math.floor((width - 30 - 18) / Math.max(1, m.contracts.length)) - 3,
  );
  const widths = [30, 18, ...m.contracts.map(() => valueWidth)];
  const table = new Table({
    head: ['条款', '对谁有利', ...m.contracts.map(shortHead)].map((h, i) => wrap(h, widths[i] - 2)),
    colWidths: widths,
    style: { head: [], border: [], compact: true },
  });
  for (const r of m.rows)
    table.push(
      [
        r.label,
        favoursLabel(r) || '—',
        ...m.contracts.map((c) => {
          const x = r.cells[c.id];
          return x ? `${x.display}${cellMark(r, c.id)}` : '—';
        }),
      ].map((cell, i) => wrap(cell, widths[i] - 2)),
    );
  const titles = m.contracts.map((c) => `  ${shortHead(c)}：${c.title}`).join('\n');
  return `${table.toString()}\n（最利甲方）/（最利乙方）：该项数值在所比合同中对该方最有利。\n${titles}\n`;
}

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  let format: 'table' | 'json' | 'csv' = 'table';
  let dataDir = defaultDataDir();
  const files: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--format') {
      const f = argv[++i];
      if (f !== 'table' && f !== 'json' && f !== 'csv') {
        process.stderr.write(`--format must be table, json or csv\n${USAGE}\n`);
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
  await writeOut(
    format === 'csv'
      ? matrixCsv(shown)
      : format === 'table'
        ? matrixTable(shown)
        : `${JSON.stringify(shown, null, 2)}\n`,
  );
  return failed ? 1 : 0;
}

runCli(main);
