/**
 * A PDF of page images, as a scanner writes one: each page a JPEG drawn over the whole page, no
 * text (the JPEG bytes go in unchanged, DCTDecode). The viewer shows an imported image file
 * (.jpg, .png, .tif) through it, as the one page of a PDF; the tests make scans with it.
 *
 * Written here rather than with a PDF library: it is a catalog, a page tree and three objects a
 * page (page, content, image) with an xref table, and no library in the project writes PDFs.
 */

/** One page: a baseline JPEG and the page's size in points. */
export interface ImagePage {
  jpeg: Uint8Array;
  /** Pixel size of the JPEG. */
  width: number;
  height: number;
  /** The page in points (e.g. 612 × 792 for US letter). */
  pageWidth: number;
  pageHeight: number;
}

/** A page with a text layer only: one line of ASCII text in Helvetica, 12 pt (tests). */
export interface TextPage {
  text: string;
  pageWidth: number;
  pageHeight: number;
}

/** The PDF bytes of `pages`. */
export function imagePdf(pages: readonly (ImagePage | TextPage)[]): Uint8Array {
  const chunks: Buffer[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Buffer | string) => {
    const buf = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    chunks.push(buf);
    length += buf.length;
  };
  const object = (n: number, body: (Buffer | string)[]) => {
    offsets[n] = length;
    push(`${n} 0 obj\n`);
    for (const b of body) push(b);
    push('\nendobj\n');
  };
  push('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
  // 1 catalog, 2 pages, then per page: page, content, image.
  const kids = pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  object(1, ['<< /Type /Catalog /Pages 2 0 R >>']);
  object(2, [`<< /Type /Pages /Kids [${kids}] /Count ${pages.length} >>`]);
  pages.forEach((p, i) => {
    const [page, content, image] = [3 + i * 3, 4 + i * 3, 5 + i * 3];
    if ('text' in p) {
      object(page, [
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${p.pageWidth} ${p.pageHeight}] ` +
          `/Resources << /Font << /F1 ${image} 0 R >> >> /Contents ${content} 0 R >>`,
      ]);
      const escaped = p.text.replace(/[()\\]/g, (c) => `\\${c}`);
      const ops = `BT /F1 12 Tf 72 ${p.pageHeight / 2} Td (${escaped}) Tj ET`;
      object(content, [`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`]);
      object(image, ['<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>']);
      return;
    }
    object(page, [
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${p.pageWidth} ${p.pageHeight}] ` +
        `/Resources << /XObject << /Im0 ${image} 0 R >> >> /Contents ${content} 0 R >>`,
    ]);
    const ops = `q ${p.pageWidth} 0 0 ${p.pageHeight} 0 0 cm /Im0 Do Q`;
    object(content, [`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`]);
    object(image, [
      `<< /Type /XObject /Subtype /Image /Width ${p.width} /Height ${p.height} ` +
        `/ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length ${p.jpeg.length} >>\nstream\n`,
      Buffer.from(p.jpeg),
      '\nendstream',
    ]);
  });
  const xref = length;
  const count = 3 + pages.length * 3;
  push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let n = 1; n < count; n++) push(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(chunks));
}
