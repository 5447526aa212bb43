/**
 * Labelled fields of a contract's particulars: `甲方（委托人）：[合同中心-采购单位名称]`,
 * `联系电话：`, two to a line in two-column blocks (`地址：…  地址：…`). Each with its label,
 * its value and whether the value is a blank (REPORT.md "Blanks are blanks").
 */
import { FIELD_LABELS } from '../lexicon/fields';
import { PARTY_WORD_SOURCE } from '../lexicon/parties';
import { isBlankValue } from './blanks';

/** A `label：value` field; offsets into the text, `value` trimmed. */
export interface LabelledField {
  label: string;
  start: number;
  end: number;
  value: string;
  blank: boolean;
}

const spaced = (w: string) => [...w].join('\\s?');
const LABEL_SOURCE = `(?:${PARTY_WORD_SOURCE})(?:名称|全称)?|${[...FIELD_LABELS]
  .sort((a, b) => b.length - a.length)
  .map(spaced)
  .join('|')}`;
/** A label at the start of a line or a cell, an optional note in brackets, then a colon. */
const FIELD = new RegExp(
  `(?:^|(?<=[\\t ]))(${LABEL_SOURCE})(?:\\s*[（(][^（()）]{0,12}[)）])?\\s*[：:]`,
  'g',
);
/** Lines longer than this are sentences, not particulars. */
const MAX_LINE = 120;

/** The labelled fields of `text[from, to)`, line by line. */
export function labelledFields(text: string, from = 0, to = text.length): LabelledField[] {
  const out: LabelledField[] = [];
  let pos = from;
  for (const line of text.slice(from, to).split('\n')) {
    if (line.length <= MAX_LINE) {
      const hits = [...line.matchAll(FIELD)];
      hits.forEach((m, k) => {
        const at = m.index ?? 0;
        const lead = line.slice(0, at);
        // Only at the start of the line or after another field's cell (`地址：…\t地址：`).
        if (k === 0 && lead.trim()) return;
        const valueEnd = hits[k + 1]?.index ?? line.length;
        const value = line.slice(at + m[0].length, valueEnd).trim();
        out.push({
          label: m[1].replace(/\s+/g, ''),
          start: pos + at,
          end: pos + at + m[0].length + line.slice(at + m[0].length, valueEnd).trimEnd().length,
          value,
          blank: isBlankValue(value),
        });
      });
    }
    pos += line.length + 1;
  }
  return out;
}
