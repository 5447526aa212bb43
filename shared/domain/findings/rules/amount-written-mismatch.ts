/**
 * `amount.written-mismatch`: an amount in Chinese capitals (大写) that does not equal the
 * figures beside it (same line, the nearest amount within 40 characters). 大写 read with nzh.
 */
import { findMoney, findWrittenAmounts, yuanString } from '../../recognize/money';
import type { Finding, FindingRule } from '../types';
import { clauseIdsOf, lineAround, quoteOf } from '../util';
import { groupYuan } from '../../labels';
import { lowestConfidence } from './ocr-low-confidence';

const WINDOW = 40;

export const amountWrittenMismatch: FindingRule = {
  id: 'amount.written-mismatch',
  description: '大写金额与小写金额不一致 (capital amount ≠ figures), read with nzh',
  check(ctx) {
    const out: Finding[] = [];
    for (const w of findWrittenAmounts(ctx.text)) {
      const line = lineAround(ctx.text, w.start);
      const from = Math.max(line.start, w.start - WINDOW);
      const to = Math.min(line.end, w.end + WINDOW);
      const figures = findMoney(ctx.text.slice(from, to), from).filter(
        (m) => m.end <= w.start || m.start >= w.end,
      );
      if (!figures.length || figures.some((f) => f.yuan.equals(w.yuan))) continue;
      const nearest = figures.reduce((a, b) =>
        Math.min(Math.abs(a.start - w.start), Math.abs(a.end - w.end)) <=
        Math.min(Math.abs(b.start - w.start), Math.abs(b.end - w.end))
          ? a
          : b,
      );
      const spans = [
        { start: w.start, end: w.end },
        { start: nearest.start, end: nearest.end },
      ].sort((a, b) => a.start - b.start);
      // On a scan the two readings check OCR as much as the contract.
      const scanned = ctx.confidence && !Number.isNaN(lowestConfidence(ctx.confidence, w));
      out.push({
        ruleId: this.id,
        severity: 'high',
        message: `大写金额“${w.text}”（${groupYuan(yuanString(w.yuan))} 元）与小写金额 ${groupYuan(yuanString(nearest.yuan))} 元不一致${scanned ? '（扫描件：也可能是文字识别误读，请对照原件核对）' : ''}`,
        messageEn: `The amount in capitals "${w.text}" (${yuanString(w.yuan)} yuan) differs from the figures ${yuanString(nearest.yuan)} yuan${scanned ? ' (a scan: OCR may have misread either; check the image)' : ''}`,
        clauseIds: clauseIdsOf(ctx, spans),
        quote: quoteOf(ctx.text, spans),
        spans,
      });
    }
    return out;
  },
};
