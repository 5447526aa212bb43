/** The library's sort and filters (renderer/src/features/library/library-order.ts). */
import { describe, expect, it } from 'vitest';
import {
  groupSameContract,
  NO_FILTER,
  nextSort,
  orderLibrary,
} from '../../renderer/src/features/library/library-order';
import type { ContractSummary } from '../../shared/ipc/contract';

const row = (
  id: string,
  over: Partial<ContractSummary> & { high?: number; medium?: number } = {},
): ContractSummary => ({
  id: id.padEnd(64, '0'),
  fileName: `${id}.pdf`,
  format: 'pdf',
  pageCount: 1,
  importedAt: '2026-12-01T00:00:00.000Z',
  title: null,
  partyA: null,
  partyB: null,
  totalYuan: null,
  signedOn: null,
  ocrPages: [],
  passwordProtected: false,
  findings: {
    open: { high: over.high ?? 0, medium: over.medium ?? 0, low: 0 },
    byStatus: { open: 0, accepted: 0, false_positive: 0, resolved: 0 },
  },
  reviewState: 'unreviewed',
  ...over,
});

const ids = (rows: ContractSummary[]) => rows.map((r) => r.fileName.replace('.pdf', ''));

describe('library order', () => {
  const rows = [
    row('a', { totalYuan: '999999.99', high: 0, medium: 3, partyA: '阿克苏地区数字化发展局' }),
    row('b', { totalYuan: '1160000.00', high: 2, medium: 1, partyA: '北京市科学技术委员会' }),
    row('c', { totalYuan: null, high: 2, medium: 2, reviewState: 'signed_off' }),
    row('d', { totalYuan: '375980.00', high: 1, medium: 0, reviewState: 'in_review' }),
  ];

  it('sorts by open high findings first, then medium, most first', () => {
    expect(ids(orderLibrary(rows, nextSort(null, 'risk'), NO_FILTER))).toEqual([
      'c',
      'b',
      'd',
      'a',
    ]);
  });

  it('sorts amounts as decimals, absent amounts last in either direction', () => {
    const desc = nextSort(null, 'amount');
    expect(desc.descending).toBe(true);
    expect(ids(orderLibrary(rows, desc, NO_FILTER))).toEqual(['b', 'a', 'd', 'c']);
    expect(ids(orderLibrary(rows, nextSort(desc, 'amount'), NO_FILTER))).toEqual([
      'd',
      'a',
      'b',
      'c',
    ]);
  });

  it('sorts parties in pinyin order and filters by words, state and open high risk', () => {
    const byA = nextSort(null, 'partyA');
    expect(byA.descending).toBe(false);
    expect(ids(orderLibrary(rows, byA, NO_FILTER))).toEqual(['a', 'b', 'c', 'd']);
    expect(ids(orderLibrary(rows, null, { ...NO_FILTER, words: '科学 北京' }))).toEqual(['b']);
    expect(ids(orderLibrary(rows, null, { ...NO_FILTER, reviewState: 'in_review' }))).toEqual([
      'd',
    ]);
    expect(ids(orderLibrary(rows, null, { ...NO_FILTER, openHighOnly: true }))).toEqual([
      'b',
      'c',
      'd',
    ]);
  });
});

describe('one contract in several files', () => {
  const same = { title: '运维服务合同', partyA: '某局', partyB: '某公司', totalYuan: '1160000.00' };
  it('shows a PDF, its DOCX and an encrypted copy as one contract, the readable PDF first', () => {
    const rows = [
      row('docx', { ...same, format: 'docx', fileName: 'c.docx' }),
      row('enc', { ...same, format: 'pdf', fileName: 'c.encrypted.pdf', passwordProtected: true }),
      row('pdf', { ...same, format: 'pdf', fileName: 'c.pdf' }),
      row('other', { ...same, totalYuan: '280000.00' }),
      row('unread', { title: null }),
    ];
    const groups = groupSameContract(rows);
    expect(groups.map((g) => g.files.map((f) => f.fileName))).toEqual([
      ['c.pdf', 'c.encrypted.pdf', 'c.docx'],
      ['other.pdf'],
      ['unread.pdf'],
    ]);
    expect(groups[0].main.fileName).toBe('c.pdf');
  });

  it('keeps files apart whose title, parties or amount were not read', () => {
    const groups = groupSameContract([row('a', { title: null }), row('b', { title: null })]);
    expect(groups).toHaveLength(2);
  });
});
