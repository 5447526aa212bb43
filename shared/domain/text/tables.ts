/**
 * Tables as the importers leave them: one line a row, cells separated by tabs (PDF column gaps,
 * DOCX and Markdown table cells). The readers of payment schedules, service-level tables and
 * service lists walk these lines.
 */

/** One line of the text, with its cells when it is a table row. */
export interface TableLine {
  /** Offset of the line in the text. */
  start: number;
  text: string;
  /** Trimmed cells, or null for a line without a tab (not a table row). */
  cells: string[] | null;
  /** Offset in the text of each trimmed cell's first character (its anchor). */
  cellStarts: number[];
}

/** The lines of `text[from, to)` with their offsets and, for table rows, their cells. */
export function tableLines(text: string, from = 0, to = text.length): TableLine[] {
  const out: TableLine[] = [];
  let pos = from;
  for (const line of text.slice(from, to).split('\n')) {
    const start = pos;
    pos += line.length + 1;
    if (!line.includes('\t')) {
      out.push({ start, text: line, cells: null, cellStarts: [] });
      continue;
    }
    const cells: string[] = [];
    const cellStarts: number[] = [];
    let offset = start;
    for (const raw of line.split('\t')) {
      cells.push(raw.trim());
      cellStarts.push(offset + (raw.length - raw.trimStart().length));
      offset += raw.length + 1;
    }
    out.push({ start, text: line, cells, cellStarts });
  }
  return out;
}
