/** The shapes of the comparison matrix (`matrix.ts` builds it; `matrix-text.ts` words it). */
import type { ReviewReport } from '../report';
import type { PenaltyKind, PenaltyRule, PenaltyTrigger } from '../penalties/extract';
import type { ServiceMetric } from '../terms/service-levels';

/** One contract of a comparison. */
export interface CompareInput {
  id: string;
  title: string;
  report: ReviewReport;
}

/** The parties a term may favour. */
export type Party = 'partyA' | 'partyB';

/**
 * What a row compares, for wording it in any language (`label` is its Chinese name, as the
 * command line and CSV print it).
 */
export type MatrixTerm =
  | { kind: 'totalAmount' | 'installments' | 'performanceBond' }
  | { kind: 'confidentiality' | 'forum' | 'acceptance' }
  | {
      kind: 'penalty' | 'penaltyTermination';
      payer: Party;
      trigger: PenaltyTrigger;
      penaltyKind: PenaltyKind | null;
      unit: 'percent' | 'yuan';
    }
  | { kind: 'compensation'; payer: Party; trigger: PenaltyTrigger }
  | { kind: 'sla'; metric: ServiceMetric };

/** A cell's value, for wording it in any language (`display` is its Chinese form). */
export type CellValue =
  | { kind: 'yuan'; yuan: string }
  | { kind: 'installments'; parts: { percent: string | null; yuan: string | null }[] }
  | { kind: 'percent'; percent: string }
  | {
      kind: 'penalty';
      rule: Pick<
        PenaltyRule,
        'percent' | 'yuan' | 'kind' | 'feeMonths' | 'rateBenchmark' | 'forfeitsBond' | 'base'
      > & { terminationAfterDays: number | null };
      withBase: boolean;
    }
  | { kind: 'days'; days: number }
  | { kind: 'minutes'; minutes: number }
  | { kind: 'seconds'; seconds: number }
  | { kind: 'availability'; percent: string }
  /** The contract's own words (a forum, a duration, an acceptance sentence). */
  | { kind: 'quote'; text: string };

/** One cell: the display value, a rankable number when there is one, and where it is. */
export interface MatrixCell {
  display: string;
  cell: CellValue;
  /** Decimal string used for ranking (percent, days, minutes, yuan), or null. */
  value: string | null;
  clauseId: string | null;
  page: number | null;
}

/** Which way is stricter: a higher penalty rate, or a shorter response time. */
export type Direction = 'higher_is_stricter' | 'lower_is_stricter' | null;

/** One row of the matrix. */
export interface MatrixRow {
  key: string;
  /** The term's Chinese name (`违约金：乙方逾期履行（按日，%）`). */
  label: string;
  term: MatrixTerm;
  direction: Direction;
  /** The party the term binds: a stricter value is harder on it. Null for unranked rows. */
  binds: Party | null;
  /** contract id → cell (absent when the contract does not state it). */
  cells: Record<string, MatrixCell>;
  /** The contracts whose value favours each party most (ranked rows, two or more values). */
  bestFor: Record<Party, string[]>;
}

/** A contract as a column: its title, and its supplier (乙方) and signing date for a short head. */
export interface MatrixContract {
  id: string;
  title: string;
  supplier: string | null;
  signedOn: string | null;
}

/** The matrix. Money in yuan (two places), percentages as percent. */
export interface ComparisonMatrix {
  contracts: MatrixContract[];
  rows: MatrixRow[];
}

export const other = (p: Party): Party => (p === 'partyA' ? 'partyB' : 'partyA');
