/**
 * The analysis pipeline on an imported document: clause tree → key terms → penalty rules,
 * service levels, score and grade bands, obligations, NDA terms → findings. Pure: no I/O, no
 * clock; the same document always yields the same analysis.
 */
import { anchorFor, pageOf, sliceDocument, type Anchor, type SourceDocument } from './document';
import type { DocumentPart } from './lexicon/document-parts';
import { findContractScope, type PartSpan } from './scope/contract-part';
import { parseClauses, type Clause } from './clauses/parse';
import { QiyueError } from './errors';
import { annotateSentences } from './sentences/model';
import { extractContract, type ContractBlock, type KeyTerm } from './terms/contract';
import { extractPenaltyRules, type PenaltyRule } from './penalties/extract';
import { extractServiceLevels, type ServiceLevel } from './terms/service-levels';
import { extractGradeBands, extractScoreBands, type GradeBand, type ScoreBand } from './terms/kpi';
import { extractObligations, type Obligation } from './obligations/extract';
import { extractNdaTerms, type NdaTerms } from './nda/extract';
import { runFindings, type Finding } from './findings/index';
import { ENGLISH_LIMITATION, detectLanguage, readEnglish } from './english/read';

/** A key term with its anchor in the document. */
export interface AnchoredTerm extends KeyTerm {
  anchor: Anchor;
}

/**
 * What part of the document was reviewed: the whole document, or the contract chapter of a
 * tender (REPORT.md, "What part of a document is the contract"). Offsets into the text.
 */
export interface AnalysisScope {
  whole: boolean;
  start: number;
  end: number;
  /** The contract chapter's heading (`第五章 合同条款及格式`), null for a whole document. */
  heading: string | null;
  /** Every part of the document with its kind; one `contract` part for a whole document. */
  parts: PartSpan[];
}

/** A clause and the part of the document it stands in. */
export interface PartClause extends Clause {
  part: DocumentPart;
}

/** Everything the analysis finds in one document. */
export interface Analysis {
  /** The document's language (extra field of the report): `zh`, `en`, or `other`. */
  language: 'zh' | 'en' | 'other';
  /** What Qiyue could not read of this document, in the reviewer's words (extra field). */
  limitations: string[];
  scope: AnalysisScope;
  /** Every clause of the document; the facts come from those of the `contract` / `annex` parts. */
  clauses: PartClause[];
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

/**
 * The most clauses a document may have: a 300-page tender numbers a few thousand items. Past
 * this the structure is not a contract's (a file of one heading repeated 200,000 times gives a
 * 50 MB report that every later step would carry).
 */
export const MAX_CLAUSES = 20_000;

/** {@link parseClauses}, refused past {@link MAX_CLAUSES}. @throws QiyueError `too-complex` */
function boundedClauses(doc: SourceDocument): Clause[] {
  const clauses = parseClauses(doc);
  if (clauses.length > MAX_CLAUSES)
    throw new QiyueError(
      'too-complex',
      `条款过多：识别出 ${clauses.length} 个条款编号，超过 ${MAX_CLAUSES} 个上限，文件结构可能异常；请确认文件完好，或拆分后再导入 (too many clauses: ${clauses.length})`,
    );
  return clauses;
}

/** The analysis of a document that is a contract as a whole; spans are offsets into its text. */
function analyzeContract(doc: SourceDocument): Omit<Analysis, 'scope' | 'terms' | 'clauses'> & {
  clauses: Clause[];
  terms: KeyTerm[];
} {
  const clauses = boundedClauses(doc);
  const language = detectLanguage(doc.text);
  if (language === 'en') {
    const { contract, terms, ndaTerms } = readEnglish(doc.text, clauses);
    return {
      language,
      limitations: [ENGLISH_LIMITATION],
      clauses,
      contract,
      terms,
      penaltyRules: [],
      serviceLevels: [],
      scoreBands: [],
      gradeBands: [],
      obligations: [],
      ndaTerms,
      findings: [],
    };
  }
  // The document's sentences, split and annotated once for every extractor below.
  const model = annotateSentences(doc.text, clauses);
  const { contract, terms } = extractContract(model);
  const penaltyRules = extractPenaltyRules(model);
  const findings = runFindings({
    text: doc.text,
    clauses,
    contract,
    penaltyRules,
    terms,
    confidence: doc.confidence,
  });
  return {
    language,
    limitations:
      language === 'other'
        ? [
            '未识别到中文或英文正文，可能无法读取任何条款 (no Chinese or English text was recognised)',
          ]
        : [],
    clauses,
    contract,
    terms,
    penaltyRules,
    serviceLevels: extractServiceLevels(model),
    scoreBands: extractScoreBands(doc.text),
    gradeBands: extractGradeBands(doc.text),
    obligations: extractObligations(model),
    ndaTerms: extractNdaTerms(model, penaltyRules),
    findings,
  };
}

/**
 * Moves every span (`{ start, end }`, and a clause's `ownEnd`) found in `value` by `offset`, each
 * object once however often it is referenced (a finding may quote a rule's own span object).
 */
function shiftSpans(value: unknown, offset: number, seen = new WeakSet<object>()): void {
  if (!value || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    for (const v of value) shiftSpans(v, offset, seen);
    return;
  }
  const o = value as Record<string, unknown>;
  if (typeof o.start === 'number' && typeof o.end === 'number') {
    o.start += offset;
    o.end = (o.end as number) + offset;
    if (typeof o.ownEnd === 'number') o.ownEnd += offset;
  }
  for (const v of Object.values(o)) shiftSpans(v, offset, seen);
}

/** `contract` for a clause of the contract itself, `annex` for one of the annexes it carries. */
function contractPart(clauses: Clause[]): PartClause[] {
  const byId = new Map(clauses.map((c) => [c.id, c]));
  return clauses.map((c) => {
    let top = c;
    while (top.parentId && byId.has(top.parentId)) top = byId.get(top.parentId)!;
    return { ...c, part: top.category === 'annex' ? 'annex' : 'contract' };
  });
}

/**
 * Runs the whole analysis on a document. A tender (or any document holding a contract as a
 * chapter) is reviewed on its contract chapter alone: the facts, findings and their spans come
 * from that chapter, and the clauses outside it are listed with the part they belong to.
 */
export function analyzeDocument(doc: SourceDocument): Analysis {
  const analysis = analyzeScoped(doc);
  if (doc.warnings?.length) analysis.limitations = [...doc.warnings, ...analysis.limitations];
  return analysis;
}

function analyzeScoped(doc: SourceDocument): Analysis {
  const found = findContractScope(doc.text);
  if (!found) {
    const a = analyzeContract(doc);
    const end = doc.text.length;
    return {
      ...a,
      scope: {
        whole: true,
        start: 0,
        end,
        heading: null,
        parts: [{ kind: 'contract', start: 0, end, heading: null }],
      },
      clauses: contractPart(a.clauses),
      terms: a.terms.map((t) => ({ ...t, anchor: anchorFor(doc, t.span.start, t.span.end) })),
    };
  }
  const a = analyzeContract(sliceDocument(doc, found.start, found.end));
  shiftSpans(a, found.start);
  // Outside the contract: the clauses of the whole document that start there, cut at its edges.
  const outside: PartClause[] = boundedClauses(doc)
    .filter((c) => c.start < found.start || c.start >= found.end)
    .map((c) => {
      const part = found.parts.find((p) => c.start >= p.start && c.start < p.end);
      const edge = c.start < found.start ? found.start : doc.text.length;
      return {
        ...c,
        id: `t${c.id}`,
        parentId: c.parentId && `t${c.parentId}`,
        end: Math.min(c.end, edge),
        ownEnd: Math.min(c.ownEnd, edge),
        part: part && part.kind !== 'contract' ? part.kind : 'tender_procedure',
      };
    });
  const ids = new Set(outside.map((c) => c.id));
  for (const c of outside) if (c.parentId && !ids.has(c.parentId)) c.parentId = null;
  const clauses = [...outside, ...contractPart(a.clauses)].sort((x, y) => x.start - y.start);
  return {
    ...a,
    scope: {
      whole: false,
      start: found.start,
      end: found.end,
      heading: found.heading,
      parts: found.parts,
    },
    clauses,
    terms: a.terms.map((t) => ({ ...t, anchor: anchorFor(doc, t.span.start, t.span.end) })),
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
