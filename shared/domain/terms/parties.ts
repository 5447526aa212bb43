/**
 * The parties of the contract (REPORT.md `contract.parties`): name, legal representative, address
 * and phone under any party label of the lexicon, names wrapped over lines, blanks never a name.
 */
import { hasPlaceholder, isBlankValue as isBlank } from '../recognize/blanks';
import type { Clause } from '../clauses/parse';
import { clauseAt } from '../clauses/parse';
import { labelRole } from '../resolve/parties';
import { MAIN_PARTY_SOURCE, PARTY_WORD_SOURCE } from '../lexicon/parties';
import { type Party, type KeyTerm } from './contract';
import { type Line } from './text-lines';

const ORG_SUFFIX =
  /(公司|中心|局|厅|院|委员会|集团|研究所|大学|学院|医院|银行|办公室|委|处|站|所|馆|部|社|会|队|校|行|厂|店)$/;

/** A party's label line: `甲方：…`, `采购人名称：…`, `委托人（甲方）：…`, `乙方（受托方）：…`. */
const PARTY_LABEL = new RegExp(
  `^(${PARTY_WORD_SOURCE})(?:名称|全称)?(?:\\s*[（(]([^）)]{1,10})[）)])?\\s*[：:]\\s*(.*)$`,
);

/** A value left to be filled in (`__________`, `【 】`, `{{乙方名称}}`, `[合同中心-供应商名称]`). */
function isBlankValue(value: string): boolean {
  return isBlank(value) || hasPlaceholder(value);
}

function cleanName(name: string): string {
  return unbracket(name)
    .replace(/[（(](?:盖章|章|公章|签章|签字)[)）]/g, '')
    .replace(/\s+/g, '')
    .replace(/[，。；;,]+$/, '');
}

/** A filled-in template field keeps its brackets (`[千寻智能(杭州)科技有限公司]`): they are not the value. */
function unbracket(value: string): string {
  const t = value.trim();
  return /^\[[^\[\]]+\]$|^【[^【】]+】$/.test(t) ? t.slice(1, -1).trim() : t;
}

export function extractParties(
  text: string,
  lines: Line[],
  clauses: Clause[],
  terms: KeyTerm[],
): Party[] {
  const found = new Map<string, { party: Party; priority: number }>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    const trimmed = line.text.trim();
    const m = PARTY_LABEL.exec(trimmed);
    if (!m) continue;
    const role = labelRole(m[1], m[2]);
    if (!role) continue;
    // An underlined blank left before a filled-in value (`甲方：____某市大数据管理局`) is not part of it.
    // A note between the colon and the name (`甲方：（用工单位）:厦门国际银行…`) is not part of it.
    const note = /^[（(][^（()）]{1,10}[)）]\s*[:：]?\s*(?=\S)/.exec(m[3].trim())?.[0].length ?? 0;
    const underlined = note || (/^[_＿]+(?=[^_＿\s])/.exec(m[3].trim())?.[0].length ?? 0);
    let rawName = m[3].trim().slice(underlined);
    const nameOffset = line.start + line.text.indexOf(trimmed) + trimmed.length - m[3].length;
    const lead = m[3].length - m[3].trimStart().length + underlined;
    let name = cleanName(rawName);
    if (!name || name.length > 50 || /[：:]/.test(name) || /^[（(]/.test(name)) continue;
    if (isBlankValue(rawName) || isBlankValue(name)) continue; // a blank (`甲方：____`, `[合同中心-…]`)
    if (/^[\u4e00-\u9fff]{2,3}$/.test(name) && !ORG_SUFFIX.test(name)) continue; // a person, e.g. 乙方：王为昌
    let end = nameOffset + lead + rawName.length;
    // A name wrapped onto the next line: 管理委员会综合 / 事务中心.
    const next = lines[i + 1]?.text.trim();
    if (next && !ORG_SUFFIX.test(name) && next.length <= 12 && !/[：:，。]/.test(next)) {
      const joined = cleanName(name + next);
      if (ORG_SUFFIX.test(joined)) {
        name = joined;
        end = lines[i + 1].start + lines[i + 1].text.indexOf(next) + next.length;
        rawName += next;
      }
    }
    const priority = new RegExp(MAIN_PARTY_SOURCE).test(m[1] + (m[2] ?? '')) ? 1 : 2;
    const prev = found.get(role);
    const sameParty = prev && prev.party.name === name;
    if (prev && prev.priority <= priority && !sameParty) continue;
    const party: Party = sameParty
      ? prev!.party
      : { role, name, legalRepresentative: null, address: null, phone: null };
    // The party's block: following lines until the next party label.
    const termList: KeyTerm[] = [];
    const span = {
      start: nameOffset + lead,
      end: Math.min(end, nameOffset + lead + rawName.length),
    };
    if (!sameParty)
      termList.push({
        key: `${role}.name`,
        label: role === 'partyA' ? '甲方' : '乙方',
        value: name,
        span: { start: nameOffset + lead, end },
        clauseId: clauseAt(clauses, span.start)?.id ?? null,
      });
    for (let j = i + 1; j < Math.min(lines.length, i + 12); j++) {
      const t = lines[j].text;
      if (PARTY_LABEL.test(t.trim())) break;
      const rep =
        /(?:法定代表人|法人代表人|法人代表|法定代表|(?<!项目|技术|驻场|运维|现场|业务)负责人)(?:或授权代表)?(?:\s*[（(][^）)]{1,8}[)）])?\s*[：:]\s*([\u4e00-\u9fff·]{2,6})/.exec(
          t,
        );
      if (rep && !party.legalRepresentative) {
        party.legalRepresentative = rep[1];
        const s = lines[j].start + rep.index + rep[0].length - rep[1].length;
        termList.push({
          key: `${role}.legalRepresentative`,
          label: role === 'partyA' ? '甲方法定代表人' : '乙方法定代表人',
          value: rep[1],
          span: { start: s, end: s + rep[1].length },
          clauseId: clauseAt(clauses, s)?.id ?? null,
        });
      }
      const addr = /(?:通信地址|通讯地址|注册地址|单位地址|住所地|住所|地址)\s*[：:]\s*(.+)$/.exec(
        t,
      );
      if (addr && !party.address && !isBlankValue(addr[1])) party.address = unbracket(addr[1]);
      const phone =
        /(?:联系电话|电话|联系方式|手机号码|手机)\s*[：:]\s*([0-9][0-9\-— ]{6,}[0-9])/.exec(t);
      if (phone && !party.phone) party.phone = phone[1].replace(/\s+/g, '');
    }
    if (!sameParty) {
      found.set(role, { party, priority });
      for (let k = terms.length - 1; k >= 0; k--)
        if (terms[k].key.startsWith(`${role}.`)) terms.splice(k, 1);
    }
    terms.push(...termList);
  }
  void text;
  return (['partyA', 'partyB'] as const).flatMap((r) =>
    found.get(r) ? [found.get(r)!.party] : [],
  );
}

/**
 * An identifier as Chinese contracts write them: `HT-2025-0117`, `ZB2026-0088`, `京财采（2026）第15号`,
 * `【NMG-2026-001】` (brackets around the whole number dropped), `[2026]0088`. One token without
 * spaces or sentence punctuation, with a digit in it and no label words run on into it.
 */
