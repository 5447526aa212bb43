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
