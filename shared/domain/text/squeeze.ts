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

const SPACE = /\s/;

/** Squeezes `source` (see {@link Squeezed}), in one pass. */
export function squeeze(source: string): Squeezed {
  const map: number[] = [];
  // Most sentences of a Chinese contract hold no whitespace at all.
  if (!SPACE.test(source)) {
    for (let i = 0; i <= source.length; i++) map.push(i);
    return { text: source, map };
  }
  const out: string[] = [];
  let prev = '';
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (SPACE.test(ch)) {
      let j = i;
      let breaks = false;
      while (j < source.length && SPACE.test(source[j])) {
        if (source[j] === '\t' || source[j] === '\n') breaks = true;
        j++;
      }
      const next = source[j];
      if (prev && next && !breaks && ASCII_WORD.test(prev) && ASCII_WORD.test(next)) {
        out.push(' ');
        map.push(i);
        prev = ' ';
      }
      i = j - 1;
      continue;
    }
    out.push(ch);
    map.push(i);
    prev = ch;
  }
  map.push(source.length);
  return { text: out.join(''), map };
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
