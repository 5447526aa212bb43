/**
 * The comparison matrix as people read it in Chinese: whom a row favours (`越高越有利于甲方`),
 * a cell's mark (`（最利甲方）`), a column's short head, and the whole as CSV. The app words the
 * same in the interface language (`renderer/src/features/compare/matrix-words.ts`).
 */
import { PARTY_LABELS } from '../labels';
import { csvDocument } from '../csv';
import { other, type ComparisonMatrix, type MatrixContract, type MatrixRow } from './matrix';

/**
 * A column's short head: the supplier without its company-form suffix and the signing date,
 * `北京某某科技 · 2024-12-05`; the title when the supplier is not known.
 */
export function shortHead(c: MatrixContract): string {
  const name = c.supplier
    ? c.supplier.replace(/(股份)?有限(责任)?公司$|集团$/, '').slice(0, 12)
    : c.title.slice(0, 14);
  return c.signedOn ? `${name} · ${c.signedOn}` : name;
}

/** Whom a ranked row's values favour, in Chinese: `越高越有利于甲方`. */
export function favoursLabel(r: Pick<MatrixRow, 'direction' | 'binds'>): string {
  if (!r.direction || !r.binds) return '';
  const favoured = PARTY_LABELS[other(r.binds)];
  return `${r.direction === 'higher_is_stricter' ? '越高' : '越低'}越有利于${favoured}`;
}

/** A cell's mark in Chinese: `（最利甲方）`, `（最利乙方）` or nothing. */
export function cellMark(r: MatrixRow, contractId: string): string {
  if (r.bestFor.partyA.includes(contractId)) return '（最利甲方）';
  if (r.bestFor.partyB.includes(contractId)) return '（最利乙方）';
  return '';
}

/**
 * The matrix as CSV (UTF-8 with BOM): one row per term, one column per contract, and whom the
 * term favours.
 */
export function matrixCsv(m: ComparisonMatrix): string {
  const lines = [['条款', '对谁有利', ...m.contracts.map((c) => c.title)]];
  for (const r of m.rows)
    lines.push([
      r.label,
      favoursLabel(r),
      ...m.contracts.map((c) => {
        const x = r.cells[c.id];
        return x ? `${x.display}${cellMark(r, c.id)}` : '';
      }),
    ]);
  return csvDocument(lines);
}
