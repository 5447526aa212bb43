// Bundles the Electron main process and the sandboxed preload (which must be CommonJS) with
// esbuild. Dependencies are bundled in, except electron itself and the runtime packages
// (scripts/runtime-packages.mjs), which electron-builder ships in node_modules.
import { build } from 'esbuild';
import { RUNTIME_PACKAGES } from './runtime-packages.mjs';

const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
};
// The main process and the parser process it starts (`electron/main/isolation/child.ts`, run
// as a utility process) are bundled alike.
const nodeProcess = {
  ...common,
  format: 'cjs',
  // The OCR runtime is native (onnxruntime-node, sharp, @napi-rs/canvas) or large and loaded on
  // first use (OpenCV's wasm, the models), and pdf.js is ESM-only with its own assets: shipped as
  // packages, not bundled.
  external: ['electron', ...RUNTIME_PACKAGES.flatMap((name) => [name, `${name}/*`])],
  // pdfjs-dist is ESM-only: keep it a runtime import() from the CJS bundle.
  supported: { 'dynamic-import': true },
  define: { 'import.meta.url': 'importMetaUrl' },
  banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
};
await build({
  ...nodeProcess,
  entryPoints: ['electron/main/index.ts'],
  outfile: 'dist-electron/main.cjs',
});
await build({
  ...nodeProcess,
  entryPoints: ['electron/main/isolation/child.ts'],
  outfile: 'dist-electron/parser.cjs',
});
await build({
  ...common,
  entryPoints: ['electron/preload/index.ts'],
  outfile: 'dist-electron/preload.cjs',
  format: 'cjs',
  external: ['electron'],
});
