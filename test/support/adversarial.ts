/**
 * Adversarial inputs for the linear-time checks (issue: hostile documents): text that makes a
 * careless regex or loop quadratic — long runs of one character, unclosed markup, numbering
 * repeated or counting up, a heading repeated, a DOCX packed with empty paragraphs, equations
 * or list levels. Each generator gives about `bytes` bytes of UTF-8 (Chinese characters are 3).
 */
import JSZip from 'jszip';

/** A text file's name and its content for about `bytes` bytes. */
export interface TextCase {
  name: string;
  file: string;
  make: (bytes: number) => string;
}

export const TEXT_CASES: TextCase[] = [
  { name: 'spaces', file: 'x.txt', make: (n) => ' '.repeat(n) },
  { name: 'spaces after a word', file: 'x.txt', make: (n) => '甲' + ' '.repeat(n - 3) },
  { name: 'tabs', file: 'x.txt', make: (n) => 'a\t'.repeat(n / 2) },
  { name: 'line breaks', file: 'x.txt', make: (n) => 'a' + '\n'.repeat(n - 1) },
  { name: 'digits', file: 'x.txt', make: (n) => '1'.repeat(n) },
  { name: 'numerals', file: 'x.txt', make: (n) => '一'.repeat(n / 3) },
  { name: 'underscores', file: 'x.txt', make: (n) => '甲方：' + '_'.repeat(n - 9) },
  { name: 'open brackets', file: 'x.txt', make: (n) => '【'.repeat(n / 3) },
  { name: 'unclosed bold', file: 'x.md', make: (n) => '**a '.repeat(n / 4) },
  { name: 'unclosed tags', file: 'x.md', make: (n) => '<p'.repeat(n / 2) },
  { name: 'table rule of spaces', file: 'x.md', make: (n) => '|' + ' '.repeat(n - 2) + '-' },
  { name: 'one number repeated', file: 'x.txt', make: (n) => '1. 条款\n'.repeat(n / 12) },
  {
    name: 'numbering counting up',
    file: 'x.txt',
    make: (n) => Array.from({ length: Math.floor(n / 10) }, (_, i) => `${i + 1}. 条\n`).join(''),
  },
  { name: 'a heading repeated', file: 'x.txt', make: (n) => '第一章 招标公告\n'.repeat(n / 22) },
  { name: 'party words', file: 'x.txt', make: (n) => '甲方'.repeat(n / 6) },
  { name: 'commas', file: 'x.txt', make: (n) => '，'.repeat(n / 3) },
  { name: 'amounts', file: 'x.txt', make: (n) => '1元'.repeat(n / 4) },
  {
    name: 'penalty sentence repeated',
    file: 'x.txt',
    make: (n) => '乙方逾期的，每日按合同总价的0.1%支付违约金，'.repeat(n / 66),
  },
];

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const M = 'xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math"';

/** A DOCX package with `body` inside `<w:body>` and, if given, a numbering part. */
export async function docxWith(body: string, numbering?: string): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/numbering.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/_rels/document.xml.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document ${W} ${M}><w:body>${body}</w:body></w:document>`,
  );
  if (numbering)
    zip.file(
      'word/numbering.xml',
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${numbering}</w:numbering>`,
    );
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

const para = (text: string, numbered = false) =>
  `<w:p>${numbered ? '<w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>' : ''}<w:r><w:t>${text}</w:t></w:r></w:p>`;

/** A DOCX case: its name and a package of about `count` repeated parts. */
export interface DocxCase {
  name: string;
  make: (count: number) => Promise<Uint8Array>;
}

export const DOCX_CASES: DocxCase[] = [
  { name: 'empty paragraphs', make: (n) => docxWith(para('甲方') + '<w:p/>'.repeat(n)) },
  {
    name: 'empty equations',
    make: (n) => docxWith(para('甲方') + `<w:p>${'<m:oMath/>'.repeat(n)}</w:p>`),
  },
  {
    name: 'numbered paragraphs',
    make: (n) =>
      docxWith(
        Array.from({ length: n }, () => para('条款', true)).join(''),
        '<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>',
      ),
  },
  {
    name: 'a huge list label',
    make: (n) =>
      docxWith(
        para('条款', true),
        `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="${'%1'.repeat(n)}"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
      ),
  },
];

/** A DOCX whose list level is a number of 400 nines (Infinity when read as a number). */
export function docxInfiniteLevel(): Promise<Uint8Array> {
  const nines = '9'.repeat(400);
  return docxWith(
    `<w:p><w:pPr><w:numPr><w:ilvl w:val="${nines}"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>条款</w:t></w:r></w:p>`,
    `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="${nines}"><w:start w:val="${nines}"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`,
  );
}
