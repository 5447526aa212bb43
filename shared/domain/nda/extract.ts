/**
 * NDA terms (保密): one record per source of secrecy duties in a document — the main
 * contract's 保密 clauses, each attached 保密协议, each personal 保密协议 — with what is
 * confidential, who may receive it, how long secrecy lasts, the deadline to return or destroy,
 * the breach-notice deadline, notice before compelled disclosure, penalty rules and survival
 * after termination. Each value keeps the sentence it was read from.
 */
import type { Clause } from '../clauses/parse';
import type { PenaltyRule } from '../penalties/extract';
import { COUNT_SOURCE } from '../lexicon/numerals';
import { countValue, durationUnitSource } from '../recognize/durations';
import type { SentenceModel } from '../sentences/model';
import type { TextSpan } from '../text/sentences';

/** A term read from a sentence: the contract's wording, a normalised value, and where. */
export interface NdaTerm<T = string> {
  value: T;
  text: string;
  span: TextSpan;
}

/** Where the NDA terms come from. */
export type NdaSource = 'contract_clause' | 'agreement' | 'personal_agreement';

/** The NDA terms of one source. Durations and deadlines keep the contract's words. */
export interface NdaTerms {
  id: string;
  source: NdaSource;
  title: string;
  clauseIds: string[];
  /** The receiving party's name (a person for personal agreements), when named. */
  recipientName: string | null;
  scope: NdaTerm | null;
  recipients: NdaTerm | null;
  duration: NdaTerm | null;
  /** Days to return or destroy confidential material (`3日内返还` → 3). */
  returnDeadlineDays: NdaTerm<number | null> | null;
  /** Hours to notify a breach (`2 小时内书面通知` → 2); 0 for `立即`. */
  breachNoticeHours: NdaTerm<number> | null;
  /** Days of notice before a compelled disclosure (`至少于实际披露行为前 5 日` → 5). */
  compelledDisclosureNoticeDays: NdaTerm<number> | null;
  survival: NdaTerm | null;
  penaltyRuleIds: string[];
  span: TextSpan;
}

/** Durations of secrecy, most explicit first: a number of years, until made public, indefinite. */
const DURATIONS: RegExp[] = [
  new RegExp(
    `((?:合作|合同|项目|服务|任职|雇佣|本协议)[^。；\\n]{0,16}?(?:结束|终止|届满|期满|验收|完成|失效)[^。；\\n]{0,4}?后\\s*${COUNT_SOURCE}\\s*年)`,
  ),
  new RegExp(`((?:离职|调离|退休)[^。；\\n]{0,4}?后\\s*${COUNT_SOURCE}\\s*年)`),
  /保密(?:期限|期间|期)\s*(?:为|是|：|:)\s*([^，,。；\n]{0,40}?(?:期|后|止|年|有效|永久|长期)[^，,。；\n]{0,10})/,
  /((?:直至|至)[^。；\n]{2,30}?(?:公开|公知|解密)[^。；\n]{0,6}?(?:时|之日)止)/,
  /([^。；\n，,]{2,20}(?:公开|公知)时止)/,
  /(长期有效|永久有效|永久保密)/,
];

/**
 * The duration as the contract words it, from where it starts: `本协议项下的保密义务在合同终止后五年`
 * → `合同终止后五年`; `本协议生效之日起至双方合作结束后3年` and `合同有效期内及合同终止后三年`
 * are kept whole.
 */
function durationValue(raw: string): string {
  const v = raw.replace(/^(?:本)?项目为(?=项目)/, '');
  const at = v.search(
    /(?:合作|合同|项目|服务|任职|雇佣|协议)[^。；\n]{0,6}?(?:结束|终止|届满|期满|验收|完成|失效)[^。；\n]{0,4}?后/,
  );
  // What comes before is kept when it is part of the period (a start: `本协议生效之日起至双方…`,
  // `合同有效期内及…`), dropped when it is the sentence's subject (`本协议项下的保密义务在`).
  return at > 0 && !/起|自|至|生效|期内|期间/.test(v.slice(0, at)) ? v.slice(at) : v;
}

function firstMatch<T>(
  text: string,
  spans: TextSpan[],
  re: RegExp,
  value: (m: RegExpExecArray) => T,
): NdaTerm<T> | null {
  for (const s of spans) {
    const seg = text.slice(s.start, s.end);
    const m = re.exec(seg);
    if (m) return { value: value(m), text: seg.trim(), span: s };
  }
  return null;
}

const DAYS = durationUnitSource(['day', 'workday']);
/** Days to return or destroy materials: `5个工作日内返还`, `返还…于十日内`. */
const RETURN_DEADLINE = new RegExp(
  `(?:(${COUNT_SOURCE})\\s*(?:个)?(?:${DAYS})内[^。；]{0,12}(?:返还|归还|交还|销毁|删除|移交))|(?:(?:返还|归还|交还|销毁|删除)[^。；]{0,20}?(${COUNT_SOURCE})\\s*(?:个)?(?:${DAYS})内)`,
);
/** Hours to notify a breach (`发现泄密…2小时内书面通知`), or at once (`立即`). */
const BREACH_NOTICE = new RegExp(
  `(?:泄露|泄漏|泄密|违反)[^。；]{0,30}?(?:(${COUNT_SOURCE})\\s*(?:${durationUnitSource(['hour'])})内|(立即|第一时间|及时))[^。；]{0,6}(?:书面)?(?:通知|告知|报告)`,
);
/** Days of notice before a compelled disclosure (`至少于实际披露行为前 5 日`). */
const COMPELLED_NOTICE = new RegExp(
  `(?:要求|依法)[^。；]{0,40}披露[^。；]{0,60}?(?:至少)?(?:于|在)?[^。；]{0,10}前\\s*(${COUNT_SOURCE})\\s*(?:个)?(?:${DAYS})`,
);

/** Reads the NDA terms of one region of the document. */
/**
 * The terms of one region. In an agreement every penalty is about secrecy (`anyPenalty`); in a
 * contract's 保密 clause only penalties for a confidentiality breach count.
 */
function termsOf(
  { text, spansWithin }: SentenceModel,
  region: TextSpan,
  penaltyRules: PenaltyRule[],
  anyPenalty = false,
) {
  const spans = spansWithin(region.start, region.end);
  return {
    // What is confidential: the definition itself (`保密信息是指…`, else `…的范围…`), to the end
    // of its sentence.
    scope: [
      /(?:保密信息|商业秘密|工作秘密|保密内容|秘密信息)[^。；\n]{0,16}(?:包括|是指|指|系指)/,
      /(?:保密信息|商业秘密|工作秘密|保密内容|秘密信息)[^。；\n]{0,16}范围/,
    ].reduce<NdaTerm | null>(
      (found, re) =>
        found ??
        firstMatch(text, spans, re, (m) =>
          m.input
            .slice(m.index)
            .trim()
            .replace(/[。；;]$/, '')
            .slice(0, 200),
        ),
      null,
    ),
    recipients: firstMatch(
      text,
      spans,
      /(?:仅|只|只能|仅能|仅可)(?:在|向|透露给|披露给|限于)[^。；]{0,40}?(?:范围|人员|雇员|员工|负责人)/,
      (m) => m[0],
    ),
    duration: DURATIONS.reduce<NdaTerm | null>(
      (found, re) => found ?? firstMatch(text, spans, re, (m) => durationValue(m[1].trim())),
      null,
    ),
    returnDeadlineDays: firstMatch(text, spans, RETURN_DEADLINE, (m) => countValue(m[1] ?? m[2])),
    breachNoticeHours: firstMatch(text, spans, BREACH_NOTICE, (m) =>
      m[1] ? (countValue(m[1]) ?? 0) : 0,
    ),
    compelledDisclosureNoticeDays: firstMatch(
      text,
      spans,
      COMPELLED_NOTICE,
      (m) => countValue(m[1]) ?? 0,
    ),
    survival: firstMatch(
      text,
      spans,
      /(?:终止|解除|届满|履行完毕|离职)[^。；]{0,24}?(?:后|之后)?[^。；]{0,10}(?:仍然|仍|继续|依然)(?:有效|履行|承担|负有|应)|长期有效|不受[^。；]{0,16}(?:终止|届满|解除)[^。；]{0,6}影响|无论[^。；]{0,30}(?:终止|解除)[^。；]{0,12}(?:仍|均)|不因[^。；]{0,16}(?:终止|解除|届满|无效)而(?:终止|失效|解除|免除)/,
      (m) => m[0].replace(/\s+/g, ''),
    ),
    penaltyRuleIds: penaltyRules
      .filter(
        (r) =>
          r.span.start >= region.start &&
          r.span.start < region.end &&
          (anyPenalty || r.trigger === 'confidentiality_breach'),
      )
      .map((r) => r.id),
  };
}

/**
 * The NDA records of a document: the main contract's confidentiality clauses (outside annexes)
 * as one record, and one record per annex whose title names a 保密协议 (personal when its
 * receiving party is a person).
 */
export function extractNdaTerms(model: SentenceModel, penaltyRules: PenaltyRule[]): NdaTerms[] {
  const { text, clauses } = model;
  const out: NdaTerms[] = [];
  // A standalone NDA: the document itself is titled 保密协议 — one agreement over the whole text.
  const title =
    text
      .slice(0, 200)
      .split('\n')
      .find((l) => l.trim())
      ?.trim() ?? '';
  if (
    /保密(?:协议|协议书|合同|承诺书)$/.test(title) &&
    !clauses.some((c) => c.category === 'annex' && c.level === 0)
  ) {
    const party =
      /(?:乙\s*方|承诺人|保证人|本人)\s*[：:]\s*([\u4e00-\u9fff·]{2,4})\s*(?:\n|$)/.exec(
        text.slice(0, 400),
      );
    return [
      {
        id: 'nda1',
        source: /个人/.test(title) || party ? 'personal_agreement' : 'agreement',
        title,
        clauseIds: clauses.map((c) => c.id),
        recipientName: party ? party[1] : null,
        ...termsOf(model, { start: 0, end: text.length }, penaltyRules, true),
        span: { start: 0, end: text.length },
      },
    ];
  }
  const annexes = clauses.filter((c) => c.category === 'annex' && c.level === 0);
  const inAnnex = (c: Clause) => annexes.some((a) => c.start >= a.start && c.start < a.end);
  const mainConf = clauses.filter((c) => c.category === 'confidentiality' && !inAnnex(c));
  if (mainConf.length) {
    const tops = mainConf.filter((c) => !mainConf.some((p) => p.id === c.parentId));
    let duration: NdaTerms['duration'] = null;
    const merged = tops.reduce(
      (acc, c) => {
        const t = termsOf(model, { start: c.start, end: c.end }, penaltyRules);
        for (const k of Object.keys(t) as (keyof typeof t)[]) {
          if (k === 'penaltyRuleIds') acc.penaltyRuleIds.push(...t.penaltyRuleIds);
          else if (!acc[k] && t[k]) (acc as Record<string, unknown>)[k] = t[k];
        }
        return acc;
      },
      { penaltyRuleIds: [] as string[] } as Partial<ReturnType<typeof termsOf>> & {
        penaltyRuleIds: string[];
      },
    );
    duration = merged.duration ?? null;
    out.push({
      id: 'nda1',
      source: 'contract_clause',
      title: tops.map((c) => `${c.number} ${c.heading}`.trim()).join('；'),
      clauseIds: mainConf.map((c) => c.id),
      recipientName: null,
      scope: merged.scope ?? null,
      recipients: merged.recipients ?? null,
      duration,
      returnDeadlineDays: merged.returnDeadlineDays ?? null,
      breachNoticeHours: merged.breachNoticeHours ?? null,
      compelledDisclosureNoticeDays: merged.compelledDisclosureNoticeDays ?? null,
      survival: merged.survival ?? null,
      // Every penalty of the main contract for a confidentiality breach, wherever it is worded
      // (often under 违约责任 or 数据安全 rather than the 保密 clause itself).
      penaltyRuleIds: [
        ...new Set([
          ...merged.penaltyRuleIds,
          ...penaltyRules
            .filter((r) => {
              const c = clauses.find((x) => x.id === r.clauseId);
              return r.trigger === 'confidentiality_breach' && !(c && inAnnex(c));
            })
            .map((r) => r.id),
        ]),
      ],
      span: { start: tops[0].start, end: tops[0].end },
    });
  }
  for (const a of annexes) {
    const head = text.slice(a.start, Math.min(a.end, a.start + 200));
    const title = /[^\n]*保密协议[^\n]*/.exec(head)?.[0].trim();
    if (!title) continue;
    const party =
      /(?:乙\s*方|承诺人|保证人|本人)\s*[：:]\s*([\u4e00-\u9fff·]{2,4})\s*(?:\n|$)/.exec(
        text.slice(a.start, Math.min(a.end, a.start + 400)),
      );
    const personal = /个人/.test(title) || !!party;
    const region = { start: a.start, end: a.end };
    out.push({
      id: `nda${out.length + 1}`,
      source: personal ? 'personal_agreement' : 'agreement',
      title,
      clauseIds: clauses.filter((c) => c.start >= a.start && c.start < a.end).map((c) => c.id),
      recipientName: party ? party[1] : null,
      ...termsOf(model, region, penaltyRules, true),
      span: region,
    });
  }
  return out;
}
