/**
 * The annotated sentence model: built once per document, it gives every extractor the sentences
 * `sentenceSpans` would, with each one's clause and typed mentions. Checked on every seed and
 * corpus document, and on sentences of our own for the mentions.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/main/import/index';
import { clauseAt, parseClauses } from '../../shared/domain/clauses/parse';
import type { SourceDocument } from '../../shared/domain/document';
import { MENTION_KINDS, findMentions, mentionsOf } from '../../shared/domain/recognize/mentions';
import { documentRoles } from '../../shared/domain/resolve/parties';
import { annotateSentences, clausePieces, clauseSweep } from '../../shared/domain/sentences/model';
import { sentenceSpans } from '../../shared/domain/text/sentences';
import { CORPUS_DIR, SEEDS_DIR } from '../support/corpus';

const files = [CORPUS_DIR, SEEDS_DIR].flatMap((dir) =>
  fs
    .readdirSync(dir)
    .filter((f) => /\.(pdf|docx|txt)$/.test(f) && !/encrypted|scan/.test(f))
    .map((f) => path.join(dir, f)),
);

async function load(file: string): Promise<SourceDocument> {
  return importFile(file, new Uint8Array(fs.readFileSync(file)));
}

describe('annotateSentences on the real documents', () => {
  it('covers seeds and corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
  });

  it.each(files.map((f) => [path.basename(f), f]))('%s', async (_name, file) => {
    const doc = await load(file);
    const clauses = parseClauses(doc);
    const model = annotateSentences(doc.text, clauses);
    const { text } = doc;
    // The sentences are those of one split of the whole text, each with its own clause.
    expect(model.sentences.map(({ start, end }) => ({ start, end }))).toEqual(
      sentenceSpans(text, 0, text.length),
    );
    for (const s of model.sentences) {
      expect(s.text).toBe(text.slice(s.start, s.end));
      expect(s.clause?.id ?? null).toBe(clauseAt(clauses, s.start)?.id ?? null);
      expect(model.next(s)?.index ?? null).toBe(
        s.index + 1 < model.sentences.length ? s.index + 1 : null,
      );
    }
    // Any region read from the model is split as splitting the region itself would; with heading
    // lines kept, up to the line break a span ends with (splitting a region alone cannot see that
    // the line after it is a table row, which ends the sentence before its line break).
    const trimEnd = ({ start, end }: { start: number; end: number }) => {
      while (end > start && /\s/.test(text[end - 1])) end--;
      return { start, end };
    };
    for (const c of clauses.slice(0, 80)) {
      expect(model.spansWithin(c.start, c.ownEnd).map(trimEnd)).toEqual(
        sentenceSpans(text, c.start, c.ownEnd).map(trimEnd),
      );
      expect(model.spansWithin(c.start, c.ownEnd, { keepHeadings: true }).map(trimEnd)).toEqual(
        sentenceSpans(text, c.start, c.ownEnd, { keepHeadings: true }).map(trimEnd),
      );
    }
    // Pieces for readers that stay within a clause never cross a clause's start.
    const starts = clauses.map((c) => c.start);
    for (const { span, clause } of clausePieces(model)) {
      expect(starts.some((x) => x > span.start && x < span.end)).toBe(false);
      expect(clause?.id ?? null).toBe(clauseAt(clauses, span.start)?.id ?? null);
    }
    // Mentions stand inside their sentence's squeezed text; those of one kind read alone are
    // the same as among all.
    for (const s of model.sentences.slice(0, 200)) {
      for (const m of s.mentions) {
        expect(m.start).toBeGreaterThanOrEqual(0);
        expect(m.end).toBeLessThanOrEqual(s.squeezed.text.length);
      }
      for (const kind of MENTION_KINDS)
        expect(s.mentionsOf(kind)).toEqual(mentionsOf(s.mentions, kind));
    }
  });
});

describe('typed mentions', () => {
  const roles = documentRoles('甲方（采购人）与乙方（供应商）');
  const kinds = (text: string) =>
    findMentions(text, roles).map((m) => [m.kind, text.slice(m.start, m.end)]);

  it.each([
    [
      '乙方应于2026年5月20日前向甲方支付人民币伍拾万元整（¥500,000.00）',
      [
        ['party', '乙方'],
        ['date', '2026年5月20日'],
        ['party', '甲方'],
        ['money', '伍拾万元整'],
        ['money', '¥500,000.00'],
      ],
    ],
    [
      '每逾期一日按合同总价的千分之五计，累计不超过10%',
      [
        ['duration', '一日'],
        ['rate', '千分之五'],
        ['rate', '10%'],
      ],
    ],
    [
      '重大故障15分钟内响应，2个工作日内修复',
      [
        ['duration', '15分钟'],
        ['duration', '2个工作日'],
      ],
    ],
    [
      '乙方名称：{{供应商名称}}，金额【 】元，签字：______',
      [
        ['party', '乙方'],
        ['blank', '{{供应商名称}}'],
        ['blank', '【 】'],
        ['blank', '______'],
      ],
    ],
    [
      '服务期限为2年，自2026年1月1日起',
      [
        ['duration', '2年'],
        ['date', '2026年1月1日'],
      ],
    ],
  ])('%s', (text, expected) => {
    expect(kinds(text)).toEqual(expected);
  });

  it('reads values: yuan, percent, ISO date, duration, roles', () => {
    const found = findMentions(
      '乙方按每日万分之五向甲方支付，于2025年6月 日前，计12.5万元，3个月内',
      roles,
    );
    expect(mentionsOf(found, 'rate').map((m) => m.percent.toString())).toEqual(['0.05']);
    expect(mentionsOf(found, 'money').map((m) => m.yuan.toFixed(2))).toEqual(['125000.00']);
    expect(mentionsOf(found, 'date').map((m) => m.iso)).toEqual([null]);
    expect(mentionsOf(found, 'duration').map((m) => m.duration)).toEqual([
      { value: 3, unit: 'month' },
    ]);
    expect(mentionsOf(found, 'party').map((m) => m.roles)).toEqual([['partyB'], ['partyA']]);
  });

  it('reads a sentence squeezed of layout whitespace (`20 %`, a wrapped amount)', () => {
    const model = annotateSentences('乙方应支付合同总价的20 %作为违约金，即人民币5\n万元。', []);
    const [s] = model.sentences;
    expect(mentionsOf(s.mentions, 'rate').map((m) => m.percent.toString())).toEqual(['20']);
    expect(mentionsOf(s.mentions, 'money').map((m) => m.yuan.toFixed(2))).toEqual(['50000.00']);
    // Offsets into the squeezed text map back to the document.
    const rate = mentionsOf(s.mentions, 'rate')[0];
    expect(
      model.text.slice(s.start + s.squeezed.map[rate.start], s.start + s.squeezed.map[rate.end]),
    ).toBe('20 %');
  });
});

describe('clauseSweep', () => {
  it('finds the innermost clause and refuses to walk backwards', () => {
    const doc: SourceDocument = {
      format: 'txt',
      text: '第一条 总则\n1.1 乙方应按时提供服务。\n第二条 价款\n合同总价100万元。',
      pageCount: null,
      boxes: null,
    };
    const clauses = parseClauses(doc);
    const at = clauseSweep(clauses);
    const offsets = [0, doc.text.indexOf('乙方'), doc.text.indexOf('合同总价')];
    expect(offsets.map((o) => at(o)?.id ?? null)).toEqual(
      offsets.map((o) => clauseAt(clauses, o)?.id ?? null),
    );
    expect(() => at(0)).toThrow(/clauseSweep/);
  });
});
