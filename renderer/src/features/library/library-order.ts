/**
 * The library's order and filters: sort by any column (open high-risk findings first by default
 * for that column, largest amounts first), filter by review state, by open risk, and by words
 * in the title, the parties or the file name. Amounts compare as decimals (decimal.js), never
 * as floating-point numbers.
 */
import Decimal from 'decimal.js';
import type { ContractSummary } from '../../../../shared/ipc/contract';

/** The columns the library sorts by. */
export type SortKey =
  'title' | 'partyA' | 'partyB' | 'amount' | 'signedOn' | 'importedAt' | 'risk' | 'reviewState';

export interface LibrarySort {
  key: SortKey;
  descending: boolean;
}

/** Which contracts to show: review state, risk and words. */
export interface LibraryFilter {
  reviewState: ContractSummary['reviewState'] | 'all';
  /** Only contracts with an open (待处理 or 已确认) high-severity finding. */
  openHighOnly: boolean;
  /** Words each of which must be in the title, a party or the file name. */
  words: string;
}

export const NO_FILTER: LibraryFilter = { reviewState: 'all', openHighOnly: false, words: '' };

const REVIEW_ORDER: Record<ContractSummary['reviewState'], number> = {
  unreviewed: 0,
  in_review: 1,
  signed_off: 2,
};

const collator = new Intl.Collator('zh-CN-u-co-pinyin', { numeric: true });

/** Orders two summaries by `key`, ascending; absent values last whichever the direction. */
function compare(a: ContractSummary, b: ContractSummary, key: SortKey): number | null {
  switch (key) {
    case 'title':
      return collator.compare(a.title ?? a.fileName, b.title ?? b.fileName);
    case 'partyA':
    case 'partyB':
    case 'signedOn': {
      const x = a[key];
      const y = b[key];
      if (x === null || y === null) return x === y ? 0 : null;
      return collator.compare(x, y);
    }
    case 'importedAt':
      return a.importedAt < b.importedAt ? -1 : a.importedAt > b.importedAt ? 1 : 0;
    case 'amount':
      if (a.totalYuan === null || b.totalYuan === null)
        return a.totalYuan === b.totalYuan ? 0 : null;
      return new Decimal(a.totalYuan).cmp(b.totalYuan);
    case 'risk':
      return (
        a.findings.open.high - b.findings.open.high ||
        a.findings.open.medium - b.findings.open.medium
      );
    case 'reviewState':
      return REVIEW_ORDER[a.reviewState] - REVIEW_ORDER[b.reviewState];
  }
}

/** The summaries that pass `filter`, in `sort` order (ties keep the store's order). */
export function orderLibrary(
  contracts: readonly ContractSummary[],
  sort: LibrarySort | null,
  filter: LibraryFilter,
): ContractSummary[] {
  const words = filter.words.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const shown = contracts.filter((c) => {
    if (filter.reviewState !== 'all' && c.reviewState !== filter.reviewState) return false;
    if (filter.openHighOnly && c.findings.open.high === 0) return false;
    const hay = [c.title, c.partyA, c.partyB, c.fileName].join(' ').toLowerCase();
    return words.every((w) => hay.includes(w));
  });
  if (!sort) return shown;
  return shown
    .map((c, i) => ({ c, i }))
    .sort((x, y) => {
      const d = compare(x.c, y.c, sort.key);
      // Absent values go last in either direction.
      if (d === null) return (x.c[nullable(sort.key)] === null ? 1 : -1) || x.i - y.i;
      return (sort.descending ? -d : d) || x.i - y.i;
    })
    .map(({ c }) => c);
}

function nullable(key: SortKey): 'partyA' | 'partyB' | 'signedOn' | 'totalYuan' {
  return key === 'amount' ? 'totalYuan' : (key as 'partyA' | 'partyB' | 'signedOn');
}

/** The next sort after a click on `key`: first descending for numbers and dates, then flipped. */
export function nextSort(current: LibrarySort | null, key: SortKey): LibrarySort {
  if (current?.key === key) return { key, descending: !current.descending };
  const numeric = ['amount', 'signedOn', 'importedAt', 'risk'].includes(key);
  return { key, descending: numeric };
}

/** One contract as the library lists it: its main file, and every file of the same contract. */
export interface ContractGroup {
  main: ContractSummary;
  /** All its files, the main one first (one entry when the contract came as one file). */
  files: ContractSummary[];
}

/** The order a contract's files are shown in: a readable PDF first, then DOCX, OFD, text, scans. */
const FORMAT_RANK: Record<ContractSummary['format'], number> = {
  pdf: 0,
  docx: 1,
  ofd: 2,
  txt: 3,
  md: 3,
  image: 4,
};

/** What makes two files the same contract: its title, parties and amount as read. */
function contractKey(c: ContractSummary): string | null {
  if (!c.title || !c.totalYuan || !(c.partyA || c.partyB)) return null;
  const norm = (s: string | null) => (s ?? '').replace(/\s+/g, '');
  return [c.title, c.partyA, c.partyB, c.totalYuan].map(norm).join('\u0000');
}

/**
 * The rows as contracts: files whose analysis reads the same title, parties and total (the PDF,
 * the DOCX and an encrypted copy of one contract) are one contract with its files, in the order
 * of `rows`; a file whose title, parties or amount could not be read stands alone. The main file
 * is an unprotected PDF where there is one.
 */
export function groupSameContract(rows: readonly ContractSummary[]): ContractGroup[] {
  const groups = new Map<string, ContractSummary[]>();
  const order: string[] = [];
  for (const c of rows) {
    const key = contractKey(c) ?? `id:${c.id}`;
    if (!groups.has(key)) {
      groups.set(key, []);
      order.push(key);
    }
    groups.get(key)!.push(c);
  }
  return order.map((key) => {
    const files = [...groups.get(key)!].sort(
      (a, b) =>
        FORMAT_RANK[a.format] - FORMAT_RANK[b.format] ||
        Number(a.passwordProtected) - Number(b.passwordProtected) ||
        a.importedAt.localeCompare(b.importedAt),
    );
    return { main: files[0], files };
  });
}
