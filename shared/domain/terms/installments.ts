/** Payment installments (分期付款, REPORT.md `contract.paymentInstallments`) from sentences and payment tables. */
import Decimal from 'decimal.js';
import type { Clause } from '../clauses/parse';
import type { SentenceModel } from '../sentences/model';
import { clauseAt } from '../clauses/parse';
import { isHeadingLine } from '../text/sentences';
import { squeeze } from '../text/squeeze';
import { PARTY_A_SOURCE, PARTY_B_SOURCE } from '../lexicon/parties';
import { ratePercent } from '../recognize/rates';
import { tableLines } from '../text/tables';
import {
  PERCENT_OF_TOTAL_RE,
  findMoney,
  findWrittenAmounts,
  percentString,
  yuanString,
} from '../recognize/money';
import { type Installment, type KeyTerm } from './contract';
import { sentences } from './text-lines';
import { COUNT_CHARS } from '../lexicon/numerals';

const PAY_VERB = /支付|付款|预付|拨付|尾款|首付/;

/** A leading item number (`2.2`, `（三）`, `1、`). */
const LEADING_NUMBER = new RegExp(
  String.raw`^[\s(（]*(?:\d+(?:[.．]\d+)+|[\d${COUNT_CHARS}]+[)）、.．])\s*`,
);

/**
 * The trigger of an installment: what the sentence says before the payment verb, without the
 * clause label, the payer (`甲方向乙方`) or a leading statement of the total
 * (`维护服务费为…（¥1168000元），该费用在2025年7月底前支付…` → `2025年7月底前`).
 */
export function installmentCondition(sentence: string): string {
  // Drop heading lines the sentence starts with (`资金支付条件及时间：`, `2.2付款方式`), join the rest.
  const lines = sentence.split('\n').map((l) => l.trim());
  while (lines.length > 1 && isHeadingLine(lines[0])) lines.shift();
  let body = lines.join('');
  body = body.replace(LEADING_NUMBER, '').replace(/^第.期(?:[（(][^）)]{0,16}[)）])?[：:]\s*/, '');
  const verb = /(?<!《[^》]{0,6})(?:支付|预付|拨付)/.exec(body);
  let head = verb ? body.slice(0, verb.index) : body;
  head = head.replace(
    new RegExp(
      `[，,]?\\s*(?:${PARTY_A_SOURCE})?\\s*(?:应|须|将)?\\s*(?:在|于)?\\s*(?:向(?:${PARTY_B_SOURCE}))?\\s*$`,
    ),
    '',
  );
  const phrases = head.split(/[，,]/);
  while (phrases.length > 1 && findMoney(phrases[0]).length) phrases.shift();
  phrases[0] = phrases[0].replace(
    /^\s*(?:该费用|该款项|上述款项|上述费用)\s*(?:应|须|将)?\s*(?:在|于)?/,
    '',
  );
  const condition = phrases
    .join('，')
    .replace(/[，,。；;\s]+$/, '')
    .trim();
  return condition.length > 80 ? `${condition.slice(0, 80)}…` : condition;
}

export function extractInstallments(
  model: SentenceModel,
  total: Decimal | null,
  terms: KeyTerm[],
): Installment[] {
  const { text, clauses } = model;
  const payClauses = clauses.filter((c) => c.category === 'payment' || c.category === 'price');
  const out: Installment[] = [];
  const seen = new Set<number>();
  for (const c of payClauses) {
    // The whole subtree: an installment may sit in a sub-clause worded around another topic
    // (`验收合格后30日内，采购人支付…`).
    for (const s of sentences(model, c.start, c.end)) {
      if (seen.has(s.end)) continue;
      seen.add(s.end);
      const seg = text.slice(s.start, s.end);
      // Words are matched on the sentence without its layout breaks (`支付合同\n总价款的70%`).
      const sq = squeeze(seg);
      if (!PAY_VERB.test(sq.text) || /违约金|赔偿|履约保证金|滞纳|罚/.test(sq.text)) continue;
      // A payment scaled by the evaluation (`考核结果为优秀的按合同金额100%支付`) is a score band.
      if (/考核结果|考核得分|得分|评分结果|等级为|考核为/.test(sq.text)) continue;
      const percents: { value: Decimal; index: number }[] = [];
      for (const m of sq.text.matchAll(new RegExp(PERCENT_OF_TOTAL_RE.source, 'g'))) {
        const value = ratePercent(m[1] ?? m[2]);
        if (value) percents.push({ value, index: sq.map[m.index ?? 0] });
      }
      const written = findWrittenAmounts(seg, s.start);
      const amounts = findMoney(seg, s.start).filter(
        (m) =>
          !(total && m.yuan.equals(total)) &&
          !written.some((w) => w.start <= m.start && m.end <= w.end),
      );
      if (!percents.length && !amounts.length) continue;
      if (percents.length && percents.every((p) => p.value.equals(100))) continue;
      const amount = amounts[0] ?? null;
      const pct = amount
        ? ([...percents].reverse().find((p) => s.start + p.index < amount.start) ?? percents[0])
        : percents[percents.length - 1];
      const yuan = amount?.yuan ?? (pct && total ? total.times(pct.value).div(100) : null);
      const condition = installmentCondition(seg);
      const sequence = out.length + 1;
      out.push({
        sequence,
        percent: pct ? percentString(pct.value) : null,
        yuan: yuan ? yuanString(yuan) : null,
        condition,
        clauseId: clauseAt(clauses, amount?.start ?? s.end - 1)?.id ?? c.id,
        yuanStated: !!amount,
      });
      const valueSpan = amount
        ? { start: amount.start, end: amount.end }
        : { start: s.start, end: s.end };
      terms.push({
        key: `installment.${sequence}`,
        label: `第${sequence}期付款`,
        value: [pct ? `${percentString(pct.value)}%` : null, yuan ? yuanString(yuan) : null]
          .filter(Boolean)
          .join(' · '),
        span: valueSpan,
        clauseId: clauseAt(clauses, valueSpan.start)?.id ?? c.id,
      });
    }
  }
  if (!out.length) out.push(...installmentsFromTable(text, payClauses, clauses, total, terms));
  return out;
}

/**
 * Installments from a payment schedule laid out as a table (付款计划表): a header row naming the
 * percent (`付款比例`), amount (`付款金额（元）`) and condition (`付款条件` / `付款时间`) columns,
 * then one row per installment; a total row (`合计`) is skipped. Used when no sentence of the
 * payment clauses states an installment.
 */
function installmentsFromTable(
  text: string,
  payClauses: Clause[],
  clauses: Clause[],
  total: Decimal | null,
  terms: KeyTerm[],
): Installment[] {
  const out: Installment[] = [];
  const seenRows = new Set<number>();
  for (const c of payClauses) {
    // `unit`: yuan per figure in a bare amount cell, from the header (`金额（元）` 1, `（万元）` 10,000).
    let cols: { pct: number; amt: number; cond: number; unit: number | null } | null = null;
    for (const { start: lineStart, text: line, cells, cellStarts } of tableLines(
      text,
      c.start,
      c.end,
    )) {
      if (!cells) {
        cols = null; // the table ended
        continue;
      }
      const find = (re: RegExp) => cells.findIndex((x) => re.test(x) && !/\d/.test(x));
      const header = {
        pct: find(/比例|百分比/),
        amt: find(/金额|款额|费用/),
        cond: find(/条件|时间|节点|方式|说明|依据/),
      };
      if ((header.pct >= 0 || header.amt >= 0) && header.cond >= 0) {
        const amtHeader = header.amt >= 0 ? cells[header.amt] : '';
        cols = {
          ...header,
          unit: /万元/.test(amtHeader) ? 10000 : /元/.test(amtHeader) ? 1 : null,
        };
        continue;
      }
      if (!cols || seenRows.has(lineStart) || cells.some((x) => /^(?:合计|总计|小计)/.test(x)))
        continue;
      seenRows.add(lineStart);
      const pctCell = cols.pct >= 0 ? (cells[cols.pct] ?? '') : '';
      const amtCell = cols.amt >= 0 ? (cells[cols.amt] ?? '') : '';
      const money =
        findMoney(amtCell)[0]?.yuan ??
        (cols.unit && /^[\d,]+(?:\.\d{1,6})?$/.test(amtCell)
          ? new Decimal(amtCell.replace(/,/g, '')).times(cols.unit)
          : null);
      const condition = cells[cols.cond] ?? '';
      const percent = ratePercent(pctCell);
      if (!percent && !money) continue;
      const yuan = money ?? (percent && total ? total.times(percent).div(100) : null);
      const sequence = out.length + 1;
      const span =
        money && cols.amt >= 0
          ? { start: cellStarts[cols.amt], end: cellStarts[cols.amt] + amtCell.length }
          : { start: lineStart, end: lineStart + line.length };
      out.push({
        sequence,
        percent: percent ? percentString(percent) : null,
        yuan: yuan ? yuanString(yuan) : null,
        condition,
        clauseId: clauseAt(clauses, lineStart)?.id ?? c.id,
        yuanStated: !!money,
      });
      terms.push({
        key: `installment.${sequence}`,
        label: `第${sequence}期付款`,
        value: [percent ? `${percentString(percent)}%` : null, yuan ? yuanString(yuan) : null]
          .filter(Boolean)
          .join(' · '),
        span,
        clauseId: clauseAt(clauses, span.start)?.id ?? c.id,
      });
    }
  }
  return out;
}

/**
 * Extracts the REPORT.md `contract` block from a document's text and clause tree.
 * Values the contract does not state are null or empty, never guessed; derived values (an
 * installment's yuan from its percent, the end of a period from its start and length) are
 * computed with Decimal and date arithmetic.
 */
