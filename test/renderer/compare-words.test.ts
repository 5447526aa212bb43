/**
 * The comparison matrix in the interface language (renderer/src/features/compare/matrix-words.ts)
 * on the five seeds: in Chinese every row's term and every cell read exactly as the matrix's own
 * Chinese `label` and `display` (the command line's), and in English none holds Chinese but the
 * contracts' own quoted words.
 */
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareContracts, type ComparisonMatrix } from '../../shared/domain/compare/matrix';
import { favoursLabel } from '../../shared/domain/compare/matrix-text';
import { cellText, favoursText, termLabel } from '../../renderer/src/features/compare/matrix-words';
import { labelsFor } from '../../renderer/src/lib/labels';
import { RESOURCES } from '../../renderer/src/i18n';
import { SEED_NAMES, seedReport } from '../support/seeds';

const CJK = /[\u3400-\u9fff]/;
let matrix: ComparisonMatrix;

beforeAll(async () => {
  const inputs = [];
  for (const name of SEED_NAMES)
    inputs.push({ id: name, title: name, report: await seedReport(name) });
  matrix = compareContracts(inputs);
});

async function tIn(lng: 'zh-CN' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: RESOURCES, interpolation: { escapeValue: false } });
  return i18n.t;
}

describe('the comparison in the interface language', () => {
  it('reads in Chinese as the matrix itself', async () => {
    const t = await tIn('zh-CN');
    const labels = labelsFor('zh-CN', t);
    expect(matrix.rows.length).toBeGreaterThan(20);
    for (const r of matrix.rows) {
      expect(termLabel(r.term, t, labels)).toBe(r.label);
      expect(favoursText(r, t, labels)).toBe(favoursLabel(r));
      for (const c of Object.values(r.cells)) expect(cellText(c.cell, t, labels)).toBe(c.display);
    }
  });

  it('holds no Chinese in English but the contracts’ own words', async () => {
    const t = await tIn('en');
    const labels = labelsFor('en', t);
    for (const r of matrix.rows) {
      expect(termLabel(r.term, t, labels)).not.toMatch(CJK);
      expect(favoursText(r, t, labels)).not.toMatch(CJK);
      for (const c of Object.values(r.cells))
        if (c.cell.kind !== 'quote') expect(cellText(c.cell, t, labels), r.key).not.toMatch(CJK);
    }
    const late = matrix.rows.find((r) => r.key === 'penalty.partyB.late_delivery.per_day')!;
    expect(termLabel(late.term, t, labels)).toBe('Penalty: Party B, late performance (per day, %)');
    expect(favoursText(late, t, labels)).toBe('Higher favours Party A');
  });
});
