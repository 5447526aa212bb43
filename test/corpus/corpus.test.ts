/**
 * Regression guard on documents written by others: the real-document corpus and the seeds are
 * reviewed and scored with the team's scorer (`../shared/tools/score-report.mjs`), and neither the
 * share of facts found nor the share of false items may fall back below the level reached
 * (`floor.json`; raise it when the analysis improves). Not a timed test.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CORPUS_DIR, SEEDS_DIR, reviewFile, scoreDir, totals } from '../support/corpus';

const floor = JSON.parse(
  fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'floor.json'), 'utf8'),
) as Record<'corpus' | 'seeds', { minRecallPercent: number; maxExtraPercent: number }>;

describe('accuracy on real documents does not regress', () => {
  it('corpus: recall and false items at or better than the floor', async () => {
    const scores = await scoreDir(CORPUS_DIR);
    const t = totals(scores);
    for (const s of scores) expect(s.error, s.file).toBeUndefined();
    console.log(
      `corpus: ${t.matched}/${t.facts} facts (${t.recallPercent.toFixed(1)} %), ${t.extra} false of ${t.listed} (${t.extraPercent.toFixed(1)} %)`,
    );
    expect(t.recallPercent).toBeGreaterThanOrEqual(floor.corpus.minRecallPercent);
    expect(t.extraPercent).toBeLessThanOrEqual(floor.corpus.maxExtraPercent);
  }, 600_000);

  it('seeds in every format: recall and false items at or better than the floor', async () => {
    const scores = await scoreDir(SEEDS_DIR);
    const t = totals(scores);
    for (const s of scores) expect(s.error, s.file).toBeUndefined();
    // Seed 003's PDF itself lacks two penalty rates (Word equations LibreOffice dropped); the
    // DOCX and text carry them. Every other seed file is read completely.
    for (const s of scores.filter((x) => x.file !== '003_2fd1bbbed6f06600.pdf'))
      expect(s.missing, s.file).toEqual([]);
    expect(t.recallPercent).toBeGreaterThanOrEqual(floor.seeds.minRecallPercent);
    expect(t.extraPercent).toBeLessThanOrEqual(floor.seeds.maxExtraPercent);
  });

  it('each corpus tender is reviewed on its contract chapter, with the pages its key names', async () => {
    // The chapter and, for PDFs, its pages as the keys' `_about` give them.
    const chapters: Record<string, [RegExp, [number, number] | null]> = {
      '01': [/^第五章 合同条款及格式$/, [59, 88]],
      '02': [/^第三章 合同条款及格式$/, [31, 38]],
      '03': [/^第五章 采购合同$/, [17, 22]],
      '05': [/^第四章 ?合同条款及格式$/, [48, 74]],
      '06': [/^第四卷 合同条款及格式$/, [58, 77]],
      '07': [/^第四章 政府采购合同主要条款指引$/, null],
      '08': [/^第四章 合同格式$/, null],
      '09': [/^第六部分 合同条款格式及其他$/, null],
      '10': [/^第五章 合同书格式和合同条款$/, null],
      '11': [/^第六章 合同基本条款及格式$/, [36, 39]],
      '12': [/^第五章 合同文本$/, [72, 84]],
    };
    for (const f of fs.readdirSync(CORPUS_DIR).filter((x) => /^\d\d-.*\.(pdf|docx)$/.test(x))) {
      const { scope, clauses } = await reviewFile(path.join(CORPUS_DIR, f));
      const want = chapters[f.slice(0, 2)];
      if (!want) {
        expect(scope.whole, f).toBe(true); // the standalone NDA is a contract as a whole
        continue;
      }
      expect(scope.whole, f).toBe(false);
      expect(scope.heading, f).toMatch(want[0]);
      if (want[1]) expect(scope.pages, f).toEqual({ from: want[1][0], to: want[1][1] });
      // The reviewed clauses are the chapter's; the rest are labelled with their own part.
      const reviewed = new Set(scope.clauseIds);
      for (const c of clauses)
        expect(reviewed.has(c.id), `${f} ${c.number}`).toBe(
          c.part === 'contract' || c.part === 'annex',
        );
      expect(
        clauses.some((c) => c.part === 'tender_procedure'),
        f,
      ).toBe(true);
    }
  }, 600_000);
});
