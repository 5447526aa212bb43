/**
 * DOCX with tracked changes (修订): Qiyue reads the document as it stands after the changes —
 * insertions (w:ins) in, deletions (w:del / w:delText) out — so a renegotiated amount is the one
 * reviewed. Built from seed 001's DOCX by turning its total into a tracked edit.
 */
import fs from 'node:fs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/main/import/index';
import { analyzeDocument } from '../../shared/domain/analyze';
import { seedPath } from '../support/seeds';
import { minimalDocx } from '../support/docx';

async function withTrackedChange(): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(fs.readFileSync(seedPath('001_18cfc68e7d229bba', 'docx')));
  const xml = await zip.file('word/document.xml')!.async('string');
  const before =
    '<w:r><w:t xml:space="preserve">本合同服务总费用为：人民币¥ 375980.00 元（大写：叁拾柒万伍仟玖佰捌拾元整）。</w:t></w:r>';
  expect(xml).toContain(before);
  const tracked =
    '<w:r><w:t xml:space="preserve">本合同服务总费用为：人民币¥ </w:t></w:r>' +
    '<w:del w:id="901" w:author="审阅人" w:date="2026-11-01T00:00:00Z"><w:r><w:delText xml:space="preserve">375980.00 元（大写：叁拾柒万伍仟玖佰捌拾元整）</w:delText></w:r></w:del>' +
    '<w:ins w:id="902" w:author="审阅人" w:date="2026-11-01T00:00:00Z"><w:r><w:t xml:space="preserve">365980.00 元（大写：叁拾陆万伍仟玖佰捌拾元整）</w:t></w:r></w:ins>' +
    '<w:r><w:t xml:space="preserve">。</w:t></w:r>';
  zip.file('word/document.xml', xml.replace(before, tracked));
  return zip.generateAsync({ type: 'uint8array' });
}

describe('DOCX with tracked changes', () => {
  it('reviews the amount as amended: insertions kept, deletions dropped', async () => {
    const doc = await importFile('tracked.docx', await withTrackedChange());
    expect(doc.text).toContain('365980.00元（大写：叁拾陆万伍仟玖佰捌拾元整）');
    expect(doc.text).not.toContain('375980.00元（大写：叁拾柒万');
    const a = analyzeDocument(doc);
    expect(a.contract.totalAmount).toMatchObject({
      yuan: '365980.00',
      writtenChinese: '叁拾陆万伍仟玖佰捌拾元整',
    });
    // The installments (40 % = 150,392 and 60 % = 225,588) no longer add up to the amended total.
    expect(a.findings.map((f) => f.ruleId)).toContain('amount.installments-mismatch');
  });
});

describe('DOCX with moved text and a deleted paragraph mark', () => {
  it('reads moved text once, where it was moved to, and joins the paragraphs as Word does', async () => {
    const body = [
      '<w:p><w:r><w:t>第一条 服务内容</w:t></w:r></w:p>',
      '<w:p><w:moveFrom w:id="1" w:author="审阅人"><w:r><w:t>乙方每月提交运维报告。</w:t></w:r></w:moveFrom></w:p>',
      '<w:p><w:r><w:t>乙方每日巡检。</w:t></w:r><w:moveTo w:id="2" w:author="审阅人"><w:r><w:t>乙方每月提交运维报告。</w:t></w:r></w:moveTo></w:p>',
      '<w:p><w:pPr><w:rPr><w:del w:id="3" w:author="审阅人"/></w:rPr></w:pPr><w:r><w:t>乙方应配备驻场人员</w:t></w:r></w:p>',
      '<w:p><w:r><w:t>2名。</w:t></w:r></w:p>',
    ].join('');
    const doc = await importFile('moved.docx', await minimalDocx(body));
    expect(doc.text).toBe(
      '第一条 服务内容\n乙方每日巡检。乙方每月提交运维报告。\n乙方应配备驻场人员2名。\n',
    );
    const monthly = analyzeDocument(doc).obligations.filter((o) => o.frequency === 'monthly');
    expect(monthly).toHaveLength(1);
  });
});
