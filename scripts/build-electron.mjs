// Bundles the Electron main process and the sandboxed preload (which must be CommonJS) with
// esbuild. Dependencies are bundled in, except electron itself and the runtime packages
// (scripts/runtime-packages.mjs), which electron-builder ships in node_modules.
import { build } from 'esbuild';
import { cliBuild, common, nodeProcess } from './esbuild-config.mjs';

await build({
  ...nodeProcess,
  entryPoints: ['electron/main/index.ts'],
  outfile: 'dist-electron/main.cjs',
});
// The parser process and the command lines (`npm run review`, `compare`, `verify`), which start
// in a fraction of the time tsx takes (`scripts/cli.mjs`).
await build(cliBuild);
await build({
  ...common,
  entryPoints: ['electron/preload/index.ts'],
  outfile: 'dist-electron/preload.cjs',
  format: 'cjs',
  external: ['electron'],
});
