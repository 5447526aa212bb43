/**
 * `npm run review -- [--json] [--show-personal-data] [--data-dir DIR] [--password PW] FILE…`
 * (or the password in `QIYUE_PDF_PASSWORD`, which `ps` does not show). An encrypted data
 * folder is unlocked with `QIYUE_PASSPHRASE`, else at a hidden prompt on the terminal.
 *
 * Imports each file into the store (the desktop app's store by default, see
 * `store/paths.ts`) and prints a readable summary, or with `--json` the REPORT.md document
 * (one object for one file, an array for several) on stdout. Exits 0 when every file was
 * reviewed; otherwise 1, with one line per bad file on stderr, the good files still reported.
 * Resident ID and mobile numbers are printed masked (`shared/domain/pii.ts`) unless
 * `--show-personal-data` is given; the store keeps them as they are.
 */
import { clauseCiter } from '../../shared/domain/clauses/cite';
import { groupFindings, messageWithoutRule } from '../../shared/domain/findings/display';
import { TRIAGE_LABELS, triageOf, type TriageMap } from '../../shared/domain/triage';
import path from 'node:path';
import type { ReviewReport } from '../../shared/domain/report';
import { CATEGORY_LABELS } from '../../shared/domain/clauses/categories';
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
  groupPenaltyRules,
  scopeLabel,
} from '../../shared/domain/labels';
import { importFiles, runCli, terminalSafe, writeErr, writeOut } from './import-files';
import { defaultDataDir } from '../main/store/paths';
import { maskPersonalDataDeep } from '../../shared/domain/pii';

interface Args {
  json: boolean;
  /** Print ID and mobile numbers as they are (masked by default). */
  showPersonalData: boolean;
  dataDir: string;
  password?: string;
  files: string[];
}

const USAGE =
  'usage: npm run review -- [--json] [--show-personal-data] [--data-dir DIR] [--password PW] FILE…';

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, showPersonalData: false, dataDir: defaultDataDir(), files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--show-personal-data') args.showPersonalData = true;
    else if (a === '--data-dir') args.dataDir = path.resolve(argv[++i] ?? '');
    else if (a.startsWith('--data-dir=')) args.dataDir = path.resolve(a.slice(11));
    else if (a === '--password') args.password = argv[++i];
    else if (a === '--help' || a === '-h') {
      process.stdout.write(`${USAGE}\n`);
      process.exit(0);
    } else if (a.startsWith('--')) throw new Error(`unknown option ${a}\n${USAGE}`);
    else args.files.push(a);
  }
  if (!args.files.length) throw new Error(USAGE);
  return args;
}

/**
 * A readable, Chinese-first summary of a report for the terminal; each finding a reviewer has
 * decided on says so (`〔误报 · 李审〕`).
 */
export function formatSummary(r: ReviewReport, triage?: TriageMap): string {
  const c = r.contract;
  const lines: string[] = [];
  lines.push(
    `■ ${r.source.fileName}  (${r.source.format}${r.source.pageCount ? `, ${r.source.pageCount} 页` : ''})`,
  );
  lines.push(`  ${scopeLabel(r.scope)}`);
  for (const l of r.limitations ?? []) lines.push(`  注意      ${l}`);
  lines.push(`  合同名称  ${c.title ?? '—'}`);
  if (c.contractNumbers.length) lines.push(`  合同编号  ${c.contractNumbers.join(' / ')}`);
  if (c.projectNumbers.length) lines.push(`  项目编号  ${c.projectNumbers.join(' / ')}`);
  for (const p of c.parties)
    lines.push(
      `  ${p.role === 'partyA' ? '甲方' : '乙方'}      ${p.name}${p.legalRepresentative ? `（法定代表人：${p.legalRepresentative}）` : ''}`,
    );
  lines.push(`  签订日期  ${c.signedOn ?? '—'}`);
  if (c.servicePeriod) {
    const sp = c.servicePeriod;
    lines.push(
      `  服务期限  ${sp.start ?? '?'} 至 ${sp.end ?? '?'}${sp.months ? `（${sp.months} 个月）` : ''}`,
    );
  }
  if (c.totalAmount)
    lines.push(
      `  合同金额  ¥${groupYuan(c.totalAmount.yuan)}${c.totalAmount.writtenChinese ? `（${c.totalAmount.writtenChinese}）` : ''}`,
    );
  if (c.totalAmount?.taxRatePercent)
    lines.push(
      `  税率      ${c.totalAmount.taxRatePercent}%  不含税 ¥${c.totalAmount.yuanExcludingTax ? groupYuan(c.totalAmount.yuanExcludingTax) : '—'}  税额 ¥${c.totalAmount.taxYuan ? groupYuan(c.totalAmount.taxYuan) : '—'}`,
    );
  if (c.performanceBond)
    lines.push(
      `  履约保证金 ${c.performanceBond.percent ?? '—'}%  ¥${c.performanceBond.yuan ? groupYuan(c.performanceBond.yuan) : '—'}`,
    );
  for (const i of c.paymentInstallments)
    lines.push(
      `  第${i.sequence}期    ${i.percent ? `${i.percent}%  ` : ''}¥${i.yuan ? groupYuan(i.yuan) : '—'}  ${i.condition}`,
    );
  const cite = clauseCiter(r.clauses);
  /** `十一、3. 违约责任 第8页`, as a lawyer cites the item. */
  const where = (clauseId: string | readonly string[] | null, page: number | null) =>
    [cite(clauseId)?.text, page ? `第${page}页` : null].filter(Boolean).join(' ') || '—';
  if (r.penaltyRules.length) {
    // One line per rule; alike rules once, with each clause they stand in.
    lines.push(`  违约金    ${r.penaltyRules.length} 条`);
    for (const g of groupPenaltyRules(r.penaltyRules)) {
      const p = g.rules[0];
      const places = [...new Set(g.rules.map((x) => where(x.clauseId, x.page)))];
      lines.push(
        `    ${p.payer === 'partyA' ? '甲方' : '乙方'}  ${TRIGGER_LABELS[p.trigger]}  ${p.kind ? KIND_LABELS[p.kind] : '方式不明'}${p.kind === 'actual_loss' ? '' : `  ${penaltyRateLabel(p, false)}`}${p.percent !== null ? `（${BASE_LABELS[p.base]}）` : ''}  ${g.rules.length > 1 ? `${g.rules.length} 处：` : ''}${places.join('；')}`,
      );
    }
  }
  if (r.serviceLevels.length)
    lines.push(
      `  服务时效  ${r.serviceLevels
        .map(
          (s) =>
            `${METRIC_LABELS[s.metric]} ${s.percent ? `≥${s.percent}%` : s.minutes !== null ? formatMinutes(s.minutes) : `${s.seconds}秒`}`,
        )
        .join('；')}`,
    );
  if (r.confidentiality.duration) lines.push(`  保密期限  ${r.confidentiality.duration}`);
  // Alike findings once, with the number of places; each with its clause and page.
  for (const g of groupFindings(r.findings)) {
    const f = g.first;
    const t = triageOf(triage, f);
    const label = RULE_LABELS[f.ruleId] ?? f.ruleId;
    const places = [...new Set(g.all.map((x) => where(x.clauseIds, x.page)))].join('；');
    lines.push(
      `  [${SEVERITY_LABELS[f.severity]}] ${label}：${messageWithoutRule(f.message, label)}（${g.all.length > 1 ? `${g.all.length} 处：` : ''}${places}）${t ? `〔${TRIAGE_LABELS[t.status]} · ${t.by}〕` : ''}`,
    );
  }
  const counts = new Map<string, number>();
  for (const cl of r.clauses) counts.set(cl.category, (counts.get(cl.category) ?? 0) + 1);
  lines.push(
    `  条款      ${r.clauses.length} 条：` +
      [...counts.entries()]
        .map(([k, n]) => `${CATEGORY_LABELS[k as keyof typeof CATEGORY_LABELS]} ${n}`)
        .join('，'),
  );
  return lines.join('\n');
}

async function main(): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 2;
  }
  // The password of an encrypted PDF: from the environment, so that it is not visible in `ps`
  // as `--password` would be.
  const password = args.password ?? (process.env.QIYUE_PDF_PASSWORD || undefined);
  const { contracts, failed } = await importFiles(args.dataDir, args.files, password);
  // Saved calculator scenarios and checklist states travel with the report as extra fields.
  const full = contracts.map(
    ({ file, contract }) =>
      ({
        ...contract.report,
        source: { ...contract.report.source, fileName: file },
        scenarios: contract.scenarios ?? [],
        checklist: contract.checklist ?? {},
        triage: Object.values(contract.triage ?? {}),
      }) as ReviewReport,
  );
  // What leaves the store shows resident ID and mobile numbers masked, unless asked otherwise.
  const reports = args.showPersonalData ? full : maskPersonalDataDeep(full);
  let text: string;
  if (args.json) {
    const out = args.files.length === 1 ? (reports[0] ?? null) : reports;
    text = out === null ? '' : `${JSON.stringify(out, null, 2)}\n`;
  } else {
    // The summary quotes the documents: made safe for the terminal (JSON escapes on its own).
    text = terminalSafe(
      reports.map((r, i) => formatSummary(r, contracts[i].contract.triage)).join('\n\n') +
        (reports.length ? '\n' : ''),
    );
  }
  await writeOut(text);
  // A document read only in part (English, no text) is said on stderr too, so --json users see it.
  for (const r of reports)
    for (const l of r.limitations ?? []) writeErr(`${r.source.fileName}: 注意：${l}`);
  return failed ? 1 : 0;
}

runCli(main);
