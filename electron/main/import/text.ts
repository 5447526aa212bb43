/**
 * Plain text and Markdown import: decoding (UTF-8 with or without BOM, UTF-16 with BOM, else
 * GB18030, the encoding of older Chinese Windows files) and markup cleanup.
 */
import { TextBuilder, type SourceDocument } from '../../../shared/domain/document';
import { QiyueError } from '../../../shared/domain/errors';
import { markupToLines } from '../../../shared/domain/text/markup';

/**
 * Decodes a text file's bytes.
 * @throws QiyueError `wrong-type` when the bytes are binary (NUL bytes outside UTF-16)
 */
export function decodeText(data: Uint8Array): string {
  if (data[0] === 0xff && data[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data[0] === 0xfe && data[1] === 0xff)
    return new TextDecoder('utf-16be').decode(data.subarray(2));
  const head = data.subarray(0, Math.min(data.length, 8192));
  if (head.includes(0)) {
    throw new QiyueError(
      'wrong-type',
      '文件不是文本文件（含二进制内容）(not a text file: it contains binary data)',
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(data);
  } catch {
    return new TextDecoder('gb18030').decode(data);
  }
}

/**
 * Imports a `.txt` or `.md` contract.
 * @throws QiyueError `wrong-type` for binary data, `empty-file` when no text remains
 */
export function importText(data: Uint8Array, format: 'txt' | 'md'): SourceDocument {
  const builder = new TextBuilder(false);
  for (const line of markupToLines(decodeText(data))) builder.addLine(line);
  if (builder.size === 0)
    throw new QiyueError('empty-file', '文件中没有文字 (the file contains no text)');
  return builder.build(format, null);
}
