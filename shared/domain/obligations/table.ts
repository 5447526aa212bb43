/** Obligations from a service table (服务清单): one duty per row with its frequency. */
import type { Clause } from '../clauses/parse';
import { clauseAt } from '../clauses/parse';
import type { Roles } from '../resolve/parties';
import type { Span } from '../terms/contract';
import { tableLines } from '../text/tables';
import { subjectIn } from '../resolve/parties';
import { FREQUENCIES, type Obligation } from './types';

/**
 * Obligations from a service table (服务清单): a header row naming the content (`服务内容`,
 * `工作内容`, `服务项目`), the frequency (`服务频次`, `频率`, `周期`) and optionally the
 * deliverable (`交付成果`, `交付物`, `输出`) columns, then one duty per row (`机房巡检  每日
 * 《日常巡检记录》`). The duty falls on the supplier unless the row names the purchaser.
 * @returns the obligations and the spans of the rows read, which the sentence pass then skips
 */
export function tableObligations(
  text: string,
  clauses: Clause[],
  roles: Roles,
): { found: Omit<Obligation, 'id'>[]; rows: Span[] } {
  const found: Omit<Obligation, 'id'>[] = [];
  const rows: Span[] = [];
  let cols: { content: number; freq: number; deliverable: number } | null = null;
  for (const { start, text: line, cells, cellStarts } of tableLines(text)) {
    if (!cells) {
      cols = null;
      continue;
    }
    const find = (re: RegExp) => cells.findIndex((c) => re.test(c) && c.length <= 10);
    const header = {
      content: find(/服务内容|工作内容|服务项目|运维内容|工作事项|内容|事项/),
      freq: find(/频次|频率|周期|服务时间|时间要求/),
      deliverable: find(/交付成果|交付物|成果|输出|提交材料|交付文档/),
    };
    if (header.content >= 0 && header.freq >= 0) {
      cols = header;
      continue;
    }
    if (!cols) continue;
    const content = cells[cols.content] ?? '';
    const freqCell = cells[cols.freq] ?? '';
    const frequency = FREQUENCIES.find(([, re]) => re.test(freqCell))?.[0] ?? null;
    if (!frequency || !content) continue;
    const deliverableCell = cols.deliverable >= 0 ? (cells[cols.deliverable] ?? '') : '';
    const own = subjectIn(content);
    const at = cellStarts[cols.content];
    rows.push({ start, end: start + line.length });
    found.push({
      clauseId: clauseAt(clauses, start)?.id ?? null,
      party: (own && roles(own)[0]) || 'partyB',
      action: `${content}（${freqCell}）`,
      context: cells.filter(Boolean).join(' ').slice(0, 120),
      frequency,
      deadline: null,
      deliverable: /《[^》]{2,30}》/.exec(deliverableCell)?.[0] ?? (deliverableCell || null),
      span: { start: at, end: at + content.length },
    });
  }
  return { found, rows };
}
