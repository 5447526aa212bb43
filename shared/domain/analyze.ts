/**
 * The analysis pipeline on an imported document: clause tree → key terms → penalty rules,
 * service levels, score and grade bands, obligations, NDA terms → findings. Pure: no I/O, no
 * clock; the same document always yields the same analysis.
 */
import { anchorFor, pageOf, type Anchor, type SourceDocument } from './document';
import { parseClauses, type Clause } from './clauses/parse';
import { extractContract, type ContractBlock, type KeyTerm } from './terms/contract';
import { extractPenaltyRules, type PenaltyRule } from './penalties/extract';
import { extractServiceLevels, type ServiceLevel } from './terms/service-levels';
import { extractGradeBands, extractScoreBands, type GradeBand, type ScoreBand } from './terms/kpi';
import { extractObligations, type Obligation } from './obligations/extract';
import { extractNdaTerms, type NdaTerms } from './nda/extract';
import { runFindings, type Finding } from './findings/index';

/** A key term with its anchor in the document. */
export interface AnchoredTerm extends KeyTerm {
  anchor: Anchor;
}

/** Everything the analysis finds in one document. */
export interface Analysis {
  clauses: Clause[];
  contract: ContractBlock;
  terms: AnchoredTerm[];
  penaltyRules: PenaltyRule[];
  serviceLevels: ServiceLevel[];
  scoreBands: ScoreBand[];
  gradeBands: GradeBand[];
  obligations: Obligation[];
  ndaTerms: NdaTerms[];
  findings: Finding[];
}

/** Runs the whole analysis on a document. */
export function analyzeDocument(doc: SourceDocument): Analysis {
  const clauses = parseClauses(doc);
  const { contract, terms } = extractContract(doc.text, clauses);
  const penaltyRules = extractPenaltyRules(doc.text, clauses);
  const findings = runFindings({ text: doc.text, clauses, contract, penaltyRules, terms });
  return {
    clauses,
    contract,
    terms: terms.map((t) => ({ ...t, anchor: anchorFor(doc, t.span.start, t.span.end) })),
    penaltyRules,
    serviceLevels: extractServiceLevels(doc.text, clauses),
    scoreBands: extractScoreBands(doc.text),
    gradeBands: extractGradeBands(doc.text),
    obligations: extractObligations(doc.text, clauses),
    ndaTerms: extractNdaTerms(doc.text, clauses, penaltyRules),
    findings,
  };
}

/** The trimmed own text of a clause (leading/trailing whitespace excluded). */
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
