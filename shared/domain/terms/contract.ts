/**
 * The `contract` block of REPORT.md: title, contract and project numbers, parties, signing
 * date, service period (服务期限), total amount with its 大写 form and tax split, performance
 * bond (履约保证金) and payment installments (分期付款). Every value keeps the offsets of the
 * text it was read from, so the app can show it in the PDF.
 */
import Decimal from 'decimal.js';
import type { Clause } from '../clauses/parse';
import type { SentenceModel } from '../sentences/model';
import { clauseAt } from '../clauses/parse';
import { linesOf } from './text-lines';
import { extractParties } from './parties';
import { extractNumbers, extractTitle, extractSignedOn } from './particulars';
import { extractServicePeriod } from './period';
import { extractTotal, extractTax, extractBond } from './amounts';
import { extractInstallments } from './installments';

/** A span of the document's text that a term was read from. */
export interface Span {
  start: number;
  end: number;
}

/** A party (当事人): role `partyA` (甲方, purchaser) or `partyB` (乙方, supplier). */
export interface Party {
  role: 'partyA' | 'partyB';
  name: string;
  legalRepresentative: string | null;
  address: string | null;
  phone: string | null;
}

/** One payment installment (分期付款): percent of the total and/or yuan, and its condition. */
export interface Installment {
  sequence: number;
  percent: string | null;
  yuan: string | null;
  condition: string;
  clauseId: string | null;
  /** Whether `yuan` is written in the contract or computed here from percent × total. */
  yuanStated: boolean;
}

/** REPORT.md `contract` block. Money in yuan (two-place strings), percentages as strings. */
export interface ContractBlock {
  title: string | null;
  contractNumbers: string[];
  projectNumbers: string[];
  parties: Party[];
  signedOn: string | null;
  servicePeriod: {
    start: string | null;
    end: string | null;
    months: number | null;
    text: string;
  } | null;
  totalAmount: {
    yuan: string;
    writtenChinese: string | null;
    taxRatePercent: string | null;
    yuanExcludingTax: string | null;
    taxYuan: string | null;
  } | null;
  performanceBond: { percent: string | null; yuan: string | null } | null;
  paymentInstallments: Installment[];
}

/** A key term with where it came from, for the key-terms panel and the PDF highlight. */
export interface KeyTerm {
  /** Stable key, e.g. `totalAmount`, `partyA.name`, `installment.1`. */
  key: string;
  /** Chinese label for the UI. */
  label: string;
  /** Display value (money as a two-place yuan string). */
  value: string;
  span: Span;
  clauseId: string | null;
}

/** The contract block and the evidence for each of its values. */
export interface ContractExtraction {
  contract: ContractBlock;
  terms: KeyTerm[];
}

/**
 * The contract block and key terms of a document (REPORT.md `contract`), read from its lines and
 * its sentence model.
 */
export function extractContract(model: SentenceModel): ContractExtraction {
  const { text, clauses } = model;
  const lines = linesOf(text);
  const terms: KeyTerm[] = [];
  const at = (span: Span) => clauseAt(clauses, span.start)?.id ?? null;
  const title = extractTitle(lines);
  if (title)
    terms.push({
      key: 'title',
      label: '合同名称',
      value: title.value,
      span: title.span,
      clauseId: at(title.span),
    });
  const contractNumbers = extractNumbers(text, /合同编号|合同号/);
  contractNumbers.forEach((n, i) =>
    terms.push({
      key: `contractNumber.${i + 1}`,
      label: '合同编号',
      value: n.value,
      span: n.span,
      clauseId: at(n.span),
    }),
  );
  const projectNumbers = extractNumbers(
    text,
    /项目编号|采购编号|项目编码|采购项目编号|招标编号|采购计划编号|招标项目编号|询价编号|磋商编号|谈判编号/,
  );
  projectNumbers.forEach((n, i) =>
    terms.push({
      key: `projectNumber.${i + 1}`,
      label: '项目编号',
      value: n.value,
      span: n.span,
      clauseId: at(n.span),
    }),
  );
  const parties = extractParties(text, lines, clauses, terms);
  const signed = extractSignedOn(text, clauses);
  if (signed)
    terms.push({
      key: 'signedOn',
      label: '签订日期',
      value: signed.value,
      span: signed.span,
      clauseId: at(signed.span),
    });
  const period = extractServicePeriod(model, signed?.value ?? null);
  if (period) {
    const p = period.value;
    const value = [
      p.start && p.end ? `${p.start} 至 ${p.end}` : p.end ? `至 ${p.end}` : null,
      p.months ? `${p.months} 个月` : null,
    ]
      .filter(Boolean)
      .join('，');
    terms.push({
      key: 'servicePeriod',
      label: '服务期限',
      value: value || p.text,
      span: period.span,
      clauseId: at(period.span),
    });
  }
  const total = extractTotal(model);
  const totalYuan = total ? new Decimal(total.value.yuan) : null;
  if (total) {
    const tax = extractTax(model, totalYuan);
    if (tax) {
      total.value.taxRatePercent = tax.taxRatePercent;
      total.value.yuanExcludingTax = tax.yuanExcludingTax;
      total.value.taxYuan = tax.taxYuan;
      terms.push({
        key: 'tax',
        label: '税率',
        value: `${tax.taxRatePercent}%`,
        span: tax.span,
        clauseId: at(tax.span),
      });
    }
    terms.push({
      key: 'totalAmount',
      label: '合同总金额',
      value: total.value.yuan,
      span: total.span,
      clauseId: at(total.span),
    });
    if (total.writtenSpan && total.value.writtenChinese)
      terms.push({
        key: 'totalAmount.written',
        label: '大写金额',
        value: total.value.writtenChinese,
        span: total.writtenSpan,
        clauseId: at(total.writtenSpan),
      });
  }
  const bond = extractBond(model, totalYuan);
  if (bond)
    terms.push({
      key: 'performanceBond',
      label: '履约保证金',
      value: [bond.value.percent ? `${bond.value.percent}%` : null, bond.value.yuan]
        .filter(Boolean)
        .join(' · '),
      span: bond.span,
      clauseId: at(bond.span),
    });
  const paymentInstallments = extractInstallments(model, totalYuan, terms);
  return {
    contract: {
      title: title?.value ?? null,
      contractNumbers: contractNumbers.map((n) => n.value),
      projectNumbers: projectNumbers.map((n) => n.value),
      parties,
      signedOn: signed?.value ?? null,
      servicePeriod: period?.value ?? null,
      totalAmount: total?.value ?? null,
      performanceBond: bond?.value ?? null,
      paymentInstallments,
    },
    terms,
  };
}

export { installmentCondition } from './installments';
