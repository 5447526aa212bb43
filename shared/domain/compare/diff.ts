/**
 * Clause diff for Chinese text: both texts are split into words with Intl.Segmenter (zh), the
 * word sequences are diffed with the `diff` library (Myers), and runs are grouped, so a changed
 * number or name shows as one change rather than scattered characters.
 */
import { diffArrays } from 'diff';

/** One run of a diff. */
export interface DiffPart {
  type: 'equal' | 'added' | 'removed';
  text: string;
}

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter('zh', { granularity: 'word' })
    : null;

/** Words of a Chinese text (characters when the runtime has no segmenter). */
export function words(text: string): string[] {
  if (!segmenter) return Array.from(text);
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** The diff of `a` (old) against `b` (new), runs merged by type. */
export function diffClauses(a: string, b: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const c of diffArrays(words(a), words(b))) {
    const type: DiffPart['type'] = c.added ? 'added' : c.removed ? 'removed' : 'equal';
    const text = c.value.join('');
    const last = parts[parts.length - 1];
    if (last && last.type === type) last.text += text;
    else parts.push({ type, text });
  }
  return parts;
}
