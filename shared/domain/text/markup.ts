/**
 * Turns the markup found in contract text files into plain lines: Markdown (headings, bold,
 * lists, escapes, pipe tables), HTML fragments from OCR (`<p>`, `<b>`, `<br>`, `<ul>`), and
 * LaTeX bits (`$\geq 99.5\%$`). Tables come out as tab-separated rows.
 */
import { startsWithHeadingNumber } from '../clauses/numbering';

const ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  '#39': "'",
};

/** Decodes the HTML entities that appear in exported text (`&amp;`, `&#x4e00;`, …). */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code =
        e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[e.toLowerCase()] ?? m;
  });
}

const LATEX: [RegExp, string][] = [
  [/\\geqslant|\\geq?(?![a-zA-Z])/g, '≥'],
  [/\\leqslant|\\leq?(?![a-zA-Z])/g, '≤'],
  [/\\times\b/g, '×'],
  [/\\cdot\b/g, '·'],
  [/\\pm\b/g, '±'],
  [/\\sim\b/g, '~'],
  [/\\%/g, '%'],
  [/\\text\{([^}]*)\}/g, '$1'],
  [/\\mathrm\{([^}]*)\}/g, '$1'],
  [/\\[,;: ]/g, ''],
];

function stripLatex(s: string): string {
  // Comparison macros also appear outside $…$ in OCR output (`RTO\leq4小时`).
  s = s
    .replace(/\\(?:geqslant|geq?)(?![a-zA-Z])/g, '≥')
    .replace(/\\(?:leqslant|leq?)(?![a-zA-Z])/g, '≤');
  return s.replace(/\$([^$\n]{1,80})\$/g, (_, inner: string) => {
    let t = inner;
    for (const [re, to] of LATEX) t = t.replace(re, to);
    return t.replace(/[{}]/g, '').replace(/\s+/g, '');
  });
}

/** A character emphasis may start after or end before (not a space, `*` or `_`). */
const EMPHASIZABLE = /[^\s*_]/;

/**
 * One line without the emphasis markers around text (`**违约责任**`, `__注__`: each opener with
 * the nearest closer of the same marker after it), not runs of underscores: those are the blanks
 * of a model contract (`合同编号：__________`). A scan rather than a regex, in linear time: a
 * regex looking for the closer of each of 100,000 unclosed `**a ` scans the rest of the line for
 * each (issue: hostile documents).
 */
function stripEmphasis(line: string): string {
  const parts: string[] = [];
  const exhausted = new Set<string>(); // markers with no closer left on the line
  let last = 0;
  let i = 0;
  while (i < line.length - 2) {
    const marker = line.startsWith('**', i) ? '**' : line.startsWith('__', i) ? '__' : null;
    if (!marker || exhausted.has(marker) || !EMPHASIZABLE.test(line[i + 2])) {
      i++;
      continue;
    }
    let j = line.indexOf(marker, i + 3);
    while (j >= 0 && !EMPHASIZABLE.test(line[j - 1])) j = line.indexOf(marker, j + 1);
    if (j < 0) {
      exhausted.add(marker);
      i++;
      continue;
    }
    parts.push(line.slice(last, i), line.slice(i + 2, j));
    last = i = j + 2;
  }
  parts.push(line.slice(last));
  return parts.join('');
}

function stripInlineMarkdown(s: string): string {
  return stripEmphasis(s)
    .replace(/\*\*/g, '')
    .replace(/\\([_*#\-+.!\[\]()`|>~\\])/g, '$1')
    .replace(/`/g, '');
}

/**
 * Converts Markdown/HTML/LaTeX text into the logical lines of the document: soft-wrapped lines
 * are joined (Markdown's single newline), hard breaks (two trailing spaces, `<br>`, `<p>`) and
 * blank lines end a line, table rows become tab-separated cells.
 */
export function markupToLines(source: string): string[] {
  const text = source.replace(/\r\n?/g, '\n');
  // HTML block and line-break tags become line breaks; table cells become tabs.
  const html = text
    .replace(/<br\s*\/?>/gi, '  \n')
    // Tags are short and on one line: bounded, so an unclosed `<p<p<p…` costs linear time.
    .replace(/<\/?(?:p|div|li|ul|ol|tr|table|thead|tbody|h[1-6])\b[^>\n]{0,200}>/gi, '\n')
    .replace(/<\/?t[dh]\b[^>\n]{0,200}>/gi, '\t')
    .replace(/<[^>\n]{1,200}>/g, '');
  const out: string[] = [];
  // The paragraph being joined, kept as parts with what the join rules ask of it, so that a long
  // run of joined lines is not scanned again for each line (linear time).
  let para: string[] | null = null;
  let paraHasTab = false;
  let paraLast = '';
  let paraLead = ''; // its first 64 characters, trimmed at the start
  let paraLength = 0; // its length without leading whitespace
  const startPara = (line: string) => {
    para = [line];
    paraHasTab = line.includes('\t');
    paraLast = line[line.length - 1] ?? '';
    const lead = line.trimStart();
    paraLead = lead.slice(0, 64);
    paraLength = lead.length;
  };
  const flush = () => {
    if (para !== null && paraLength > 0) out.push(para.join(''));
    para = null;
  };
  for (const rawLine of html.split('\n')) {
    const hardBreak = rawLine.endsWith('  ');
    let line = decodeEntities(stripLatex(rawLine));
    // A table rule (`|---|:---:|`), tested without its spaces: linear on a line of spaces.
    if (line.includes('-') && /^\|?:?-{3,}:?(?:\|:?-{3,}:?)*\|?$/.test(line.replace(/\s+/g, '')))
      continue;
    const isTableRow = /^\s*\|.*\|\s*$/.test(line);
    if (isTableRow) {
      line = line
        .trim()
        .slice(1, -1)
        .split('|')
        .map((c) => c.trim())
        .join('\t');
    }
    line = line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/^\s*>\s?/, '');
    const bullet = /^\s*[-*+•]\s+/.test(line);
    line = line.replace(/^\s*[-*+•]\s+/, '');
    line = stripInlineMarkdown(line).trimEnd();
    if (!line.trim()) {
      flush();
      continue;
    }
    const trimmed = line.trim();
    const startsNew =
      para === null ||
      bullet ||
      isTableRow ||
      line.includes('\t') ||
      paraHasTab ||
      startsWithHeadingNumber(trimmed) ||
      /^[-—–\s(（]*以下无正文/.test(trimmed) ||
      // A plain-text line break is a real one after a finished sentence, a field (`合同编号：`) or
      // a heading, and before a new field (`乙方（供应商）：`); OCR wraps mid-sentence otherwise.
      // (A paragraph never ends in whitespace: each line's trailing whitespace is cut above.)
      (paraLast !== '' && '。；;：:！？!?）)」』】'.includes(paraLast)) ||
      /^[\u4e00-\u9fff（）()]{2,12}[：:]/.test(trimmed) ||
      (paraLength <= 30 && startsWithHeadingNumber(paraLead) && !/[，,。；;]/.test(paraLead));
    if (startsNew) {
      flush();
      startPara(line);
    } else {
      para!.push(trimmed);
      paraLast = trimmed[trimmed.length - 1];
      if (paraLead.length < 64) paraLead = (paraLead + trimmed).slice(0, 64);
      paraLength += trimmed.length;
    }
    if (hardBreak) flush();
  }
  flush();
  return out;
}
