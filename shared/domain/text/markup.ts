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

function stripInlineMarkdown(s: string): string {
  return (
    s
      // Emphasis markers around text (`**违约责任**`, `__注__`), not runs of underscores: those are
      // the blanks of a model contract (`合同编号：__________`).
      .replace(/(\*\*|__)(?=[^\s*_])([^\n]*?[^\s*_])\1/g, '$2')
      .replace(/\*\*/g, '')
      .replace(/\\([_*#\-+.!\[\]()`|>~\\])/g, '$1')
      .replace(/`/g, '')
  );
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
    .replace(/<\/?(?:p|div|li|ul|ol|tr|table|thead|tbody|h[1-6])\b[^>]*>/gi, '\n')
    .replace(/<\/?t[dh]\b[^>]*>/gi, '\t')
    .replace(/<[^>\n]{1,200}>/g, '');
  const out: string[] = [];
  let para: string | null = null;
  const flush = () => {
    if (para !== null && para.trim()) out.push(para);
    para = null;
  };
  for (const rawLine of html.split('\n')) {
    const hardBreak = / {2,}$/.test(rawLine);
    let line = decodeEntities(stripLatex(rawLine));
    if (/^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/.test(line)) continue; // table rule
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
    line = stripInlineMarkdown(line).replace(/\s+$/, '');
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
      para.includes('\t') ||
      startsWithHeadingNumber(trimmed) ||
      /^[-—–\s(（]*以下无正文/.test(trimmed) ||
      // A plain-text line break is a real one after a finished sentence, a field (`合同编号：`) or
      // a heading, and before a new field (`乙方（供应商）：`); OCR wraps mid-sentence otherwise.
      /[。；;：:！？!?）)」』】]$/.test(para.trimEnd()) ||
      /^[\u4e00-\u9fff（）()]{2,12}[：:]/.test(trimmed) ||
      (startsWithHeadingNumber(para.trim()) &&
        para.trim().length <= 30 &&
        !/[，,。；;]/.test(para));
    if (startsNew) {
      flush();
      para = line;
    } else {
      para += trimmed;
    }
    if (hardBreak) flush();
  }
  flush();
  return out;
}
