/**
 * The review report of REPORT.md (schema version 1): the app's public output, printed by the
 * command line and exported by the app. Field names and vocabularies follow REPORT.md exactly;
 * Qiyue's additions (anchors, key terms with their evidence) are extra fields.
 */
import type { Anchor, SourceDocument, SourceFormat } from './document';
import { anchorFor } from './document';
import type { Analysis } from './analyze';
import { clauseOwnSpan } from './analyze';
import type { ClauseCategory } from './clauses/categories';
import type { ContractBlock } from './terms/contract';
import { pageOf } from './document';

/** REPORT.md `source`. */
export interface ReportSource {
  fileName: string;
  sha256: string;
  format: SourceFormat;
  pageCount: number | null;
}

/** REPORT.md `clauses[]` plus Qiyue's extra fields (tree links, offsets, anchor). */
export interface ReportClause {
  id: string;
  number: string;
  heading: string;
  category: ClauseCategory;
  page: number | null;
  text: string;
  parentId: string | null;
  level: number;
  /** The clause's own label, e.g. `（四）` or `3.1.1`. */
  label: string;
  anchor: Anchor;
}

/** A key term in the report (extra field `keyTerms`). */
export interface ReportKeyTerm {
  key: string;
  label: string;
  value: string;
  clauseId: string | null;
  page: number | null;
  anchor: Anchor;
}

/** The REPORT.md document. Lists the analysis does not produce yet are empty, never invented. */
export interface ReviewReport {
  schemaVersion: 1;
  source: ReportSource;
  contract: ContractBlock;
  clauses: ReportClause[];
  penaltyRules: unknown[];
  serviceLevels: unknown[];
  scoreBands: unknown[];
  gradeBands: unknown[];
  obligations: unknown[];
  confidentiality: { duration: string | null; clauseIds: string[] };
  findings: unknown[];
  keyTerms: ReportKeyTerm[];
}

/** Builds the report of one analysed document. */
export function buildReport(
  source: ReportSource,
  doc: SourceDocument,
  analysis: Analysis,
): ReviewReport {
  const clauses: ReportClause[] = analysis.clauses.map((c) => {
    const span = clauseOwnSpan(doc, c);
    return {
      id: c.id,
      number: c.number,
      heading: c.heading,
      category: c.category,
      page: pageOf(doc, span.start, span.end),
      text: doc.text.slice(span.start, span.end),
      parentId: c.parentId,
      level: c.level,
      label: c.label,
      anchor: anchorFor(doc, span.start, span.end),
    };
  });
  return {
    schemaVersion: 1,
    source,
    contract: analysis.contract,
    clauses,
    penaltyRules: [],
    serviceLevels: [],
    scoreBands: [],
    gradeBands: [],
    obligations: [],
    confidentiality: {
      duration: analysis.confidentiality.duration,
      clauseIds: analysis.confidentiality.clauseIds,
    },
    findings: [],
    keyTerms: analysis.terms.map((t) => ({
      key: t.key,
      label: t.label,
      value: t.value,
      clauseId: t.clauseId,
      page: t.anchor.positions[0] ? t.anchor.positions[0].pageIndex + 1 : null,
      anchor: t.anchor,
    })),
  };
}
