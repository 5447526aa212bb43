/**
 * The review report of REPORT.md (schema version 1): the app's public output, printed by the
 * command line and exported by the app. Field names and vocabularies follow REPORT.md exactly;
 * Qiyue's additions (anchors, pages, key terms with their evidence, NDA records, English
 * messages) are extra fields.
 */
import type { Anchor, SourceDocument, SourceFormat } from './document';
import { anchorFor, lastPageOf, pageOf } from './document';
import type { DocumentPart } from './lexicon/document-parts';
import { ANALYZER_VERSION } from './reanalysis';
import type { Analysis } from './analyze';
import { clauseOwnSpan } from './analyze';
import type { ClauseCategory } from './clauses/categories';
import type { ContractBlock } from './terms/contract';
import type { PenaltyRule } from './penalties/extract';
import type { ServiceLevel } from './terms/service-levels';
import type { Obligation } from './obligations/extract';
import type { NdaSource } from './nda/extract';
import type { Finding } from './findings/types';

/** REPORT.md `source`. */
export interface ReportSource {
  fileName: string;
  sha256: string;
  format: SourceFormat;
  pageCount: number | null;
}

/** Where an item is: 1-based page of its first rectangle (null for text sources) and its anchor. */
interface Located {
  page: number | null;
  anchor: Anchor;
}

/** REPORT.md `clauses[]` plus tree links, own label and anchor. */
export interface ReportClause extends Located {
  id: string;
  number: string;
  heading: string;
  category: ClauseCategory;
  text: string;
  parentId: string | null;
  level: number;
  /** The clause's own label, e.g. `（四）` or `3.1.1`. */
  label: string;
  /** Extra field: the part of the document it stands in (`contract`, `annex`, `tender_procedure` …). */
  part: DocumentPart;
}

/**
 * Extra field `scope`: what was reviewed. For a tender, its contract chapter (`heading`
 * `第五章 合同条款及格式`, PDF pages `from`–`to`); for a contract, the whole document
 * (`whole: true`, heading null). `clauseIds` are the reviewed clauses; `parts` lists every part
 * of the document with its kind and pages.
 */
export interface ReportScope {
  part: 'contract';
  whole: boolean;
  heading: string | null;
  pages: { from: number; to: number } | null;
  clauseIds: string[];
  parts: {
    kind: DocumentPart;
    heading: string | null;
    pages: { from: number; to: number } | null;
  }[];
}

/** A key term in the report (extra field `keyTerms`). */
export interface ReportKeyTerm extends Located {
  key: string;
  label: string;
  value: string;
  clauseId: string | null;
}

/** REPORT.md `penaltyRules[]` (the rule without its offsets, plus where it is). */
export type ReportPenaltyRule = Omit<PenaltyRule, 'span'> & Located;

/** REPORT.md `serviceLevels[]` (`percent` for availability; `seconds` for sub-minute limits). */
export type ReportServiceLevel = Omit<ServiceLevel, 'span'> & Located;

/** REPORT.md `obligations[]`. */
export type ReportObligation = Omit<Obligation, 'span'> & Located;

/** One NDA record in the report (extra field `confidentiality.records`). */
export interface ReportNdaRecord {
  id: string;
  source: NdaSource;
  title: string;
  recipientName: string | null;
  clauseIds: string[];
  terms: {
    key: string;
    value: string | number | null;
    text: string;
    page: number | null;
    anchor: Anchor;
  }[];
  penaltyRuleIds: string[];
}

/** REPORT.md `findings[]` plus the English message, the quote and its anchors (one per quoted span). */
export type ReportFinding = Omit<Finding, 'spans'> & { page: number | null; anchors: Anchor[] };

/** The REPORT.md document. */
export interface ReviewReport {
  schemaVersion: 1;
  source: ReportSource;
  /** Extra field: the version of the analysis that wrote this report (see `reanalysis.ts`). */
  analyzerVersion: number;
  /** Extra field: the document's language, `zh`, `en` or `other`. */
  language: 'zh' | 'en' | 'other';
  /** Extra field: what Qiyue could not read of this document (an English one, say), in words. */
  limitations: string[];
  scope: ReportScope;
  contract: ContractBlock;
  clauses: ReportClause[];
  penaltyRules: ReportPenaltyRule[];
  serviceLevels: ReportServiceLevel[];
  scoreBands: { minScore: string; percentOfTotal: string }[];
  gradeBands: { minScore: string; grade: string }[];
  obligations: ReportObligation[];
  confidentiality: { duration: string | null; clauseIds: string[]; records: ReportNdaRecord[] };
  findings: ReportFinding[];
  keyTerms: ReportKeyTerm[];
}

const NDA_TERM_KEYS = [
  'scope',
  'recipients',
  'duration',
  'returnDeadlineDays',
  'breachNoticeHours',
  'compelledDisclosureNoticeDays',
  'survival',
] as const;

/** Builds the report of one analysed document. */
export function buildReport(
  source: ReportSource,
  doc: SourceDocument,
  analysis: Analysis,
): ReviewReport {
  const locate = (span: { start: number; end: number }): Located => {
    const anchor = anchorFor(doc, span.start, span.end);
    return { page: anchor.positions[0] ? anchor.positions[0].pageIndex + 1 : null, anchor };
  };
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
      part: c.part,
      anchor: anchorFor(doc, span.start, span.end),
    };
  });
  const records: ReportNdaRecord[] = analysis.ndaTerms.map((n) => ({
    id: n.id,
    source: n.source,
    title: n.title,
    recipientName: n.recipientName,
    clauseIds: n.clauseIds,
    terms: NDA_TERM_KEYS.flatMap((key) => {
      const t = n[key];
      return t ? [{ key, value: t.value, text: t.text, ...locate(t.span) }] : [];
    }),
    penaltyRuleIds: n.penaltyRuleIds,
  }));
  const mainNda =
    analysis.ndaTerms.find((n) => n.source === 'contract_clause' && n.duration) ??
    analysis.ndaTerms.find((n) => n.duration);
  const pagesOf = (start: number, end: number) => {
    const from = pageOf(doc, start, end);
    const to = lastPageOf(doc, start, end);
    return from !== null && to !== null ? { from, to } : null;
  };
  const sc = analysis.scope;
  return {
    schemaVersion: 1,
    source,
    analyzerVersion: ANALYZER_VERSION,
    language: analysis.language,
    limitations: analysis.limitations,
    scope: {
      part: 'contract',
      whole: sc.whole,
      heading: sc.heading,
      pages: pagesOf(sc.start, sc.end),
      clauseIds: analysis.clauses
        .filter((c) => c.part === 'contract' || c.part === 'annex')
        .map((c) => c.id),
      parts: sc.parts.map((p) => ({
        kind: p.kind,
        heading: p.heading,
        pages: pagesOf(p.start, p.end),
      })),
    },
    contract: analysis.contract,
    clauses,
    penaltyRules: analysis.penaltyRules.map(({ span, ...r }) => ({ ...r, ...locate(span) })),
    serviceLevels: analysis.serviceLevels.map(({ span, ...s }) => ({ ...s, ...locate(span) })),
    scoreBands: analysis.scoreBands.map(({ minScore, percentOfTotal }) => ({
      minScore,
      percentOfTotal,
    })),
    gradeBands: analysis.gradeBands.map(({ minScore, grade }) => ({ minScore, grade })),
    obligations: analysis.obligations.map(({ span, ...o }) => ({ ...o, ...locate(span) })),
    confidentiality: {
      duration: mainNda?.duration?.value ?? null,
      clauseIds: [...new Set(analysis.ndaTerms.flatMap((n) => n.clauseIds))],
      records,
    },
    findings: analysis.findings.map((f) => {
      const anchors = f.spans.map((s) => anchorFor(doc, s.start, s.end));
      const first = anchors.find((a) => a.positions.length);
      return {
        ruleId: f.ruleId,
        severity: f.severity,
        message: f.message,
        messageEn: f.messageEn,
        clauseIds: f.clauseIds,
        quote: f.quote,
        page: first ? first.positions[0].pageIndex + 1 : null,
        anchors,
      };
    }),
    keyTerms: analysis.terms.map((t) => ({
      key: t.key,
      label: t.label,
      value: t.value,
      clauseId: t.clauseId,
      ...locate(t.span),
    })),
  };
}
