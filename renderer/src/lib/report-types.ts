/** Types of the stored report as the renderer reads it (see shared/domain/report.ts). */
export type { ReviewReport, ReportClause, ReportKeyTerm } from '../../../shared/domain/report';
export type { Anchor } from '../../../shared/domain/document';
