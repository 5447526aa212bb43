/**
 * CSV as the exports write it (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet
 * programs read the Chinese text), with cells that a spreadsheet would run as a formula made
 * inert: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`
 * (OWASP, "CSV Injection"), so a checklist note `=HYPERLINK(…)` stays text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: made inert, then quoted when it holds a quote, a comma or a line break. */
export function csvCell(value: string): string {
  const v = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Rows of cells as a CSV document (CRLF line ends, BOM first). */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return `\ufeff${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
