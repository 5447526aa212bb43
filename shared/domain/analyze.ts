/**
 * The analysis pipeline on an imported document: clause tree → key terms → report. Pure: no
 * I/O, no clock; the same document always yields the same analysis.
 */
import { anchorFor, pageOf, type Anchor, type SourceDocument } from './document';
import { parseClauses, type Clause } from './clauses/parse';
import { extractContract, type ContractBlock, type KeyTerm } from './terms/contract';
import { extractConfidentiality, type ConfidentialityTerms } from './terms/confidentiality';

/** A key term with its anchor in the document. */
export interface AnchoredTerm extends KeyTerm {
  anchor: Anchor;
}

/** Everything the analysis finds in one document. */
export interface Analysis {
  clauses: Clause[];
  contract: ContractBlock;
  terms: AnchoredTerm[];
  confidentiality: ConfidentialityTerms;
}

/** Runs the whole analysis on a document. */
export function analyzeDocument(doc: SourceDocument): Analysis {
  const clauses = parseClauses(doc);
  const { contract, terms } = extractContract(doc.text, clauses);
  const confidentiality = extractConfidentiality(doc.text, clauses);
  return {
    clauses,
    contract,
    terms: terms.map((t) => ({ ...t, anchor: anchorFor(doc, t.span.start, t.span.end) })),
    confidentiality,
  };
}

/** The trimmed own text of a clause and its anchor (leading/trailing whitespace excluded). */
export function clauseOwnSpan(doc: SourceDocument, c: Clause): { start: number; end: number } {
  let s = c.start;
  let e = c.ownEnd;
  while (s < e && /\s/.test(doc.text[s])) s++;
  while (e > s && /\s/.test(doc.text[e - 1])) e--;
  return { start: s, end: e };
}

/** 1-based page where a clause starts (null for text sources). */
export function clausePage(doc: SourceDocument, c: Clause): number | null {
  const span = clauseOwnSpan(doc, c);
  return pageOf(doc, span.start, span.end);
}
