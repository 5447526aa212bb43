/**
 * DOCX import with mammoth: paragraphs, headings, list items and tables (as tab-separated
 * rows). Tracked changes read as accepted: insertions kept, deletions dropped (mammoth's reading).
 */
import mammoth from 'mammoth';
import { TextBuilder, type SourceDocument } from '../../../shared/domain/document';
import { QiyueError } from '../../../shared/domain/errors';
import { decodeEntities } from '../../../shared/domain/text/markup';
import { docxListLabels } from './docx-numbering';
import { inlineEquations } from './docx-math';
import { checkInflatedSize } from './zip-limits';

/**
 * Converts mammoth's HTML (a small, well-formed tag set) into lines: one per paragraph,
 * heading or list item; one per table row with cells separated by tabs. Underlined blank space
 * (`<u>      </u>`, Word's way of leaving a field to fill in: `合同金额的<u>    </u>%`) becomes
 * underscores, the blank as a model contract prints it.
 */
export function mammothHtmlToLines(html: string, listLabels: string[] = []): string[] {
  let nextLabel = 0;
  const lines: string[] = [];
  let cur = '';
  let cell = '';
  let inCell = 0;
  let cells: string[] = [];
  let underline = 0;
  const re = /<(\/?)([a-z0-9]+)[^>]*?(\/?)>|([^<]+)/gi;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[4] !== undefined) {
      let t = decodeEntities(m[4]);
      if (underline > 0 && /^\s+$/.test(t)) t = '_'.repeat(Math.max(4, t.length));
      if (inCell) cell += t;
      else cur += t;
      continue;
    }
    const closing = m[1] === '/';
    const tag = m[2].toLowerCase();
    if (tag === 'u') underline += closing ? -1 : 1;
    if (tag === 'br') {
      if (inCell) cell += ' ';
      else {
        lines.push(cur);
        cur = '';
      }
    } else if (tag === 'td' || tag === 'th') {
      if (closing) {
        cells.push(cell.trim());
        cell = '';
        inCell--;
      } else inCell++;
    } else if (tag === 'tr') {
      if (closing) {
        lines.push(cells.join('\t'));
        cells = [];
      }
    } else if (
      tag === 'li' &&
      !closing &&
      !/^<[ou]l\b/i.test(html.slice(re.lastIndex, re.lastIndex + 4))
    ) {
      // An item that only holds a nested list is mammoth's wrapper for it, not a numbered
      // paragraph of the document: it takes no label.
      const label = listLabels[nextLabel++] ?? '';
      if (label) {
        if (inCell) cell += `${label} `;
        else cur += `${label} `;
      }
    }
    // A nested list starts on a line of its own (`2.考核指标:` then `(1) 巡检频次…`).
    if ((tag === 'ol' || tag === 'ul') && !closing && !inCell && cur.trim()) {
      lines.push(cur);
      cur = '';
    }
    if (/^(p|h[1-6]|li)$/.test(tag)) {
      if (inCell) {
        if (closing) cell += ' ';
      } else if (closing) {
        lines.push(cur);
        cur = '';
      }
    }
  }
  if (cur) lines.push(cur);
  return lines.filter((l) => l.trim().length > 0);
}

/**
 * Imports a DOCX contract.
 * @throws QiyueError `wrong-type` when the bytes are not a ZIP package, `too-complex` when its
 *   parts would inflate past 256 MiB, `corrupt` when mammoth cannot read it, `empty-file` when
 *   it holds no text
 */
export async function importDocx(data: Uint8Array): Promise<SourceDocument> {
  if (!(data[0] === 0x50 && data[1] === 0x4b)) {
    throw new QiyueError(
      'wrong-type',
      '文件不是 DOCX 文档 (not a DOCX file: it is not a ZIP package)',
    );
  }
  // Before any part is inflated: a zip bomb is refused, not unpacked.
  checkInflatedSize(data);
  let html: string;
  try {
    const withEquations = await inlineEquations(data);
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(withEquations) },
      { styleMap: ['u => u'] },
    );
    html = result.value;
  } catch (err) {
    throw new QiyueError(
      'corrupt',
      'DOCX 文档已损坏，无法读取；请用 Word 或 WPS 打开后另存为 DOCX 再导入 (the DOCX file is damaged and cannot be read: open it in Word or WPS and save it again)',
      { cause: err },
    );
  }
  let labels: string[] = [];
  try {
    labels = await docxListLabels(data);
  } catch {
    // Numbering is an aid to the clause tree; a package whose numbering part is damaged still imports.
  }
  const builder = new TextBuilder(false);
  for (const line of mammothHtmlToLines(html, labels)) builder.addLine(line);
  if (builder.size === 0)
    throw new QiyueError('empty-file', 'DOCX 文档中没有文字 (the DOCX file contains no text)');
  return builder.build('docx', null);
}
