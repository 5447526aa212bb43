/**
 * Corrections of what OCR reads, from the language of Chinese contracts: misreadings that no
 * contract writes, each replaced one character for one so that every character keeps its box.
 *
 * - 申方 / 申乙双方 → 甲方 / 甲乙双方: the party designator 甲 loses the stroke below its box at
 *   scan resolution and is read 申; a contract names its parties 甲方 and 乙方, never 申方.
 * - A full stop `.` between two Chinese characters → `，`: a full-width comma's tail is lost at
 *   scan resolution; Chinese prose never puts a Western full stop between two characters (a
 *   decimal point stands between digits, and the Chinese full stop 。 is read as itself).
 */
import { isHan } from '../../../shared/domain/text/normalize';

/** The corrected text, as long as `text` (UTF-16 units), each change one character for one. */
export function correctOcrText(text: string): string {
  const out = text.split('');
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c === '申' && (out[i + 1] === '方' || (out[i + 1] === '乙' && out[i + 2] === '双')))
      out[i] = '甲';
    else if (
      c === '.' &&
      i > 0 &&
      isHan(out[i - 1]) &&
      out[i + 1] !== undefined &&
      isHan(out[i + 1])
    )
      out[i] = '，';
  }
  return out.join('');
}
