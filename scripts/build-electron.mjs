// Bundles the Electron main process (ESM-free CJS for Electron's loader) and the sandboxed
// preload (must be CommonJS) with esbuild. Dependencies stay external: electron-builder ships them.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
};
await build({
  ...common,
  entryPoints: ['electron/main/index.ts'],
  outfile: 'dist-electron/main.cjs',
  format: 'cjs',
  packages: 'external',
  // pdfjs-dist is ESM-only: keep it a runtime import() from the CJS bundle.
  supported: { 'dynamic-import': true },
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});
await build({
  ...common,
  entryPoints: ['electron/preload/index.ts'],
  outfile: 'dist-electron/preload.cjs',
  format: 'cjs',
  external: ['electron'],
});
