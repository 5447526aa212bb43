// Copies pdf.js's cMaps, standard fonts and wasm decoders into renderer/public/pdfjs so the
// built renderer (and the packaged app) loads them locally, never from a CDN.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const src = path.dirname(require.resolve('pdfjs-dist/package.json'));
const dest = path.resolve('renderer/public/pdfjs');
for (const dir of ['cmaps', 'standard_fonts', 'wasm']) {
  fs.rmSync(path.join(dest, dir), { recursive: true, force: true });
  fs.cpSync(path.join(src, dir), path.join(dest, dir), { recursive: true });
}
console.log(`pdf.js assets copied to ${path.relative(process.cwd(), dest)}`);
