/**
 * Issue 2: every clause of a seed PDF has a page and rectangles on that page, and for every key
 * term the text under its rectangles is the term's source text. The check reads pdf.js text
 * items independently of the importer: the items that the rectangles overlap must contain the
 * quoted text, on the page the anchor names.
 */
import fs from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/main/import/index';
import { loadPdfJs, pdfDocumentOptions } from '../../electron/main/import/pdf';
import { analyzeDocument } from '../../shared/domain/analyze';
import { buildReport, type ReviewReport } from '../../shared/domain/report';
import type { Rect } from '../../shared/domain/document';
import { SEED_NAMES, seedPath } from '../support/seeds';

interface Item {
  str: string;
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

async function pageItems(file: string): Promise<Item[][]> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument(pdfDocumentOptions(new Uint8Array(fs.readFileSync(file))));
  const doc = await task.promise;
  const pages: Item[][] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    pages.push(
      (content.items as { str: string; transform: number[]; width: number; height: number }[])
        .filter((i) => i.str.trim())
        .map((i) => ({
          str: i.str,
          x1: i.transform[4],
          y1: i.transform[5],
          x2: i.transform[4] + i.width,
          y2: i.transform[5] + i.height,
        })),
    );
  }
  await task.destroy();
  return pages;
}

const overlaps = (r: Rect, i: Item) => i.x1 < r[2] && i.x2 > r[0] && i.y1 < r[3] && i.y2 > r[1];
const squash = (s: string) => s.replace(/\s+/g, '');

describe.each(SEED_NAMES)('anchors of seed %s (PDF)', (name) => {
  let report: ReviewReport;
  let items: Item[][];
  beforeAll(async () => {
    const file = seedPath(name, 'pdf');
    const doc = await importFile(file, new Uint8Array(fs.readFileSync(file)));
    report = buildReport(
      { fileName: name, sha256: 'x', format: 'pdf', pageCount: doc.pageCount },
      doc,
      analyzeDocument(doc),
    );
    items = await pageItems(file);
  });

  it('every clause has a page and rectangles on that page', () => {
    expect(report.clauses.length).toBeGreaterThan(20);
    for (const c of report.clauses) {
      expect(c.page, `${c.id} ${c.number}`).toBeGreaterThanOrEqual(1);
      const first = c.anchor.positions[0];
      expect(first.pageIndex + 1).toBe(c.page);
      expect(first.rects.length).toBeGreaterThan(0);
      for (const r of first.rects) expect(r[2] > r[0] && r[3] > r[1]).toBe(true);
    }
  });

  it('the text under each key term’s rectangles is the term’s source text', () => {
    expect(report.keyTerms.length).toBeGreaterThanOrEqual(8);
    for (const t of report.keyTerms) {
      const positions = t.anchor.positions;
      expect(positions.length, t.key).toBeGreaterThan(0);
      const under = positions
        .map((p) => {
          const hits = items[p.pageIndex].filter((i) => p.rects.some((r) => overlaps(r, i)));
          return hits.map((i) => i.str).join('');
        })
        .join('');
      const quote = squash(t.anchor.quote);
      expect(quote.length, t.key).toBeGreaterThan(0);
      // Quoted text may span items; every line's part of it must be under that line's rectangles.
      for (const part of t.anchor.quote.split('\n').map(squash).filter(Boolean)) {
        expect(squash(under), `${t.key}: ${part}`).toContain(part);
      }
      expect(t.page).toBe(positions[0].pageIndex + 1);
    }
  });

  it('every finding quotes its triggering text, and that text is on the page its rectangles are on', () => {
    expect(report.findings.length).toBeGreaterThan(0);
    for (const f of report.findings) {
      expect(f.quote.length, f.ruleId).toBeGreaterThan(0);
      expect(f.anchors.length, f.ruleId).toBeGreaterThan(0);
      expect(f.anchors.map((a) => a.quote).join(' … ')).toBe(f.quote);
      for (const a of f.anchors) {
        expect(a.positions.length, `${f.ruleId}: ${a.quote}`).toBeGreaterThan(0);
        for (const p of a.positions) {
          const under = squash(
            items[p.pageIndex]
              .filter((i) => p.rects.some((r) => overlaps(r, i)))
              .map((i) => i.str)
              .join(''),
          );
          // The first line of the quote on each page must be there, under the rectangles.
          const first = squash(a.quote.split('\n')[0]).slice(0, 12);
          if (p === a.positions[0])
            expect(under, `${f.ruleId} p.${p.pageIndex + 1}`).toContain(first);
        }
      }
      expect(f.page).toBe(f.anchors.find((a) => a.positions.length)!.positions[0].pageIndex + 1);
    }
  });
});
