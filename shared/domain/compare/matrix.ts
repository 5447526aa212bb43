/**
 * The comparison matrix: normalised terms as rows, contracts as columns — total amount,
 * installments, performance bond, each penalty (payer × breach: rate, base, termination
 * threshold), each service level, confidentiality duration, dispute forum, acceptance period.
 *
 * Rows whose values can be ranked say whom a term favours: each has the party it binds (the
 * payer of a penalty, 乙方 for a bond or a response time, 甲方 for an acceptance period) and the
 * direction that is stricter on it; the strictest value favours the other party most, the most
 * lenient favours the bound party most. A high 甲方 termination penalty thus favours 乙方.
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
  groupYuan,
  penaltyRateLabel,
} from '../labels';
import {
  other,
  type CellValue,
  type ComparisonMatrix,
  type CompareInput,
  type Direction,
  type MatrixCell,
  type MatrixRow,
  type MatrixTerm,
  type Party,
} from './matrix-types';

/** The days an acceptance is due in (`10个工作日内组织验收`; a month counts 30 days). */
const ACCEPTANCE_PERIOD = new RegExp(
  `[^，。；]{0,16}?(${COUNT_SOURCE})\\s*(?:个)?(${durationUnitSource(['workday', 'day', 'month'])})内[^，。；]{0,12}?(?:组织|进行|完成)?验收`,
);
export type {
  CellValue,
  ComparisonMatrix,
  CompareInput,
  Direction,
  MatrixCell,
  MatrixContract,
  MatrixRow,
  MatrixTerm,
  Party,
} from './matrix-types';
export { other } from './matrix-types';

/** Marks the contracts whose value favours each party most (see module doc). */
function rank(row: MatrixRow): MatrixRow {
  if (!row.direction || !row.binds) return row;
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
  const strictest = row.direction === 'higher_is_stricter' ? at(max) : at(min);
  const lenient = row.direction === 'higher_is_stricter' ? at(min) : at(max);
  const bestFor = { partyA: [], partyB: [] } as Record<Party, string[]>;
  bestFor[other(row.binds)] = strictest;
  bestFor[row.binds] = lenient;
  return { ...row, bestFor };
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
  const row = (
    key: string,
    label: string,
    term: MatrixTerm,
    direction: Direction = null,
    binds: Party | null = null,
  ) => {
    if (!rows.has(key))
      rows.set(key, {
        key,
        label,
        term,
        direction,
        binds: direction ? binds : null,
        cells: {},
        bestFor: { partyA: [], partyB: [] },
      });
    return rows.get(key)!;
  };
  const get = (key: string) => rows.get(key)!;
  row('totalAmount', '合同总金额（元）', { kind: 'totalAmount' });
  row('installments', '分期付款', { kind: 'installments' });
  // The contractor (乙方) lodges the bond: a higher one is harder on it.
  row(
    'performanceBond',
    '履约保证金（%）',
    { kind: 'performanceBond' },
    'higher_is_stricter',
    'partyB',
  );
  for (const { id, report } of inputs) {
    const c = report.contract;
    const kt = (key: string) => report.keyTerms.find((k) => k.key === key);
    if (c.totalAmount) {
      const t = kt('totalAmount');
      get('totalAmount').cells[id] = {
        display: groupYuan(c.totalAmount.yuan),
        cell: { kind: 'yuan', yuan: c.totalAmount.yuan },
        value: c.totalAmount.yuan,
        clauseId: t?.clauseId ?? null,
        page: t?.page ?? null,
      };
    }
    if (c.paymentInstallments.length) {
      const first = c.paymentInstallments[0];
      get('installments').cells[id] = {
        display: c.paymentInstallments
          .map((i) => (i.percent ? `${i.percent}%` : `¥${groupYuan(i.yuan ?? '0')}`))
          .join(' / '),
        cell: {
          kind: 'installments',
          parts: c.paymentInstallments.map((i) => ({ percent: i.percent, yuan: i.yuan })),
        },
        value: String(c.paymentInstallments.length),
        clauseId: first.clauseId,
        page: clausePage(report, first.clauseId),
      };
    }
    if (c.performanceBond?.percent) {
      const t = kt('performanceBond');
      get('performanceBond').cells[id] = {
        display: `${c.performanceBond.percent}%`,
        cell: { kind: 'percent', percent: c.performanceBond.percent },
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
      const term: MatrixTerm = lossOnly
        ? { kind: 'compensation', payer: p.payer, trigger: p.trigger }
        : {
            kind: 'penalty',
            payer: p.payer,
            trigger: p.trigger,
            penaltyKind: p.kind,
            unit: p.yuan !== null ? 'yuan' : 'percent',
          };
      // A higher penalty is harder on whoever pays it.
      const r = row(key, label, term, lossOnly ? null : 'higher_is_stricter', p.payer);
      if (r.cells[id]) continue; // the first rule of that kind stands for the contract
      const withBase = p.yuan === null && !lossOnly;
      r.cells[id] = {
        display: `${penaltyRateLabel(p)}${withBase ? ` · ${BASE_LABELS[p.base]}` : ''}${p.terminationAfterDays ? ` · 超${p.terminationAfterDays}日可解除` : ''}`,
        cell: {
          kind: 'penalty',
          rule: {
            percent: p.percent,
            yuan: p.yuan,
            kind: p.kind,
            feeMonths: p.feeMonths,
            rateBenchmark: p.rateBenchmark,
            forfeitsBond: p.forfeitsBond,
            base: p.base,
            terminationAfterDays: p.terminationAfterDays,
          },
          withBase,
        },
        value: p.percent ?? p.yuan,
        clauseId: p.clauseId,
        page: p.page,
      };
      if (p.terminationAfterDays && !lossOnly) {
        // Fewer days before the other side may terminate are harder on the payer.
        row(
          `${key}.termination`,
          `${label.replace('（', '：解除门槛（').replace(`，${unit}）`, '，日）')}`,
          {
            kind: 'penaltyTermination',
            payer: p.payer,
            trigger: p.trigger,
            penaltyKind: p.kind,
            unit: p.yuan !== null ? 'yuan' : 'percent',
          },
          'lower_is_stricter',
          p.payer,
        ).cells[id] = {
          display: `${p.terminationAfterDays} 日`,
          cell: { kind: 'days', days: p.terminationAfterDays },
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
      // The contractor (乙方) gives the service: a shorter limit or a higher availability is
      // harder on it.
      const r = row(
        key,
        `服务时效：${METRIC_LABELS[s.metric]}${s.metric === 'availability' ? '（%）' : '（分钟）'}`,
        { kind: 'sla', metric: s.metric },
        s.metric === 'availability' ? 'higher_is_stricter' : 'lower_is_stricter',
        'partyB',
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
          cell:
            s.metric === 'availability'
              ? { kind: 'availability', percent: s.percent ?? '' }
              : s.minutes !== null
                ? { kind: 'minutes', minutes: s.minutes }
                : { kind: 'seconds', seconds: s.seconds ?? 0 },
          value,
          clauseId: s.clauseId,
          page: s.page,
        };
    }
    if (report.confidentiality.duration) {
      const years = /(\d+)\s*年/.exec(report.confidentiality.duration);
      // The contractor keeps the purchaser's secrets: a longer duty is harder on 乙方.
      row(
        'confidentiality.duration',
        '保密期限',
        { kind: 'confidentiality' },
        'higher_is_stricter',
        'partyB',
      ).cells[id] = {
        display: report.confidentiality.duration,
        cell: { kind: 'quote', text: report.confidentiality.duration },
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
      row('dispute.forum', '争议解决', { kind: 'forum' }).cells[id] = {
        display: forum.text.trim(),
        cell: { kind: 'quote', text: forum.text.trim() },
        value: null,
        clauseId: forum.clauseId,
        page: clausePage(report, forum.clauseId),
      };
    const acc = firstMatch(report, ['acceptance'], ACCEPTANCE_PERIOD);
    if (acc) {
      const m = ACCEPTANCE_PERIOD.exec(acc.text);
      const period = m && readDuration(m[1], m[2]);
      // The purchaser (甲方) organises the acceptance: a shorter period is harder on it.
      row(
        'acceptance.period',
        '验收期限（日）',
        { kind: 'acceptance' },
        'lower_is_stricter',
        'partyA',
      ).cells[id] = {
        display: acc.text.trim(),
        cell: { kind: 'quote', text: acc.text.trim() },
        value: period ? String(period.value * (period.unit === 'month' ? 30 : 1)) : null,
        clauseId: acc.clauseId,
        page: clausePage(report, acc.clauseId),
      };
    }
  }
  return {
    contracts: inputs.map(({ id, title, report }) => ({
      id,
      title,
      supplier: report.contract.parties.find((p) => p.role === 'partyB')?.name ?? null,
      signedOn: report.contract.signedOn,
    })),
    rows: [...rows.values()].filter((r) => Object.keys(r.cells).length > 0).map(rank),
  };
}
