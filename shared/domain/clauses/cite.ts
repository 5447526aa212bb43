/**
 * How a lawyer cites a clause: by its number path and heading, `八、8.3 违约责任` or
 * `第八条 违约责任`, beside the page. Every finding, penalty rule, service level, obligation, calculator step and search hit names
 * its clause this way in the app, the command line and the exports.
 */

/** What a citation needs of a clause (`ReportClause` has it). */
export interface CitableClause {
  id: string;
  /** The number path, e.g. `十二、（四）`; empty for the preamble and the signature block. */
  number: string;
  heading: string;
  /** Its first page (1-based), when the document has pages. */
  page?: number | null;
}

/** A clause as cited: its number path, its heading, and both as one string. */
export interface ClauseCitation {
  clauseId: string;
  number: string;
  heading: string;
  /**
   * `八、8.3 违约责任` / `第八条 违约责任`; the number alone when it has no heading; the heading
   * alone (`首部`) when it has no number.
   */
  text: string;
  /** The clause's first page, null for a text source. */
  page: number | null;
}

/** A clause's number and heading as one citation (`一、服务内容`, `第八条 违约责任`, `首部`). */
export function citationText(number: string, heading: string): string {
  const n = number.trim();
  const h = heading.trim();
  // A 顿号 ends the number itself: `一、服务内容`; otherwise a space: `8.3 违约金`.
  return n && h ? `${n}${/、$/.test(n) ? '' : ' '}${h}` : n || h;
}

/**
 * A citer for one document's clauses: given a clause id (or the ids an item rests on, the first
 * cited), its citation, or null when the item names no clause or a clause the list lacks.
 */
export function clauseCiter(
  clauses: readonly CitableClause[],
): (ids: string | readonly string[] | null | undefined) => ClauseCitation | null {
  const byId = new Map(clauses.map((c) => [c.id, c]));
  return (ids) => {
    const id = typeof ids === 'string' ? ids : ids?.find((i) => byId.has(i));
    const c = id ? byId.get(id) : undefined;
    if (!c) return null;
    const number = c.number.trim();
    const heading = c.heading.trim();
    const text = citationText(number, heading);
    return text ? { clauseId: c.id, number, heading, text, page: c.page ?? null } : null;
  };
}
