/**
 * The store's layout since schema 2: the catalog (the lowdb store, one small record per contract,
 * what the library and the cross-contract views need) and each contract's bulk in its own files
 * under `contracts/<id>/`, named by the SHA-256 of their content:
 *
 * - `content.<hash>.json` — the analysed text and the report ({@link ContractContent});
 * - `work.<hash>.json` — the reviewer's work: annotations, checklist, scenarios, entered dates,
 *   triage, sign-off, history ({@link ContractWork}); absent until there is any;
 * - `boxes.<hash>.bin` — every character's box on its page (5 float32 per UTF-16 unit of the
 *   text: page index, x1, y1, x2, y2 in PDF user space), for PDF, OFD and scans;
 * - `layout.<hash>.json` — the pages' sizes (and an OFD's graphics), for the viewer's text layer;
 * - `obligations.<hash>.json` — what the all-contracts checklist reads of a contract: its
 *   obligations, service period, signing date and the clauses they cite ({@link ChecklistSource});
 * - `search.<hash>.txt` — what search reads of a candidate: the clauses' texts one after the
 *   other and where each starts ({@link SearchText}), a quarter of the content's size.
 *
 * A file is never rewritten in place: a change writes a new file under its new hash, commits the
 * catalog pointing at it, then deletes the one it replaced. The catalog's commit is atomic
 * (`generations.ts`), so a process killed at any moment leaves each contract as the last commit
 * named it, wholly there or absent; files no commit names are collected at the next open.
 */
import { createHash } from 'node:crypto';
import type { ContractSummary } from '../../../shared/ipc/contract';
import type { ReportObligation, ReviewReport } from '../../../shared/domain/report';
import type { CitableClause } from '../../../shared/domain/clauses/cite';
import type { SourceDocument, SourceFormat } from '../../../shared/domain/document';
import { triageCounts, type TriageMap } from '../../../shared/domain/triage';
import type { ChecklistState, Scenario } from '../../../shared/domain/checklist';
import type { PaymentEvents } from '../../../shared/domain/calculators/payments';
import type { Annotation, SignOff } from '../../../shared/domain/annotations';
import type { HistoryEntry } from '../../../shared/domain/reanalysis';

/** The folder of per-contract files, in the data folder. */
export const CONTRACTS_FOLDER = 'contracts';

/** A contract's analysed text and report: what analysis wrote, rewritten only by re-analysis. */
export interface ContractContent {
  /** The analysed text (what clause offsets and anchors refer to). */
  text: string;
  report: ReviewReport;
}

/** The reviewer's work on one contract (every field optional: absent means none yet). */
export interface ContractWork {
  /** Reviewer state of checklist items, by item id (items absent here are 未开始). */
  checklist?: Record<string, ChecklistState>;
  /** Saved calculator scenarios. */
  scenarios?: Scenario[];
  /** Dates the reviewer entered (invoice received, acceptance passed) for due dates. */
  events?: PaymentEvents;
  /** Reviewer annotations (soft-deleted ones kept for undo and the audit trail). */
  annotations?: Annotation[];
  /** The reviewer's sign-off of this contract's review. */
  signOff?: SignOff | null;
  /** The reviewer's decision on each finding, by rule and quote (`shared/domain/triage.ts`). */
  triage?: TriageMap;
  /** What happened to the contract's analysis: a line per re-analysis by a newer Qiyue. */
  history?: HistoryEntry[];
}

/** The keys of {@link ContractWork}, in the order they are written. */
export const WORK_KEYS = [
  'checklist',
  'scenarios',
  'events',
  'annotations',
  'signOff',
  'triage',
  'history',
] as const satisfies readonly (keyof ContractWork)[];

/** The pages of a document as the viewer draws its text layer: sizes in points, OFD graphics. */
export interface ContractLayout {
  pageSizes: [number, number][];
  graphics?: SourceDocument['graphics'];
}

/** The per-contract files a catalog entry names (names in `contracts/<id>/`); null: none. */
export interface ContractParts {
  content: string;
  work: string | null;
  boxes: string | null;
  layout: string | null;
  /** Absent in entries written before it was kept (search reads the content then). */
  search?: string | null;
  /** Absent in entries written before it was kept (the checklist reads the content then). */
  obligations?: string | null;
}

/**
 * What a contract's checklist is made of, apart from the reviewer's work: the obligations, the
 * service period and signing date its due dates count from, and the clauses the obligations
 * stand in (for citing them): a few KB, where the report is a few hundred.
 */
export interface ChecklistSource {
  title: string | null;
  signedOn: string | null;
  servicePeriod: { start: string | null; end: string | null } | null;
  obligations: ReportObligation[];
  clauses: CitableClause[];
}

/** The {@link ChecklistSource} of a report. */
export function checklistSourceOf(report: ReviewReport): ChecklistSource {
  const cited = new Set(report.obligations.map((o) => o.clauseId));
  const period = report.contract.servicePeriod;
  return {
    title: report.contract.title,
    signedOn: report.contract.signedOn,
    servicePeriod: period ? { start: period.start, end: period.end } : null,
    obligations: report.obligations,
    clauses: report.clauses
      .filter((c) => cited.has(c.id))
      .map((c) => ({ id: c.id, number: c.number, heading: c.heading, page: c.page })),
  };
}

/**
 * The searchable text of a contract (`search.<hash>.txt`): its clauses' own texts joined by a
 * line feed in `text`, and per clause `[id, number, heading, page, where its text starts in
 * \`text\`, where it starts in the contract's text]`.
 */
export interface SearchText {
  text: string;
  clauses: [string, string, string, number | null, number, number][];
}

/**
 * A {@link SearchText} as kept: its clause table as one line of JSON, then the text as it is
 * (read without parsing the text as JSON: a third of the time for a search's hundred reads).
 */
export function encodeSearchText(st: SearchText): Uint8Array {
  return Buffer.from(`${JSON.stringify(st.clauses)}\n${st.text}`, 'utf8');
}

/** A kept {@link SearchText}. @throws SyntaxError for bytes that are not one */
export function decodeSearchText(bytes: Uint8Array): SearchText {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const nl = buf.indexOf(0x0a);
  if (nl < 0) throw new SyntaxError('not a search text');
  return {
    clauses: JSON.parse(buf.toString('utf8', 0, nl)) as SearchText['clauses'],
    text: buf.toString('utf8', nl + 1),
  };
}

/** The {@link SearchText} of a report's clauses. */
export function searchTextOf(report: ReviewReport): SearchText {
  const clauses: SearchText['clauses'] = [];
  let at = 0;
  for (const c of report.clauses) {
    clauses.push([c.id, c.number, c.heading, c.page, at, c.anchor.start]);
    at += c.text.length + 1;
  }
  return { text: report.clauses.map((c) => c.text).join('\n'), clauses };
}

/** What the catalog keeps of a contract: its file, its library row and where its bulk is. */
export interface CatalogEntry {
  /** The SHA-256 of the original file. */
  id: string;
  fileName: string;
  format: SourceFormat;
  /** The original's size in bytes. */
  size: number;
  pageCount: number | null;
  /** ISO timestamp of the import. */
  importedAt: string;
  /** Path of the copied original, relative to the data folder. */
  file: string;
  /** The 1-based pages whose text was read by OCR (a scan); absent when none was. */
  ocrPages?: number[];
  /** Set when the original is a PDF that opened only with its password (not kept). */
  passwordProtected?: boolean;
  /** The version of the analysis that wrote the report (`reanalysis.ts`). */
  analyzerVersion: number | null;
  /** The library row's fields, kept up to date with every write of the contract. */
  title: string | null;
  partyA: string | null;
  partyB: string | null;
  /** Two-place yuan string. */
  totalYuan: string | null;
  signedOn: string | null;
  findings: ContractSummary['findings'];
  reviewState: ContractSummary['reviewState'];
  /** The evidence files the contract's checklist holds (paths in the data folder), when any. */
  evidence?: string[];
  parts: ContractParts;
}

/** A contract as the store's API hands it out: its catalog record, content and work together. */
export type StoredContract = Omit<CatalogEntry, 'parts' | 'evidence' | keyof LibraryFields> &
  ContractContent &
  ContractWork;

type LibraryFields = Pick<
  CatalogEntry,
  | 'analyzerVersion'
  | 'title'
  | 'partyA'
  | 'partyB'
  | 'totalYuan'
  | 'signedOn'
  | 'findings'
  | 'reviewState'
>;

/**
 * Where a contract's review stands: 已签核 once signed off; 审阅中 once a finding is decided, an
 * annotation made or a checklist item moved; else 未审.
 */
export function reviewStateOf(c: ContractWork): ContractSummary['reviewState'] {
  if (c.signOff) return 'signed_off';
  const touched =
    Object.keys(c.triage ?? {}).length > 0 ||
    (c.annotations ?? []).some((a) => !a.deleted) ||
    Object.keys(c.checklist ?? {}).length > 0;
  return touched ? 'in_review' : 'unreviewed';
}

/** The library-row fields of a whole contract, as its catalog entry keeps them. */
export function libraryFields(c: StoredContract): LibraryFields {
  const { contract } = c.report;
  return {
    analyzerVersion: c.report.analyzerVersion ?? null,
    title: contract.title,
    partyA: contract.parties.find((p) => p.role === 'partyA')?.name ?? null,
    partyB: contract.parties.find((p) => p.role === 'partyB')?.name ?? null,
    totalYuan: contract.totalAmount?.yuan ?? null,
    signedOn: contract.signedOn,
    findings: triageCounts(c.report.findings, c.triage),
    reviewState: reviewStateOf(c),
  };
}

/** The library row (`contracts:list`) of a catalog entry. */
export function summaryOf(e: CatalogEntry): ContractSummary {
  return {
    id: e.id,
    fileName: e.fileName,
    format: e.format,
    pageCount: e.pageCount,
    importedAt: e.importedAt,
    title: e.title,
    partyA: e.partyA,
    partyB: e.partyB,
    totalYuan: e.totalYuan,
    signedOn: e.signedOn,
    ocrPages: e.ocrPages ?? [],
    passwordProtected: e.passwordProtected ?? false,
    findings: e.findings,
    reviewState: e.reviewState,
  };
}

/** The library row of a whole contract. */
export function summarize(c: StoredContract): ContractSummary {
  return summaryOf({ ...recordOf(c), ...libraryFields(c), parts: NO_PARTS });
}

const NO_PARTS: ContractParts = {
  content: '',
  work: null,
  boxes: null,
  layout: null,
  search: null,
};

/** The record fields of a contract (those neither content nor work), in a fixed order. */
export function recordOf(
  c: Omit<StoredContract, keyof ContractContent | keyof ContractWork>,
): Omit<CatalogEntry, 'parts' | 'evidence' | keyof LibraryFields> {
  return {
    id: c.id,
    fileName: c.fileName,
    format: c.format,
    size: c.size,
    pageCount: c.pageCount,
    importedAt: c.importedAt,
    file: c.file,
    ...(c.ocrPages ? { ocrPages: c.ocrPages } : {}),
    ...(c.passwordProtected ? { passwordProtected: true } : {}),
  };
}

/** The reviewer's work of a whole contract, only the fields it has. */
export function workOf(c: ContractWork): ContractWork {
  const work: ContractWork = {};
  for (const k of WORK_KEYS) if (c[k] !== undefined) (work as Record<string, unknown>)[k] = c[k];
  return work;
}

/** A file's name for `bytes`: `<kind>.<first 20 hex digits of their SHA-256>.<ext>`. */
export function partName(kind: keyof ContractParts, ext: string, bytes: Uint8Array): string {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 20);
  return `${kind}.${hash}.${ext}`;
}

/** The path in the data folder of contract `id`'s file `name`. */
export function partPath(id: string, name: string): string {
  return `${CONTRACTS_FOLDER}/${id}/${name}`;
}

/** The bytes of a document's boxes as kept (`boxes.<hash>.bin`), little-endian float32. */
export function boxBytes(boxes: Float32Array): Uint8Array {
  return new Uint8Array(boxes.buffer, boxes.byteOffset, boxes.byteLength);
}

/** Every file a catalog entry names, besides the original. */
export function partFiles(e: Pick<CatalogEntry, 'id' | 'parts'>): string[] {
  return [
    e.parts.content,
    e.parts.work,
    e.parts.boxes,
    e.parts.layout,
    e.parts.search,
    e.parts.obligations,
  ]
    .filter((p): p is string => typeof p === 'string')
    .map((name) => partPath(e.id, name));
}
