/**
 * A sentence with the layout whitespace taken out: the line breaks of a wrapped line, the tab a
 * PDF's justified line leaves in a wide gap (`支付\t本项目合同金额的30%`, `30\t%`), the spaces of
 * `20 %`. Spaces between two Latin letters or digits stay (`ISO 27001`). `map[i]` is the offset
 * in the original of character `i` of the squeezed text (and `map[text.length]` its end).
 */
export interface Squeezed {
  text: string;
  map: number[];
}

const ASCII_WORD = /[A-Za-z0-9]/;

/** Squeezes `source` (see {@link Squeezed}). */
export function squeeze(source: string): Squeezed {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (/\s/.test(ch)) {
      const prev = text[text.length - 1];
      let j = i;
      while (j < source.length && /\s/.test(source[j])) j++;
      const next = source[j];
      if (
        prev &&
        next &&
        ASCII_WORD.test(prev) &&
        ASCII_WORD.test(next) &&
        !/[\t\n]/.test(source.slice(i, j))
      ) {
        text += ' ';
        map.push(i);
      }
      i = j - 1;
      continue;
    }
    text += ch;
    map.push(i);
  }
  map.push(source.length);
  return { text, map };
}

/**
 * Whether a sentence is a row of a table rather than prose: a line of it holds tab-separated
 * cells that are all short and none ends a clause of prose (`逾期交付\t每日0.1%`). A single wide
 * gap in a long justified line is not a table.
 */
export function isTableRow(source: string): boolean {
  return source.split('\n').some(isTableLine);
}

/** Whether one line is a table row: tab-separated cells, three or more or all short. */
export function isTableLine(line: string): boolean {
  if (!line.includes('\t')) return false;
  const cells = line.split('\t').map((c) => c.trim());
  return cells.length >= 3 || cells.every((c) => c.length <= 20);
}
