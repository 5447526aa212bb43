/**
 * pdf.js in the renderer: worker, cMaps, standard fonts and wasm all from the app's own files
 * (copied to public/pdfjs at build). pdf.js 6 removed `isEvalSupported`: it no longer compiles
 * PDF functions with eval at all (no `new Function` in its builds), and the CSP forbids eval anyway. Anchors are PDF user space; converting
 * them to screen coordinates happens only in this folder.
 */
import * as pdfjs from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;

/** Opens a PDF from bytes with local assets only. */
export function openPdf(data: Uint8Array) {
  const base = new URL('./pdfjs/', document.baseURI).href;
  return pdfjs.getDocument({
    data: data.slice(),
    cMapUrl: `${base}cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${base}standard_fonts/`,
    wasmUrl: `${base}wasm/`,
    enableXfa: false,
  });
}

export { pdfjs };
