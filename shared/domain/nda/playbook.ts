/**
 * The NDA playbook: the organisation's standard positions on confidentiality terms, and the
 * check of every NDA record against it, plus the check of an attached 保密协议 against the main
 * contract's 保密 clause (duration, penalty, return deadline). The default positions are drawn
 * from the seeds' terms: secrecy at least 2 years after the work ends (or until public, or
 * indefinite), return or destruction within 5 days, breach notice within 24 hours, notice before
 * a compelled disclosure, a liquidated-damages clause, survival after termination, and sharing
 * with subcontractors only with written consent.
 */
import Decimal from 'decimal.js';
import { DURATION_COUNT_SOURCE, durationUnitSource, readDuration } from '../recognize/durations';
import type { ReportNdaRecord, ReviewReport } from '../report';
import type { Severity } from '../findings/types';
import { penaltyRateLabel } from '../labels';

/** One position: whether it is checked, its threshold, and the severity of a deviation. */
export interface Position<T = null> {
  enabled: boolean;
  severity: Severity;
  value: T;
}

/** The playbook (editable in the app, stored in the store). */
export interface NdaPlaybook {
  version: 1;
  /** Minimum years of secrecy after the work ends; indefinite or "until public" also satisfies. */
  duration: Position<number>;
  /** Maximum days to return or destroy confidential material. */
  returnDeadlineDays: Position<number>;
  /** Maximum hours to notify a breach. */
  breachNoticeHours: Position<number>;
  compelledDisclosureNotice: Position;
  /** Minimum liquidated damages for a breach, percent of the contract total (0: any penalty). */
  penalty: Position<number>;
  survival: Position;
  subcontractorConsent: Position;
  scope: Position;
  /**
   * The organisation's standard wording of a confidentiality clause, for the clause diff
   * (a contract's 保密 clause against the standard). Optional in stored playbooks saved before
   * it existed; {@link withDefaults} fills it in.
   */
  standardClause?: string;
}

/** The shipped default. */
export const DEFAULT_PLAYBOOK: NdaPlaybook = {
  version: 1,
  duration: { enabled: true, severity: 'high', value: 2 },
  returnDeadlineDays: { enabled: true, severity: 'medium', value: 5 },
  breachNoticeHours: { enabled: true, severity: 'medium', value: 24 },
  compelledDisclosureNotice: { enabled: true, severity: 'low', value: null },
  penalty: { enabled: true, severity: 'medium', value: 0 },
  survival: { enabled: true, severity: 'medium', value: null },
  subcontractorConsent: { enabled: true, severity: 'low', value: null },
  scope: { enabled: true, severity: 'low', value: null },
  // Drawn from the seeds' 保密 clauses and agreements, worded to the default positions above.
  standardClause:
    '乙方对在履行本合同过程中知悉的甲方保密信息负有保密义务。保密信息包括但不限于甲方的业务数据、技术资料、系统账号口令、网络拓扑、个人信息及其他未公开的信息。' +
    '未经甲方书面同意，乙方不得向任何第三方披露保密信息，仅可向因履行本合同确需知悉的人员披露，并确保其遵守不低于本条的保密义务；乙方不得将保密信息提供给分包商。' +
    '依法律、法规或有权机关要求必须披露的，乙方应至少于披露前5日书面通知甲方。' +
    '本合同终止或甲方要求时，乙方应在5日内返还或销毁全部保密信息及其复制件。' +
    '乙方发现保密信息泄露或可能泄露的，应在24小时内书面通知甲方并采取补救措施。' +
    '保密期限为合同终止后2年；本条在合同终止后继续有效。' +
    '乙方违反本条约定的，应按合同总金额的10%向甲方支付违约金，违约金不足以弥补甲方损失的，乙方还应赔偿甲方全部损失。',
};

/** A stored playbook with what it lacks (fields added since it was saved) from the default. */
export function withDefaults(playbook: NdaPlaybook): NdaPlaybook {
  return { ...DEFAULT_PLAYBOOK, ...playbook };
}

/** A term of an NDA record that departs from the playbook. */
export interface Deviation {
  recordId: string;
  position: keyof Omit<NdaPlaybook, 'version' | 'standardClause'>;
  severity: Severity;
  message: string;
  /** The same in English (quoted values stay as the document writes them). */
  messageEn: string;
  clauseIds: string[];
  /** The clause text the deviation is about (the term's sentence, or the record's opening). */
  quote: string;
  page: number | null;
}

const YEARS = new RegExp(`(${DURATION_COUNT_SOURCE})\\s*(${durationUnitSource(['year'])})`);
const MONTHS = new RegExp(`(${DURATION_COUNT_SOURCE})\\s*(${durationUnitSource(['month'])})`);

function yearsOf(duration: string): number | 'indefinite' | null {
  if (/长期|永久|公开时止|公开之日止|公知|解密/.test(duration)) return 'indefinite';
  // Figures or Chinese numerals (`3年`, `五年`, `两年`, `十八个月`).
  const m = YEARS.exec(duration);
  const years = m && readDuration(m[1], m[2]);
  if (years && years.unit === 'year') return years.value;
  const months = MONTHS.exec(duration);
  const n = months ? readDuration(months[1], months[2]) : null;
  return n ? n.value / 12 : null;
}

function recordQuote(
  report: ReviewReport,
  r: ReportNdaRecord,
): { quote: string; page: number | null; clauseIds: string[] } {
  const clause =
    report.clauses.find((c) => r.clauseIds.includes(c.id) && c.text.length > 20) ??
    report.clauses.find((c) => r.clauseIds.includes(c.id));
  return {
    quote: clause ? clause.text.slice(0, 160) : r.title,
    page: clause?.page ?? null,
    clauseIds: clause ? [clause.id] : [],
  };
}

/** Checks every NDA record of a report against the playbook. */
export function checkNdaAgainstPlaybook(
  report: ReviewReport,
  playbook: NdaPlaybook = DEFAULT_PLAYBOOK,
): Deviation[] {
  const out: Deviation[] = [];
  for (const r of report.confidentiality.records) {
    const term = (key: string) => r.terms.find((t) => t.key === key);
    const push = (
      position: Deviation['position'],
      message: string,
      messageEn: string,
      key?: string,
    ) => {
      const p = playbook[position];
      const t = key ? term(key) : undefined;
      const where = t
        ? {
            quote: t.text,
            page: t.page,
            clauseIds: r.clauseIds
              .filter((id) =>
                report.clauses.find((c) => c.id === id && c.text.includes(t.text.slice(0, 12))),
              )
              .slice(0, 1),
          }
        : recordQuote(report, r);
      out.push({ recordId: r.id, position, severity: p.severity, message, messageEn, ...where });
    };
    const duration = term('duration');
    if (playbook.duration.enabled) {
      if (!duration)
        push(
          'duration',
          `未约定保密期限（标准：合作结束后至少 ${playbook.duration.value} 年，或长期/至公开时止）`,
          `No confidentiality period (playbook: at least ${playbook.duration.value} years after the cooperation ends, or indefinite / until public)`,
        );
      else {
        const y = yearsOf(String(duration.value));
        if (y !== 'indefinite' && (y === null || y < playbook.duration.value))
          push(
            'duration',
            `保密期限“${duration.value}”短于或不明于标准（至少 ${playbook.duration.value} 年）`,
            `The confidentiality period "${duration.value}" is shorter or less clear than the playbook's (at least ${playbook.duration.value} years)`,
            'duration',
          );
      }
    }
    const ret = term('returnDeadlineDays');
    if (playbook.returnDeadlineDays.enabled) {
      if (!ret || ret.value === null)
        push(
          'returnDeadlineDays',
          `未约定返还/销毁保密资料的期限（标准：${playbook.returnDeadlineDays.value} 日内）`,
          `No deadline to return or destroy confidential material (playbook: within ${playbook.returnDeadlineDays.value} days)`,
        );
      else if (Number(ret.value) > playbook.returnDeadlineDays.value)
        push(
          'returnDeadlineDays',
          `返还/销毁期限 ${ret.value} 日，长于标准 ${playbook.returnDeadlineDays.value} 日`,
          `Return or destroy within ${ret.value} days, longer than the playbook's ${playbook.returnDeadlineDays.value}`,
          'returnDeadlineDays',
        );
    }
    const notice = term('breachNoticeHours');
    if (playbook.breachNoticeHours.enabled) {
      if (!notice)
        push(
          'breachNoticeHours',
          `未约定泄密后的通知时限（标准：${playbook.breachNoticeHours.value} 小时内）`,
          `No deadline to report a leak (playbook: within ${playbook.breachNoticeHours.value} hours)`,
        );
      else if (Number(notice.value) > playbook.breachNoticeHours.value)
        push(
          'breachNoticeHours',
          `泄密通知时限 ${notice.value} 小时，长于标准 ${playbook.breachNoticeHours.value} 小时`,
          `A leak is reported within ${notice.value} hours, longer than the playbook's ${playbook.breachNoticeHours.value}`,
          'breachNoticeHours',
        );
    }
    if (playbook.compelledDisclosureNotice.enabled && !term('compelledDisclosureNoticeDays'))
      push(
        'compelledDisclosureNotice',
        '未约定依法被要求披露时须事先通知对方',
        'No duty to tell the other party before a disclosure required by law',
      );
    if (playbook.penalty.enabled) {
      // Liquidated damages: an obligation to compensate the actual loss alone leaves the
      // discloser to prove the loss, which is what this position guards against.
      const rules = report.penaltyRules.filter(
        (p) => r.penaltyRuleIds.includes(p.id) && p.kind !== 'actual_loss',
      );
      if (!rules.length)
        push(
          'penalty',
          '未约定泄密违约金（仅能按实际损失索赔，举证困难）',
          'No penalty for a leak (only the actual loss can be claimed, which is hard to prove)',
        );
      else if (
        playbook.penalty.value > 0 &&
        rules.every((p) => p.percent !== null && new Decimal(p.percent).lt(playbook.penalty.value))
      )
        push(
          'penalty',
          `泄密违约金低于标准（合同金额的 ${playbook.penalty.value}%）`,
          `The penalty for a leak is below the playbook's (${playbook.penalty.value} % of the contract amount)`,
        );
    }
    if (playbook.survival.enabled && !term('survival'))
      push(
        'survival',
        '未约定合同终止后保密义务继续有效',
        'The duty of confidentiality is not said to survive termination',
      );
    if (playbook.subcontractorConsent.enabled) {
      const texts = report.clauses
        .filter((c) => r.clauseIds.includes(c.id))
        .map((c) => c.text)
        .join('\n');
      if (
        !/(?:未经|事先|须经|应经)[^。；]{0,12}(?:书面)?(?:同意|批准|许可)[^。；]{0,40}(?:第三方|分包|转包|合作公司|关联公司|其他单位)|(?:第三方|分包|合作公司)[^。；]{0,30}(?:书面同意|事先同意|批准)/.test(
          texts,
        )
      )
        push(
          'subcontractorConsent',
          '未约定向分包方或第三方披露须经书面同意',
          'No written consent required before disclosure to subcontractors or third parties',
        );
    }
    if (playbook.scope.enabled && !term('scope'))
      push('scope', '未明确界定保密信息的范围', 'What is confidential is not defined');
  }
  return out;
}

/** Where an attached 保密协议 disagrees with the main contract's 保密 clause. */
export interface NdaDisagreement {
  agreementId: string;
  term: 'duration' | 'penalty' | 'returnDeadlineDays';
  contractValue: string | null;
  agreementValue: string | null;
  message: string;
  /** The same in English (the values stay as the document writes them). */
  messageEn: string;
}

/** Compares each attached (or personal) 保密协议 with the main contract's 保密 clause. */
export function checkNdaAgainstContract(report: ReviewReport): NdaDisagreement[] {
  const main = report.confidentiality.records.find((r) => r.source === 'contract_clause');
  const out: NdaDisagreement[] = [];
  if (!main) return out;
  const val = (r: ReportNdaRecord, key: string) => {
    const t = r.terms.find((x) => x.key === key);
    return t && t.value !== null ? String(t.value) : null;
  };
  const penaltyOf = (r: ReportNdaRecord) => {
    const p = report.penaltyRules.filter((x) => r.penaltyRuleIds.includes(x.id));
    return p.length ? [...new Set(p.map((x) => penaltyRateLabel(x, false)))].join('、') : null;
  };
  for (const a of report.confidentiality.records.filter((r) => r.source !== 'contract_clause')) {
    const pairs: [NdaDisagreement['term'], string | null, string | null, string, string][] = [
      ['duration', val(main, 'duration'), val(a, 'duration'), '保密期限', 'confidentiality period'],
      ['penalty', penaltyOf(main), penaltyOf(a), '泄密违约金', 'penalty for a leak'],
      [
        'returnDeadlineDays',
        val(main, 'returnDeadlineDays'),
        val(a, 'returnDeadlineDays'),
        '返还/销毁期限（日）',
        'days to return or destroy',
      ],
    ];
    for (const [term, c, g, label, labelEn] of pairs) {
      if (c === g || (c === null && g === null)) continue;
      out.push({
        agreementId: a.id,
        term,
        contractValue: c,
        agreementValue: g,
        message: `${a.title}与主合同保密条款的${label}不一致：主合同 ${c ?? '未约定'}，协议 ${g ?? '未约定'}`,
        messageEn: `The ${labelEn} of "${a.title}" differs from the main contract's confidentiality clause: contract "${c ?? '—'}", agreement "${g ?? '—'}"`,
      });
    }
  }
  return out;
}
