/**
 * The comparison matrix: normalised terms as rows, contracts as columns — total amount,
 * installments, performance bond, each penalty (payer × breach: rate, base, termination
 * threshold), each service level, confidentiality duration, dispute forum, acceptance period.
 * Rows whose values can be ranked mark the strictest and the most lenient contract.
 */
import Decimal from 'decimal.js';
import type { ReviewReport } from '../report';
import { COUNT_SOURCE } from '../lexicon/numerals';
import { durationUnitSource, readDuration } from '../recognize/durations';
import {
  BASE_LABELS,
  KIND_LABELS,
  METRIC_LABELS,
  TRIGGER_LABELS,
  formatMinutes,
  penaltyRateLabel,
} from '../labels';
import { csvDocument } from '../csv';

/** The days an acceptance is due in (`10个工作日内组织验收`; a month counts 30 days). */
const ACCEPTANCE_PERIOD = new RegExp(
  `[^，。；]{0,16}?(${COUNT_SOURCE})\\s*(?:个)?(${durationUnitSource(['workday', 'day', 'month'])})内[^，。；]{0,12}?(?:组织|进行|完成)?验收`,
);
/** One contract of a comparison. */
export interface CompareInput {
  id: string;
  title: string;
  report: ReviewReport;
}

/** One cell: the display value, a rankable number when there is one, and where it is. */
export interface MatrixCell {
  display: string;
  /** Decimal string used for ranking (percent, days, minutes, yuan), or null. */
  value: string | null;
  clauseId: string | null;
  page: number | null;
}

/** Which way is stricter: a higher penalty rate, or a shorter response time. */
export type Direction = 'higher_is_stricter' | 'lower_is_stricter' | null;

/** One row of the matrix. */
export interface MatrixRow {
  key: string;
  label: string;
  direction: Direction;
  /** contract id → cell (absent when the contract does not state it). */
  cells: Record<string, MatrixCell>;
  strictest: string[];
  mostLenient: string[];
}

/** The matrix. Money in yuan (two places), percentages as percent. */
export interface ComparisonMatrix {
  contracts: { id: string; title: string }[];
  rows: MatrixRow[];
}

function rank(row: MatrixRow): MatrixRow {
  if (!row.direction) return row;
  const vals = Object.entries(row.cells).filter(([, c]) => c.value !== null) as [
    string,
    MatrixCell & { value: string },
  ][];
  if (vals.length < 2) return row;
  const nums = vals.map(([id, c]) => [id, new Decimal(c.value)] as const);
  const max = Decimal.max(...nums.map(([, v]) => v));
  const min = Decimal.min(...nums.map(([, v]) => v));
  if (max.equals(min)) return row;
  const at = (v: Decimal) => nums.filter(([, x]) => x.equals(v)).map(([id]) => id);
  return row.direction === 'higher_is_stricter'
    ? { ...row, strictest: at(max), mostLenient: at(min) }
    : { ...row, strictest: at(min), mostLenient: at(max) };
}

function clausePage(report: ReviewReport, clauseId: string | null): number | null {
  return report.clauses.find((c) => c.id === clauseId)?.page ?? null;
}

function firstMatch(
  report: ReviewReport,
  categories: string[],
  re: RegExp,
): { text: string; clauseId: string } | null {
  for (const c of report.clauses) {
    if (!categories.includes(c.category)) continue;
    const m = re.exec(c.text);
    if (m) return { text: m[0], clauseId: c.id };
  }
  return null;
}

/** Builds the matrix of several contracts' reports. */
export function compareContracts(inputs: CompareInput[]): ComparisonMatrix {
  const rows = new Map<string, MatrixRow>();
  const row = (key: string, label: string, direction: Direction) => {
    if (!rows.has(key))
      rows.set(key, { key, label, direction, cells: {}, strictest: [], mostLenient: [] });
    return rows.get(key)!;
  };
  row('totalAmount', '合同总金额（元）', null);
  row('installments', '分期付款', null);
  row('performanceBond', '履约保证金（%）', 'higher_is_stricter');
  for (const { id, report } of inputs) {
    const c = report.contract;
    const kt = (key: string) => report.keyTerms.find((k) => k.key === key);
    if (c.totalAmount) {
      const t = kt('totalAmount');
      row('totalAmount', '', null).cells[id] = {
        display: c.totalAmount.yuan,
        value: c.totalAmount.yuan,
        clauseId: t?.clauseId ?? null,
        page: t?.page ?? null,
      };
    }
    if (c.paymentInstallments.length) {
      const first = c.paymentInstallments[0];
      row('installments', '', null).cells[id] = {
        display: c.paymentInstallments
          .map((i) => (i.percent ? `${i.percent}%` : `¥${i.yuan}`))
          .join(' / '),
        value: String(c.paymentInstallments.length),
        clauseId: first.clauseId,
        page: clausePage(report, first.clauseId),
      };
    }
    if (c.performanceBond?.percent) {
      const t = kt('performanceBond');
      row('performanceBond', '', null).cells[id] = {
        display: `${c.performanceBond.percent}%`,
        value: c.performanceBond.percent,
        clauseId: t?.clauseId ?? null,
        page: t?.page ?? null,
      };
    }
    for (const p of report.penaltyRules) {
      const party = p.payer === 'partyA' ? '甲方' : '乙方';
      // Percentages and fixed sums are compared in rows of their own (one unit per row).
      // A duty to compensate the actual loss has no amount to rank.
      const lossOnly = p.kind === 'actual_loss';
      const unit = p.yuan !== null ? '元' : '%';
      const key = `penalty.${p.payer}.${p.trigger}.${p.kind ?? 'unknown'}${p.yuan !== null ? '.yuan' : ''}`;
      const label = lossOnly
        ? `赔偿责任：${party}${TRIGGER_LABELS[p.trigger]}（${KIND_LABELS.actual_loss}）`
        : `违约金：${party}${TRIGGER_LABELS[p.trigger]}（${p.kind ? KIND_LABELS[p.kind] : '方式不明'}，${unit}）`;
      const r = row(key, label, lossOnly ? null : 'higher_is_stricter');
      if (r.cells[id]) continue; // the first rule of that kind stands for the contract
      r.cells[id] = {
        display: `${penaltyRateLabel(p)}${p.yuan === null && !lossOnly ? ` · ${BASE_LABELS[p.base]}` : ''}${p.terminationAfterDays ? ` · 超${p.terminationAfterDays}日可解除` : ''}`,
        value: p.percent ?? p.yuan,
        clauseId: p.clauseId,
        page: p.page,
      };
      if (p.terminationAfterDays) {
        row(
          `${key}.termination`,
          `${label.replace('（', '：解除门槛（').replace(`，${unit}）`, '，日）')}`,
          'lower_is_stricter',
        ).cells[id] = {
          display: `${p.terminationAfterDays} 日`,
          value: String(p.terminationAfterDays),
          clauseId: p.clauseId,
          page: p.page,
        };
      }
    }
    for (const s of report.serviceLevels) {
      const key = `sla.${s.metric}`;
      const value =
        s.metric === 'availability'
          ? (s.percent ?? null)
          : s.minutes !== null
            ? String(s.minutes)
            : s.seconds !== undefined
              ? new Decimal(s.seconds).div(60).toString()
              : null;
      const r = row(
        key,
        `服务时效：${METRIC_LABELS[s.metric]}${s.metric === 'availability' ? '（%）' : '（分钟）'}`,
        s.metric === 'availability' ? 'higher_is_stricter' : 'lower_is_stricter',
      );
      const prev = r.cells[id];
      // The strictest commitment of a contract stands for it.
      const better =
        !prev ||
        (value !== null &&
          prev.value !== null &&
          (s.metric === 'availability'
            ? new Decimal(value).gt(prev.value)
            : new Decimal(value).lt(prev.value)));
      if (better)
        r.cells[id] = {
          display:
            s.metric === 'availability'
              ? `≥${s.percent}%`
              : s.minutes !== null
                ? formatMinutes(s.minutes)
                : `${s.seconds}秒`,
          value,
          clauseId: s.clauseId,
          page: s.page,
        };
    }
    if (report.confidentiality.duration) {
      const years = /(\d+)\s*年/.exec(report.confidentiality.duration);
      row('confidentiality.duration', '保密期限', 'higher_is_stricter').cells[id] = {
        display: report.confidentiality.duration,
        value: /长期|永久|公开时止/.test(report.confidentiality.duration)
          ? '100'
          : years
            ? years[1]
            : null,
        clauseId: report.confidentiality.clauseIds[0] ?? null,
        page: clausePage(report, report.confidentiality.clauseIds[0] ?? null),
      };
    }
    const forum = firstMatch(
      report,
      ['dispute_resolution'],
      /(?:提交|向)?[^，。；]{0,20}(?:仲裁委员会|人民法院)[^，。；]{0,10}/,
    );
    if (forum)
      row('dispute.forum', '争议解决', null).cells[id] = {
        display: forum.text.trim(),
        value: null,
        clauseId: forum.clauseId,
        page: clausePage(report, forum.clauseId),
      };
    const acc = firstMatch(report, ['acceptance'], ACCEPTANCE_PERIOD);
    if (acc) {
      const m = ACCEPTANCE_PERIOD.exec(acc.text);
      const period = m && readDuration(m[1], m[2]);
      row('acceptance.period', '验收期限（日）', 'lower_is_stricter').cells[id] = {
        display: acc.text.trim(),
        value: period ? String(period.value * (period.unit === 'month' ? 30 : 1)) : null,
        clauseId: acc.clauseId,
        page: clausePage(report, acc.clauseId),
      };
    }
  }
  return {
    contracts: inputs.map(({ id, title }) => ({ id, title })),
    rows: [...rows.values()].filter((r) => Object.keys(r.cells).length > 0).map(rank),
  };
}

/** The matrix as CSV (UTF-8 with BOM): one row per term, one column per contract. */
export function matrixCsv(m: ComparisonMatrix): string {
  const lines = [['条款', ...m.contracts.map((c) => c.title)]];
  for (const r of m.rows)
    lines.push([
      r.label,
      ...m.contracts.map((c) => {
        const x = r.cells[c.id];
        if (!x) return '';
        const mark = r.strictest.includes(c.id)
          ? '（最严）'
          : r.mostLenient.includes(c.id)
            ? '（最宽）'
            : '';
        return `${x.display}${mark}`;
      }),
    ]);
  return csvDocument(lines);
}
