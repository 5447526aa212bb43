/**
 * A tender (招标文件) with the contract as one chapter inside, as plain text with single line
 * breaks: the contract chapter's terms are read, the tender's own amounts (budget, ceiling, bid
 * bond) are not taken for the contract's, and the blank template fields stay blank.
 *
 * The same tender as a PDF printed by Chromium (`make-tender-pdf.ts`), the way real tenders come:
 * a running header and a `第 N 页 共 M 页` footer on every page, the late-delivery penalty
 * sentence running across a page break, and a ToUnicode map that gives Kangxi and supplement
 * radicals (`⽅` U+2F45, `⻚` U+2EDA) for 方 and 页. It must read exactly as the text does.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/main/import/index';
import { loadPdfJs, pdfDocumentOptions } from '../../electron/main/import/pdf';
import { analyzeDocument } from '../../shared/domain/analyze';
import { anchorFor } from '../../shared/domain/document';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../fixtures');
const file = path.join(fixtures, 'tender-with-contract-chapter.txt');
const pdf = path.join(fixtures, 'tender-with-running-header.pdf');

/** The PDF's text items as pdf.js gives them, pages joined, before Qiyue's import. */
async function rawPdfText(f: string): Promise<string> {
  const pdfjs = await loadPdfJs();
  const task = pdfjs.getDocument(pdfDocumentOptions(new Uint8Array(fs.readFileSync(f))));
  const doc = await task.promise;
  let text = '';
  for (let p = 1; p <= doc.numPages; p++) {
    const content = await (await doc.getPage(p)).getTextContent();
    text += content.items.map((i) => ('str' in i ? i.str : '')).join('') + '\n';
  }
  await task.destroy();
  return text;
}

async function read(f: string) {
  const doc = await importFile(f, new Uint8Array(fs.readFileSync(f)));
  return { doc, a: analyzeDocument(doc) };
}

describe('a tender with the contract as a chapter', () => {
  it.each([
    ['plain text', file],
    ['PDF with running header, footer and radicals', pdf],
  ])('reads the contract chapter and invents nothing (%s)', async (_, f) => {
    const { a } = await read(f);
    expect(a.contract.title).toBe('政府采购服务合同');
    // The number is on the tender's cover, outside the contract chapter (REPORT.md: the contract's
    // facts come from its chapter alone).
    expect(a.contract.projectNumbers).toEqual([]);
    expect(a.contract.parties).toEqual([
      {
        role: 'partyA',
        name: '某市大数据管理局',
        legalRepresentative: null,
        address: null,
        phone: null,
      },
    ]);
    expect(a.contract.totalAmount).toBeNull(); // the template's amount is blank; the budget is not the price
    expect(a.contract.performanceBond).toBeNull(); // a bid bond (投标保证金) is not a performance bond
    expect(a.contract.paymentInstallments.map((i) => [i.percent, i.condition])).toEqual([
      ['60', '合同签订后10个工作日内'],
      ['40', '验收合格后10个工作日内'],
    ]);
    expect(
      a.penaltyRules.map((r) => [
        r.payer,
        r.trigger,
        r.kind,
        r.percent,
        r.base,
        r.terminationAfterDays,
      ]),
    ).toEqual([
      ['partyB', 'late_delivery', 'per_day', '0.5', 'contract_total', 20],
      ['partyA', 'late_payment', 'per_day', '0.05', 'overdue_amount', null],
    ]);
    // The limits of 第三章 采购需求 are the tender's requirements, not the contract chapter's.
    expect(a.serviceLevels).toEqual([]);
    expect(a.scope).toMatchObject({ whole: false, heading: '第四章 合同条款及格式' });
    expect(a.findings.map((f) => f.ruleId)).toEqual(
      expect.arrayContaining(['penalty.asymmetric', 'date.incomplete']),
    );
  });

  it('drops the PDF’s running header and page footers and joins the sentence across the page break', async () => {
    const pdfText = (await read(pdf)).doc.text;
    const plain = fs.readFileSync(file, 'utf8');
    // The raw PDF really has radicals and page furniture (else this test proves nothing).
    const raw = await rawPdfText(pdf);
    expect(raw).toMatch(/[\u2e80-\u2fdf]/);
    expect(raw.match(/第\s*\d\s*[页⻚]\s*共\s*4\s*[页⻚]/g)).toHaveLength(4);
    expect(pdfText).not.toMatch(/[\u2e80-\u2fdf]/);
    expect(pdfText).not.toMatch(/第\d页共\d页/);
    // The header's words appear exactly as often as in the tender's own text (its cover).
    const count = (t: string, w: string) => t.split(w).length - 1;
    expect(count(pdfText, '招标文件')).toBe(count(plain, '招标文件'));
    const { doc, a } = await read(pdf);
    const late = a.penaltyRules.find((r) => r.trigger === 'late_delivery')!;
    const anchor = anchorFor(doc, late.span.start, late.span.end);
    expect(anchor.quote).toContain('每延期一日，乙方应按合同总价的0.5%向甲方支付违约金');
    // Highlighted on both pages it runs over.
    expect(new Set(anchor.positions.map((p) => p.pageIndex))).toEqual(new Set([2, 3]));
  });
});

describe('a tender with a bid scoring table before the contract chapter', () => {
  it('does not read the scoring criteria as service levels, and the penalty after the table is read', async () => {
    const { a } = await read(path.join(fixtures, 'tender-with-scoring-table.txt'));
    // `承诺2小时内到场得10分` scores bids; it binds nobody.
    expect(a.serviceLevels.map((s) => [s.metric, s.minutes])).toEqual([['response', 30]]);
    // A table row never runs on into the next sentence (which used to hide this penalty).
    expect(a.penaltyRules.map((r) => [r.payer, r.trigger, r.kind, r.percent])).toEqual([
      ['partyB', 'late_delivery', 'per_day', '0.5'],
    ]);
    // The announcement's 服务期限 stands outside the contract chapter, which states none.
    expect(a.contract.servicePeriod).toBeNull();
    expect(a.contract.totalAmount).toBeNull(); // the budget is not the price
  });
});
