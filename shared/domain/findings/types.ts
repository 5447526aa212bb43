/**
 * The findings engine's types: a rule reads the analysed document and returns findings, each
 * with its rule id (REPORT.md `findings[].ruleId`), severity, messages in Chinese and English,
 * the clauses it concerns and the quoted text that triggered it.
 */
import type { Clause } from '../clauses/parse';
import type { ContractBlock, KeyTerm } from '../terms/contract';
import type { PenaltyRule } from '../penalties/extract';
import type { TextSpan } from '../text/sentences';

/** REPORT.md `findings[].severity`. */
export type Severity = 'high' | 'medium' | 'low';

/** What a rule reads: the text, the clause tree and the extracted terms. */
export interface FindingContext {
  text: string;
  clauses: Clause[];
  contract: ContractBlock;
  penaltyRules: PenaltyRule[];
  /** Key terms with their spans (installments, parties, …). */
  terms: KeyTerm[];
  /**
   * For a scan: per UTF-16 unit of `text`, OCR's probability for the character (NaN where it
   * was not read by OCR). Absent for a document with a text layer.
   */
  confidence?: Float32Array;
}

/** One problem found in the document. `spans` locate the quoted text. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  /** Chinese message for reviewers. */
  message: string;
  messageEn: string;
  clauseIds: string[];
  /** The text that triggered the finding, as the document writes it (spans joined by ` … `). */
  quote: string;
  spans: TextSpan[];
}

/** A findings rule: one module per rule id. */
export interface FindingRule {
  id: string;
  /** What the rule checks, and its source (REPORT.md vocabulary, standard or statute). */
  description: string;
  check(ctx: FindingContext): Finding[];
}
