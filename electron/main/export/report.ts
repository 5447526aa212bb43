/**
 * Exports of one contract's review: the REPORT.md JSON with Qiyue's extra fields (annotations,
 * calculator scenarios, checklist states, sign-off, NDA playbook deviations), a printable HTML
 * document (Chinese typography, print CSS), and an XLSX workbook (exceljs).
 */
import { TRIAGE_LABELS, triageOf } from '../../../shared/domain/triage';
import ExcelJS from 'exceljs';
import type { StoredContract } from '../store/store';
import type { Deviation, NdaDisagreement } from '../../../shared/domain/nda/playbook';
import { ANNOTATION_STATUS_LABELS } from '../../../shared/domain/annotations';
import {
  BASE_LABELS,
  KIND_LABELS,
  METRIC_LABELS,
  RULE_LABELS,
  SEVERITY_LABELS,
  TRIGGER_LABELS,
  formatMinutes,
  penaltyRateLabel,
  groupYuan,
  PARTY_LABELS,
} from '../../../shared/domain/labels';
import { clauseCiter } from '../../../shared/domain/clauses/cite';
import { messageWithoutRule } from '../../../shared/domain/findings/display';

/**
 * A number in a spreadsheet cell with its display format, so a column of amounts can be summed.
 * The yuan string becomes the cell's number only here, for the spreadsheet to hold (no
 * arithmetic is done on it); the two-place format shows it as the contract writes it.
 */
class NumberCell {
  constructor(
    readonly value: number,
    readonly format: string,
  ) {}
}

/** A two-place yuan string as a summable cell (`#,##0.00`), or empty. */
function yuanCell(yuan: string | null | undefined): NumberCell | '' {
  return yuan ? new NumberCell(Number(yuan), '#,##0.00') : '';
}

/** A percent string (`"0.1"` is 0.1 %) as a number cell shown with its decimals, or empty. */
function percentCell(percent: string | null | undefined): NumberCell | '' {
  return percent ? new NumberCell(Number(percent), '0.####') : '';
}

/** Everything an export carries besides the stored contract. */
export interface ExportExtras {
  deviations: Deviation[];
  disagreements: NdaDisagreement[];
}

/** The live annotations as table rows: status, quote, comment, tags, reviewer, time. */
function annotationRows(c: StoredContract, time: (iso: string) => string): unknown[][] {
  return (c.annotations ?? [])
    .filter((a) => !a.deleted)
    .map((a) => [
      ANNOTATION_STATUS_LABELS[a.status],
      a.anchor.quote,
      a.comment,
      a.tags.join('、'),
      a.reviewer,
      time(a.updatedAt),
    ]);
}

const ANNOTATION_COLUMNS = ['状态', '原文', '意见', '标签', '审阅人', '时间'];

/** REPORT.md document plus extra fields (annotations, scenarios, checklist, signOff, ndaReview). */
export function reportJson(c: StoredContract, extras: ExportExtras): object {
  return {
    ...c.report,
    annotations: (c.annotations ?? []).filter((a) => !a.deleted),
    /** The reviewer's decisions on the findings (rule, quote, state, note, who, when, history). */
    triage: Object.values(c.triage ?? {}),
    scenarios: c.scenarios ?? [],
    checklist: c.checklist ?? {},
    signOff: c.signOff ?? null,
    ndaReview: extras,
  };
}

/** A finding's triage as the reports print it: `已确认（张三，2026-12-02 09:30）：note`. */
function triageText(
  triage: StoredContract['triage'],
  f: { ruleId: string; quote: string },
): string {
  const t = triageOf(triage, f);
  if (!t) return TRIAGE_LABELS.open;
  return `${TRIAGE_LABELS[t.status]}（${t.by}，${localTime(t.at)}）${t.note ? `：${t.note}` : ''}`;
}

/** An ISO time as `YYYY-MM-DD HH:mm` in the machine's time zone. */
function localTime(iso: string): string {
  const d = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"]/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!,
  );

/** A printable HTML document of the review. */
export function reportHtml(c: StoredContract, extras: ExportExtras, now = new Date()): string {
  const r = c.report;
  const cite = clauseCiter(r.clauses);
  const k = r.contract;
  const rows = (cells: unknown[][]) =>
    cells.map((row) => `<tr>${row.map((x) => `<td>${esc(x)}</td>`).join('')}</tr>`).join('');
  const table = (head: string[], body: unknown[][]) =>
    body.length
      ? `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows(body)}</tbody></table>`
      : '<p class="none">（无）</p>';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(k.title ?? c.fileName)} · 审阅报告</title>
<style>
body{font-family:"Noto Serif CJK SC","Source Han Serif SC","SimSun",serif;margin:24px 40px;color:#1f2329;line-height:1.7}
h1{font-size:22px;text-align:center;margin-bottom:4px}h2{font-size:17px;border-bottom:1px solid #c9cdd4;padding-bottom:2px;margin-top:24px}
.meta{text-align:center;color:#646a73;font-size:13px}table{border-collapse:collapse;width:100%;font-size:13px;margin:6px 0}
th,td{border:1px solid #c9cdd4;padding:4px 6px;text-align:left;vertical-align:top}th{background:#f2f3f5}
td:first-child,th:first-child{white-space:nowrap}.sev-high{color:#b3261e;font-weight:bold}.sev-medium{color:#a35f00}.none{color:#8f959e}
@page{size:A4;margin:18mm}@media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}
</style></head><body>
<h1>${esc(k.title ?? c.fileName)}</h1>
<p class="meta">合同审阅报告 · 文件 ${esc(c.fileName)} · SHA-256 ${esc(c.id.slice(0, 16))}… · 生成于 ${esc(now.toISOString().slice(0, 16).replace('T', ' '))}</p>
<h2>一、关键条款</h2>
${table(
  ['项目', '内容'],
  [
    ...k.parties.map((p) => [
      p.role === 'partyA' ? '甲方' : '乙方',
      `${p.name}${p.legalRepresentative ? `（法定代表人：${p.legalRepresentative}）` : ''}`,
    ]),
    ['合同编号', k.contractNumbers.join('、') || '—'],
    ['项目编号', k.projectNumbers.join('、') || '—'],
    ['签订日期', k.signedOn ?? '—'],
    [
      '服务期限',
      k.servicePeriod
        ? `${k.servicePeriod.start ?? '?'} 至 ${k.servicePeriod.end ?? '?'}（${k.servicePeriod.months ?? '?'} 个月）`
        : '—',
    ],
    [
      '合同金额',
      k.totalAmount
        ? `¥${groupYuan(k.totalAmount.yuan)}（${k.totalAmount.writtenChinese ?? ''}）`
        : '—',
    ],
    [
      '履约保证金',
      k.performanceBond
        ? `${k.performanceBond.percent ?? '—'}% ¥${k.performanceBond.yuan ? groupYuan(k.performanceBond.yuan) : '—'}`
        : '—',
    ],
    ...k.paymentInstallments.map((i) => [
      `第${i.sequence}期`,
      `${i.percent ? `${i.percent}% ` : ''}¥${i.yuan ? groupYuan(i.yuan) : '—'}　${i.condition}`,
    ]),
  ],
)}
<h2>二、问题</h2>
${table(
  ['严重程度', '问题', '说明', '原文', '条款', '页', '处理'],
  r.findings.map((f) => [
    SEVERITY_LABELS[f.severity],
    RULE_LABELS[f.ruleId] ?? f.ruleId,
    messageWithoutRule(f.message, RULE_LABELS[f.ruleId] ?? f.ruleId),
    f.quote,
    cite(f.clauseIds)?.text ?? '',
    f.page ?? '',
    triageText(c.triage, f),
  ]),
)}
<h2>三、违约金条款</h2>
${table(
  ['违约方', '情形', '方式', '比例或金额', '基数', '原文', '条款', '页'],
  r.penaltyRules.map((p) => [
    PARTY_LABELS[p.payer],
    TRIGGER_LABELS[p.trigger],
    p.kind ? KIND_LABELS[p.kind] : '方式不明',
    p.kind === 'actual_loss' ? '—' : penaltyRateLabel(p, false),
    p.percent !== null || (p.yuan === null && p.kind !== 'actual_loss') ? BASE_LABELS[p.base] : '—',
    p.text,
    cite(p.clauseId)?.text ?? '',
    p.page ?? '',
  ]),
)}
<h2>四、服务时效</h2>
${table(
  ['指标', '时限', '原文', '条款', '页'],
  r.serviceLevels.map((s) => [
    METRIC_LABELS[s.metric],
    s.percent ? `≥${s.percent}%` : s.minutes !== null ? formatMinutes(s.minutes) : `${s.seconds}秒`,
    s.text,
    cite(s.clauseId)?.text ?? '',
    s.page ?? '',
  ]),
)}
<h2>五、保密审查</h2>
${table(
  ['严重程度', '偏离', '原文'],
  extras.deviations.map((d) => [SEVERITY_LABELS[d.severity], d.message, d.quote]),
)}
${
  extras.disagreements.length
    ? table(
        ['保密协议与主合同不一致'],
        extras.disagreements.map((d) => [d.message]),
      )
    : ''
}
<h2>六、批注</h2>
${table(
  ANNOTATION_COLUMNS,
  annotationRows(c, (t) => t.slice(0, 16).replace('T', ' ')),
)}
<h2>七、计算方案</h2>
${table(
  ['方案', '金额（元）', '过程'],
  (c.scenarios ?? []).map((s) => [s.name, s.totalYuan ?? '', s.summary]),
)}
<h2>八、签字</h2>
<p>${c.signOff ? `${esc(c.signOff.by)} 于 ${esc(c.signOff.at.slice(0, 16).replace('T', ' '))} 签字确认。${esc(c.signOff.note)}` : '尚未签字确认。'}</p>
</body></html>`;
}

/** The review as an XLSX workbook: key terms, findings, penalties, service levels, annotations. */
export async function reportXlsx(c: StoredContract, extras: ExportExtras): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Qiyue 契阅';
  const sheet = (name: string, head: string[], body: unknown[][], widths: number[]) => {
    const s = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    s.addRow(head).font = { bold: true };
    for (const row of body) {
      const added = s.addRow(
        row.map((x) =>
          x === null || x === undefined ? '' : x instanceof NumberCell ? x.value : x,
        ),
      );
      row.forEach((x, i) => {
        if (x instanceof NumberCell) added.getCell(i + 1).numFmt = x.format;
      });
    }
    widths.forEach((w, i) => (s.getColumn(i + 1).width = w));
  };
  const r = c.report;
  const cite = clauseCiter(r.clauses);
  sheet(
    '关键条款',
    ['项目', '值', '页'],
    r.keyTerms.map((t) => [t.label, t.value, t.page]),
    [16, 60, 6],
  );
  sheet(
    '问题',
    ['严重程度', '问题', '说明', '原文', '条款', '页', '处理', '处理说明', '处理人', '处理时间'],
    r.findings.map((f) => {
      const t = triageOf(c.triage, f);
      return [
        SEVERITY_LABELS[f.severity],
        RULE_LABELS[f.ruleId] ?? f.ruleId,
        messageWithoutRule(f.message, RULE_LABELS[f.ruleId] ?? f.ruleId),
        f.quote,
        cite(f.clauseIds)?.text ?? '',
        f.page,
        TRIAGE_LABELS[t?.status ?? 'open'],
        t?.note ?? '',
        t?.by ?? '',
        t ? localTime(t.at) : '',
      ];
    }),
    [8, 22, 50, 50, 22, 6, 8, 30, 10, 17],
  );
  sheet(
    '违约金',
    ['违约方', '情形', '方式', '比例%', '金额（元）', '基数', '原文', '条款', '页'],
    r.penaltyRules.map((p) => [
      PARTY_LABELS[p.payer],
      TRIGGER_LABELS[p.trigger],
      p.kind ? KIND_LABELS[p.kind] : '方式不明',
      percentCell(p.percent),
      yuanCell(p.yuan),
      BASE_LABELS[p.base],
      p.text,
      cite(p.clauseId)?.text ?? '',
      p.page,
    ]),
    [8, 14, 14, 8, 14, 14, 80, 22, 6],
  );
  sheet(
    '服务时效',
    ['指标', '分钟', '百分比', '原文', '条款', '页'],
    r.serviceLevels.map((s) => [
      METRIC_LABELS[s.metric],
      s.minutes,
      percentCell(s.percent ?? null),
      s.text,
      cite(s.clauseId)?.text ?? '',
      s.page,
    ]),
    [10, 8, 8, 60, 22, 6],
  );
  sheet(
    '保密审查',
    ['严重程度', '偏离', '原文'],
    extras.deviations.map((d) => [SEVERITY_LABELS[d.severity], d.message, d.quote]),
    [8, 50, 60],
  );
  sheet(
    '批注',
    ANNOTATION_COLUMNS,
    annotationRows(c, (t) => t),
    [8, 40, 40, 16, 10, 20],
  );
  sheet(
    '计算方案',
    ['方案', '金额（元）', '过程', '保存时间'],
    (c.scenarios ?? []).map((s) => [
      s.name,
      yuanCell(s.totalYuan),
      s.summary,
      localTime(s.savedAt),
    ]),
    [40, 16, 80, 17],
  );
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
