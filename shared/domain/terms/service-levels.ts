/**
 * Service levels (响应时效, REPORT.md `serviceLevels[]`): response, resolution, on-site arrival,
 * alerting, RTO, RPO (all in minutes) and availability (percent), from phrases such as
 * `普通咨询5分钟内响应`, `重大问题2小时内现场支持`, `8小时内到达现场`, `RTO≤4小时`,
 * `系统正常运行率 ≥99.5%`. Only time limits count (`…内`, `不超过…`, `…响应`); thresholds such as
 * `瘫痪超24小时` are conditions, not service levels.
 */
import type { Clause } from '../clauses/parse';
import { clauseSweep, type SentenceModel } from '../sentences/model';
import {
  DURATION_COUNT_SOURCE,
  durationMinutes,
  durationUnitSource,
  readDuration,
} from '../recognize/durations';
import { DIGIT_CHARS } from '../lexicon/numerals';
import type { Span } from './contract';
import { tableLines } from '../text/tables';

/** REPORT.md `serviceLevels[].metric`. */
export type ServiceMetric =
  'response' | 'resolution' | 'onsite' | 'alert' | 'rto' | 'rpo' | 'availability';

/** One service level. `minutes` is whole minutes (null for availability and sub-minute limits). */
export interface ServiceLevel {
  clauseId: string | null;
  metric: ServiceMetric;
  minutes: number | null;
  /** Sub-minute limits keep their seconds here (`15秒内告警` → 15). */
  seconds?: number;
  /** Availability in percent, as a decimal string. */
  percent?: string;
  text: string;
  span: Span;
  /** The severity or class the limit applies to, from a service-level table's row (`一级（重大故障）`). */
  level?: string;
}

const minutesOf = (count: string, unitWord: string): number | null => {
  const d = readDuration(count, unitWord);
  return d && durationMinutes(d);
};

const METRICS: [ServiceMetric, RegExp][] = [
  ['onsite', /到达现场|到场|现场支持|现场服务|赶到|抵达|上门|送到|送达/],
  ['alert', /告警|报警|预警/],
  ['response', /响应|回复|答复|反馈|做出反应|作出反应/],
  ['resolution', /处理|解决|修复|处置|排除|恢复|更换|补货|退换|退还补/],
];

/** The metric whose word comes first in `text`. */
function nearestMetric(text: string): ServiceMetric | undefined {
  let best: { metric: ServiceMetric; at: number } | undefined;
  for (const [metric, re] of METRICS) {
    const at = text.search(re);
    if (at >= 0 && (!best || at < best.at)) best = { metric, at };
  }
  return best?.metric;
}

/** A limit in a phrase: `15分钟内`, `不超过2小时`, `半小时`, `4 hrs` (days are deadlines, not limits, here). */
const DURATION = new RegExp(
  `(不超过|不得超过|不大于|小于|最长|≤|<=|＜|<)?\\s*(${DURATION_COUNT_SOURCE})\\s*(${durationUnitSource(['second', 'minute', 'hour', 'workday'], { english: true })})(内|以内|之内)?`,
  'gi',
);

/** `RTO≤4小时`; a converter that drops the ≤ leaves `RTO4小时`, still a limit of 4 hours. */
const RTO = new RegExp(
  `\\b(RTO|RPO)\\s*(?:≤|<=|<|不超过|不大于|小于|为|：|:)?\\s*(\\d+(?:\\.\\d+)?)\\s*(${durationUnitSource(['second', 'minute', 'hour'])})`,
  'gi',
);

/** A severity or request class: `重大故障`, `一般问题`, `普通咨询`, `一级故障`, `P1`. */
const LEVEL = new RegExp(
  `(?:特别)?(?:一般|重大|紧急|严重|较大|普通|重要|轻微)(?:故障|问题|事件|咨询|需求|事故)|[\\d${DIGIT_CHARS}]级(?:故障|事件|问题)?|\\bP[0-4]\\b`,
  'g',
);

/** A severity class labelling what follows it: `紧急故障：`. */
const LEVEL_LABEL = new RegExp(`(${LEVEL.source})\\s*[：:]\\s*$`);

/** Reads the service levels of a document, in document order, from its sentences and tables. */
export function extractServiceLevels(model: SentenceModel): ServiceLevel[] {
  const { text, clauses } = model;
  const clauseAt = clauseSweep(clauses);
  const out: ServiceLevel[] = [];
  // Phrases of each sentence with its heading lines (`1. 故障响应时间2小时内`): split at commas,
  // colons, line breaks and tabs, keeping offsets.
  const phrases = function* () {
    const phraseRe = /[^，,。；;：:\n\t]+/g;
    for (const s of model.spansWithin(0, text.length, { keepHeadings: true })) {
      const source = text.slice(s.start, s.end);
      for (const m of source.matchAll(phraseRe)) yield { phrase: m[0], at: s.start + m.index };
    }
  };
  for (const { phrase, at } of phrases()) {
    // A bid scoring criterion (`承诺2小时内到场得10分`) is not a service level of the contract.
    if (/[得扣加]\s*\d+(?:\.\d+)?\s*分/.test(phrase)) continue;
    const push = (
      metric: ServiceMetric,
      minutes: number | null,
      extra: Partial<ServiceLevel> = {},
    ) =>
      out.push({
        clauseId: clauseAt(at)?.id ?? null,
        metric,
        minutes,
        text: phrase.trim(),
        span: {
          start: at + (phrase.length - phrase.trimStart().length),
          end: at + phrase.trimEnd().length,
        },
        ...extra,
      });
    RTO.lastIndex = 0;
    let r: RegExpExecArray | null;
    let found = false;
    while ((r = RTO.exec(phrase))) {
      push(r[1].toLowerCase() as ServiceMetric, Math.round(minutesOf(r[2], r[3]) ?? 0));
      found = true;
    }
    if (found) continue;
    const avail =
      /(?:可用性|可用率|正常运行率|在线率|系统可用)[^，。；]{0,6}?(?:≥|>=|不低于|达到|大于等于|应达)\s*(\d+(?:\.\d+)?)\s*[%％](?!\s*(?:加|扣))/.exec(
        phrase,
      );
    if (avail) {
      push('availability', null, { percent: avail[1] });
      continue;
    }
    DURATION.lastIndex = 0;
    for (let d = DURATION.exec(phrase); d; d = DURATION.exec(phrase)) {
      const before = phrase.slice(0, d.index);
      const after = phrase.slice(d.index + d[0].length);
      if (/[×*xX]\s*$/.test(before) || /^\s*[×*xX]/.test(after)) continue; // 7×24小时
      if (!d[1] && /(?:超过|超出|超|满|达到|逾|以上)\s*$/.test(before)) continue; // a threshold
      if (/(?:未|没有|未能|未按)在?\s*$/.test(before)) continue; // a breach condition (未在15分钟内反馈的)
      const limitBefore = /(?:不超过|不得超过|不大于|小于|最长|≤|<=)[^，。；]{0,10}$/.test(before);
      const verbAfter =
        /^\s*(?:完成|须|应|予以|必须)?\s*(?:响应|处理|到达|到场|告警|报警|解决|修复|恢复|排除|处置|赶到|现场|远程处置|回复|反馈|做出反应|作出反应|送到|送达|更换|退还补货)/.test(
          after,
        );
      if (!d[1] && !d[4] && !limitBefore && !verbAfter) continue;
      // A deadline for a deliverable (24小时内提交报告) is an obligation, not a service level.
      if (/^\s*(?:提交|提供|出具|报送|上报|移交)/.test(after)) continue;
      // The metric word right after the limit, the nearest if several (`15分钟响应、1小时到场`).
      const near = after.slice(0, 8);
      const metric =
        nearestMetric(near) ?? METRICS.find(([, re]) => re.test(before.slice(-14)))?.[0];
      if (!metric) continue;
      const minutes = minutesOf(d[2], d[3]);
      if (minutes === null) continue;
      // The class the limit is for, when the phrase names one (`重大故障2小时内解决`).
      // …or as the label the phrase follows (`紧急故障：15分钟响应、1小时到场`).
      const label = LEVEL_LABEL.exec(text.slice(Math.max(0, at - 24), at));
      const named = [...before.matchAll(LEVEL)].pop()?.[0] ?? label?.[1];
      const level = named ? { level: named } : {};
      if (minutes < 1) push(metric, null, { seconds: Math.round(minutes * 60), ...level });
      else push(metric, Math.round(minutes), level);
    }
  }
  out.push(...tableServiceLevels(text, clauses));
  // A limit stated twice in one clause (a table and the sentence restating it) is one.
  const seen = new Set<string>();
  return out
    .sort((a, b) => a.span.start - b.span.start)
    .filter((s) => {
      const key = [s.clauseId, s.metric, s.minutes, s.seconds, s.percent, s.level].join('|');
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** A table cell's time limit: `15分钟`, `≤30分钟`, `1个工作日`, `4小时内`. Days count whole (1 日 = 1,440 minutes). */
const CELL_DURATION = new RegExp(
  `^(?:不超过|不大于|小于|≤|<=|＜|<)?\\s*(${DURATION_COUNT_SOURCE})\\s*(${durationUnitSource(['second', 'minute', 'hour', 'workday', 'day'])})(?:内|以内|之内)?$`,
);

/**
 * Service levels laid out as a table, the usual form in 运维 contracts: a header row whose cells
 * name the metrics (`响应时间`, `到场时间`, `解决时间`), then one row per severity class
 * (`一级（重大故障）  15分钟  1小时  4小时`). Each cell gives one limit, with its row's class
 * as `level` and the cell as its anchor.
 */
function tableServiceLevels(text: string, clauses: Clause[]): ServiceLevel[] {
  const clauseAt = clauseSweep(clauses);
  const out: ServiceLevel[] = [];
  let header: (ServiceMetric | null)[] | null = null;
  let headerCells: string[] = [];
  for (const { cells, cellStarts } of tableLines(text)) {
    if (!cells) {
      header = null;
      continue;
    }
    const metrics = cells.map((c) =>
      /\d/.test(c) ? null : (METRICS.find(([, re]) => re.test(c))?.[0] ?? null),
    );
    if (metrics.some((m) => m !== null)) {
      header = metrics;
      headerCells = cells;
      continue;
    }
    if (!header) continue;
    const level = cells[0] && header[0] === null ? cells[0] : undefined;
    cells.forEach((cell, i) => {
      const cellStart = cellStarts[i];
      const metric = header![i];
      const d = metric ? CELL_DURATION.exec(cell) : null;
      if (!metric || !d) return;
      const minutes = minutesOf(d[1], d[2]);
      if (minutes === null) return;
      out.push({
        clauseId: clauseAt(cellStart)?.id ?? null,
        metric,
        minutes: minutes < 1 ? null : Math.round(minutes),
        ...(minutes < 1 ? { seconds: Math.round(minutes * 60) } : {}),
        text: `${level ? `${level} ` : ''}${headerCells[i]}：${cell}`,
        span: { start: cellStart, end: cellStart + cell.length },
        ...(level ? { level } : {}),
      });
    });
  }
  return out;
}
