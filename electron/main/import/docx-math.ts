/**
 * Word equations (OMML, `<m:oMath>`) hold contract values such as a penalty rate written as
 * `0.1%` or an availability `≥99.5%`; mammoth drops them. This rewrites each equation in
 * `word/document.xml` as a plain run carrying its text, so the value reaches the analysis.
 */
import JSZip from 'jszip';
import { replaceElements } from './xml-elements';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The text of every `<m:t>` in an OMML fragment, in order. */
export function ommlText(xml: string): string {
  return [...xml.matchAll(/<m:t(?:\s[^>]*)?>([^<]*)<\/m:t>/g)]
    .map((m) => unescapeXml(m[1]))
    .join('');
}

/**
 * Returns the DOCX bytes with equations replaced by runs of their text, or the original bytes
 * when the document has no equations.
 */
export async function inlineEquations(data: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(data);
  const file = zip.file('word/document.xml');
  if (!file) return data;
  const xml = await file.async('string');
  if (!xml.includes('<m:oMath')) return data;
  const replaced = replaceElements(
    replaceElements(xml, 'm:oMathPara', (e) => e.inner),
    'm:oMath',
    ({ inner }) => {
      const text = ommlText(inner);
      return text ? `<w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r>` : '';
    },
  );
  zip.file('word/document.xml', replaced);
  return zip.generateAsync({ type: 'uint8array' });
}
