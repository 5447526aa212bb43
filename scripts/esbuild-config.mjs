// esbuild settings shared by the app's build (scripts/build-electron.mjs) and the command lines'
// launcher (scripts/cli.mjs).
import { RUNTIME_PACKAGES } from './runtime-packages.mjs';

/** The command lines (`npm run review`, `compare`, `verify`), by their file in electron/cli/. */
export const CLI_COMMANDS = ['review', 'compare', 'verify'];

export const common = {
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
};

// The main process, the parser process it starts (`electron/main/isolation/child.ts`, run as a
// utility process) and the command lines are bundled alike.
export const nodeProcess = {
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

/**
 * The command lines and the parser process they start, bundled side by side in dist-electron/
 * (`cli-review.cjs` … and `parser.cjs`: the parser is found beside the bundle that starts it).
 */
export const cliBuild = {
  ...nodeProcess,
  entryPoints: {
    parser: 'electron/main/isolation/child.ts',
    ...Object.fromEntries(CLI_COMMANDS.map((name) => [`cli-${name}`, `electron/cli/${name}.ts`])),
  },
  outdir: 'dist-electron',
  outExtension: { '.js': '.cjs' },
};
