// Runs a command line (`npm run review`, `compare`, `verify`) from its bundle in dist-electron/,
// bundling it first when it is missing or older than any source file (esbuild, well under a
// second); the bundle starts in a fraction of the time tsx takes to compile the sources, and
// pdf.js loads as plain JavaScript. Usage: node scripts/cli.mjs <command> [args…]
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { CLI_COMMANDS, cliBuild } from './esbuild-config.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The newest modification time of the files under `dir` (milliseconds). */
function newest(dir) {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

async function main() {
  const [command, ...args] = process.argv.slice(2);
  if (!CLI_COMMANDS.includes(command)) {
    process.stderr.write(
      `用法：node scripts/cli.mjs ${CLI_COMMANDS.join('|')} … (unknown command ${command})\n`,
    );
    process.exit(2);
  }
  const bundle = path.join(ROOT, 'dist-electron', `cli-${command}.cjs`);
  const parser = path.join(ROOT, 'dist-electron', 'parser.cjs');
  const built = Math.min(
    ...[bundle, parser].map((f) => (fs.existsSync(f) ? fs.statSync(f).mtimeMs : 0)),
  );
  const sources = Math.max(...['electron', 'shared'].map((d) => newest(path.join(ROOT, d))));
  if (built < sources) await build({ ...cliBuild, absWorkingDir: ROOT });
  // The bundle reads its arguments from process.argv, as when run directly.
  process.argv = [process.argv[0], bundle, ...args];
  createRequire(import.meta.url)(bundle);
}

await main();
