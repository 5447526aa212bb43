/**
 * Plain text and Markdown import: decoding (UTF-8 with or without BOM, UTF-16 with BOM, else
 * GB18030, the encoding of older Chinese Windows files) and markup cleanup.
 */
import { TextBuilder, type SourceDocument } from '../../../shared/domain/document';
import { QiyueError } from '../../../shared/domain/errors';
import { markupToLines } from '../../../shared/domain/text/markup';

/** A decoded text file, with what could not be decoded exactly. */
export interface DecodedText {
  text: string;
  warnings: string[];
}

/**
 * UTF-16 without a byte-order mark, told from its NUL bytes: text in UTF-16 has a NUL in every
 * ASCII character (digits, punctuation, line breaks), nearly all at odd offsets (little-endian)
 * or at even ones (big-endian); binary data has them anywhere.
 */
function utf16WithoutBOM(head: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  let even = 0;
  let odd = 0;
  for (let i = 0; i + 1 < head.length; i += 2) {
    if (head[i] === 0) even++;
    if (head[i + 1] === 0) odd++;
  }
  const pairs = Math.floor(head.length / 2);
  // (A character such as 一, U+4E00, has a NUL byte of its own on the other side: allow a few.)
  if (odd > pairs / 20 && even < odd / 10) return 'utf-16le';
  if (even > pairs / 20 && odd < even / 10) return 'utf-16be';
  return null;
}

/** Whether decoded text is text: no replacement characters and no control characters but tab and line breaks. */
const LOOKS_LIKE_TEXT = (s: string) => !/[\uFFFD\u0000-\u0008\u000B\u000C\u000E-\u001F]/.test(s);

/** At most this share of a file's characters may be bytes that are not UTF-8 for it to be read as UTF-8. */
const BAD_UTF8_SHARE = 0.001;

/**
 * Decodes a text file's bytes: UTF-16 with or without a byte-order mark, UTF-8 (a few bad bytes
 * are replaced with U+FFFD and said in `warnings`), else GB18030, the encoding of older Chinese
 * Windows files.
 * @throws QiyueError `wrong-type` when the bytes are binary
 */
export function decodeText(data: Uint8Array): DecodedText {
  if (data[0] === 0xff && data[1] === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(data.subarray(2)), warnings: [] };
  if (data[0] === 0xfe && data[1] === 0xff)
    return { text: new TextDecoder('utf-16be').decode(data.subarray(2)), warnings: [] };
  const head = data.subarray(0, Math.min(data.length, 8192));
  if (head.includes(0)) {
    const wide = utf16WithoutBOM(head);
    const text = wide ? new TextDecoder(wide).decode(data) : null;
    if (text !== null && LOOKS_LIKE_TEXT(text.slice(0, 4096))) return { text, warnings: [] };
    throw new QiyueError(
      'wrong-type',
      '文件不是文本文件（含二进制内容）；请导入 PDF、OFD、DOCX、TXT 或 MD 文件 (not a text file: it contains binary data)',
    );
  }
  try {
    return {
      text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data),
      warnings: [],
    };
  } catch {
    // A few bad bytes in a UTF-8 file (a cut multi-byte character) are replaced, not a reason to
    // read the whole file as GB18030, which would garble every Chinese character.
    const utf8 = new TextDecoder('utf-8', { ignoreBOM: false }).decode(data);
    const bad = utf8.match(/\uFFFD/g)?.length ?? 0;
    if (bad <= Math.max(4, utf8.length * BAD_UTF8_SHARE))
      return {
        text: utf8,
        warnings: [
          `文件中有 ${bad} 处字节不是有效的 UTF-8 编码，已替换为 �；请核对这些位置的文字 (${bad} invalid UTF-8 byte sequences were replaced)`,
        ],
      };
    return { text: new TextDecoder('gb18030').decode(data), warnings: [] };
  }
}

/**
 * Imports a `.txt` or `.md` contract.
 * @throws QiyueError `wrong-type` for binary data, `empty-file` when no text remains
 */
export function importText(data: Uint8Array, format: 'txt' | 'md'): SourceDocument {
  const builder = new TextBuilder(false);
  const { text, warnings } = decodeText(data);
  for (const line of markupToLines(text)) builder.addLine(line);
  if (builder.size === 0)
    throw new QiyueError('empty-file', '文件中没有文字 (the file contains no text)');
  const doc = builder.build(format, null);
  return warnings.length ? { ...doc, warnings } : doc;
}
