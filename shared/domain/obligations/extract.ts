/**
 * Obligations, first pass (REPORT.md `obligations[]`): who must do what, how often, by when,
 * with which deliverable. Frequencies from 每日/每周/每月/每季度/每半年/每年 (and 按月, 月报,
 * 年度报告 …), one-off duties from deadlines (`验收通过后的一个月内，乙方须向甲方提交…`),
 * event-driven duties from `发现…立即…`, continuous ones from `7×24小时`.
 */
import { clausePieces, type SentenceModel } from '../sentences/model';
import { ANY_PARTY_SOURCE } from '../lexicon/parties';
import { COUNT_CHARS } from '../lexicon/numerals';
import { durationUnitSource } from '../recognize/durations';
import { FREQUENCIES, type Frequency, type Obligation } from './types';
import { listIntroParty, whoActs } from '../resolve/parties';
import { tableObligations } from './table';

export type { Frequency, Obligation } from './types';

const LEADING_PARTY = new RegExp(`^(?:${ANY_PARTY_SOURCE})?(?:应|须|需)?(?:在|于)?`);

/** The day of the month a monthly duty is due by: `每月5日前`, `每月十日之前`, `每月5号以前`. */
export const MONTH_DAY = new RegExp(
  String.raw`每(?:个)?月\s*([\d${COUNT_CHARS}]{1,3})\s*(?:日|号)\s*(?:前|之前|以前|内)`,
);

/** A leading item number (`3.`, `（二）`) before a duty's text. */
const LEADING_NUMBER = new RegExp(String.raw`^[\s(（]*[\d${COUNT_CHARS}.．]+[)）.．、]?\s*`);
/** A leading label (`①巡检：`, `2、月报：`) before a duty's text. */
const LEADING_LABEL = new RegExp(String.raw`^[①-⑳\d.、（）()${COUNT_CHARS}]*\s*[^：:]{0,12}[：:]`);

const DUTY = /应|须|需|必须|负责|承诺|保证|有义务|提交|提供|开展|进行|完成|巡检|组织|输出|汇总/;
const ONCE = new RegExp(
  String.raw`(?:后|起)(?:的)?\s*[【\[]?\s*([\d${COUNT_CHARS}]+)\s*[】\]]?\s*(?:个)?(?:${durationUnitSource(['day', 'workday', 'month', 'week'], { bareMonth: true })})(?:内|之内|以内)`,
);
const EVENT =
  /(?:发现|发生|出现|接到|收到|如遇|遇有|遇到|一旦)[^，。；]{1,20}(?:后|时)?[^，。；]{0,10}(?:立即|及时|第一时间|马上|有义务)|^有义务(?:立即|及时|第一时间|马上)|经[^，。；]{1,8}(?:提出|书面)?要求(?:后|时)?/;
/** A duty due when the work or the term ends (`本年度运维工作结束时`, `服务期满后15个工作日内`). */
const AT_END = /(?:结束|期满|届满|终止|完成|完工)(?:时|后|之日)/;
/** The phrase before the current one (`本年度运维工作结束时，` → `本年度运维工作结束时`), in linear time. */
function lastPhraseOf(before: string): string {
  let end = before.length;
  while (end > 0 && /[，,；;、\s]/.test(before[end - 1])) end--;
  let i = end - 1;
  while (i >= 0 && !'，,；;。、\t\n'.includes(before[i])) i--;
  return before.slice(i + 1, end);
}

/** Handing something over, what a duty at the end is (`提交总结报告`, `移交资料`). */
const HANDOVER = /提交|移交|报送|交付|返还|归还|销毁|交还/;
/** A deadline after each of a recurring event (`每家子公司驻厂结束后7个工作日内`): on event. */
const EACH = /每(?:次|家|个|项|批|轮|期|一次)/;

/** Reads obligations from every sentence, table cell and service-table row of the document. */
export function extractObligations(model: SentenceModel): Obligation[] {
  const { text, clauses, roles } = model;
  const out: Obligation[] = [];
  const seen = new Set<string>();
  const table = tableObligations(text, clauses, roles);
  // The rows read as a table are blanked (offsets kept) for the sentence pass.
  const parts: string[] = [];
  let last = 0;
  for (const r of table.rows) {
    parts.push(text.slice(last, r.start), ' '.repeat(r.end - r.start));
    last = r.end;
  }
  parts.push(text.slice(last));
  const masked = parts.join('');
  const pending: (Omit<Obligation, 'id'> & { at: number })[] = table.found.map((o) => ({
    ...o,
    at: o.span.start,
  }));
  // A sentence does not run on into the next clause (`…。\n二、其他\n乙方应…`).
  for (const { span: sentence, clause } of clausePieces(model)) {
    const seg = table.rows.length
      ? masked.slice(sentence.start, sentence.end)
      : text.slice(sentence.start, sentence.end);
    if (!seg.trim()) continue; // a row read as a table above
    if (/违约金|赔偿|扣\s*\d|扣分|加\s*\d+(?:\.\d+)?\s*分/.test(seg)) continue; // penalties and scoring rows
    const sentenceDeliverable = /《[^》]{2,30}》/.exec(seg)?.[0] ?? null;
    // What the whole sentence says, read once for all its phrases (linear in its length).
    const sentenceHasDuty = DUTY.test(seg);
    const sentencePays = /支付|付款|发票/.test(seg);
    const phraseRe = /[^，,；;。、\t\n]+/g;
    for (let p = phraseRe.exec(seg); p; p = phraseRe.exec(seg)) {
      const phrase = p[0].trim();
      if (phrase.length < 4) continue;
      const before = seg.slice(0, p.index);
      const after = seg.slice(p.index + p[0].length);
      let frequency: Frequency | null = FREQUENCIES.find(([, re]) => re.test(phrase))?.[0] ?? null;
      let deadline: string | null = null;
      let endsWork = false;
      if (!frequency) {
        const once = ONCE.exec(phrase);
        const lastPhrase = lastPhraseOf(before);
        const ending =
          !once &&
          AT_END.test(`${lastPhrase}${phrase}`) &&
          HANDOVER.test(phrase) &&
          /应|须|需|必须|负责|有义务|及时|按时/.test(phrase) &&
          !/不得|禁止|严禁/.test(phrase);
        if ((once || ending) && sentenceHasDuty && !sentencePays) {
          frequency = EACH.test(phrase) || (ending && EACH.test(lastPhrase)) ? 'on_event' : 'once';
          // At the end (`本年度运维工作结束时，乙方应提交…`): the end is the deadline, the phrase the duty.
          endsWork = !once;
          deadline = (
            once
              ? phrase.slice(0, once.index + once[0].length)
              : AT_END.test(lastPhrase)
                ? lastPhrase
                : phrase
          )
            .replace(LEADING_NUMBER, '')
            .replace(LEADING_PARTY, '');
        } else if (
          EVENT.test(phrase) ||
          // `发现安全事件后，乙方应立即报告甲方`: the event and the duty in adjacent phrases.
          (/立即|第一时间|马上/.test(phrase) &&
            EVENT.test(`${before.slice(-24)}${phrase}`.replace(/[，,]/g, '')))
        )
          frequency = 'on_event';
      }
      if (!frequency || !sentenceHasDuty) continue;
      // A monthly duty's day of the month (`每月5日前提交上月《运维月报》`).
      if (frequency === 'monthly') deadline = MONTH_DAY.exec(phrase)?.[0] ?? null;
      // The party named before the phrase is looked for in the 400 characters before it.
      const party = whoActs(phrase, before.slice(-400), after, clause, roles, () =>
        listIntroParty(masked, sentence.start, clause),
      );
      if (!party) continue;
      // The duty itself: the phrase, or for a deadline phrase (`服务期满后30日内`) what follows it.
      const clean = phrase.replace(/<\/?[a-z][^>]*>/gi, '').trim();
      // A flattened table row (`序号 服务名称 … ①日常巡检：网站每日巡检1次`): the text after its last colon.
      const tail =
        clean.length > 30 && /[：:]/.test(clean)
          ? clean.slice(Math.max(clean.lastIndexOf('：'), clean.lastIndexOf(':')) + 1)
          : clean;
      const own = tail.replace(LEADING_LABEL, '').trim() || tail;
      const action =
        frequency === 'once' && !endsWork && after.replace(/^[，,\s]+/, '').length > 2
          ? after
              .replace(/^[，,\s]+/, '')
              .replace(/[。；;]$/, '')
              .slice(0, 60)
          : own;
      const context = seg.replace(/\s+/g, '').slice(0, 120);
      const deliverable = /《[^》]{2,30}》/.exec(phrase)?.[0] ?? sentenceDeliverable;
      const key = `${party}|${frequency}|${phrase}`;
      if (seen.has(key)) continue;
      seen.add(key);
      pending.push({
        at: sentence.start + p.index,
        clauseId: clause?.id ?? null,
        party,
        action,
        context,
        frequency,
        deadline,
        deliverable,
        span: {
          start: sentence.start + p.index + (p[0].length - p[0].trimStart().length),
          end: sentence.start + p.index + p[0].trimEnd().length,
        },
      });
    }
  }
  for (const o of pending.sort((a, b) => a.at - b.at)) {
    const { at: _at, ...obligation } = o;
    void _at;
    out.push({ id: `o${out.length + 1}`, ...obligation });
  }
  return out;
}
