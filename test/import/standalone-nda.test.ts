/**
 * A standalone 保密协议 beyond the seeds: 披露方 / 接收方 beside 甲方 / 乙方, a duration in Chinese
 * numerals (`保密期限为五年`), a fixed-sum penalty, and a signature block whose date stands
 * against `日期：` after the seals. Read as one agreement, every NDA term filled in.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../electron/main/import/index';
import { analyzeDocument } from '../../shared/domain/analyze';
import { buildReport } from '../../shared/domain/report';
import { checkNdaAgainstPlaybook, DEFAULT_PLAYBOOK } from '../../shared/domain/nda/playbook';

const file = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../fixtures/standalone-nda-fixed-penalty.txt',
);

describe('a standalone NDA with a fixed-sum penalty', () => {
  it('reads parties, signing date, every NDA term and the penalty', async () => {
    const doc = await importFile(file, new Uint8Array(fs.readFileSync(file)));
    const a = analyzeDocument(doc);
    const source = {
      fileName: path.basename(file),
      sha256: '0',
      format: doc.format,
      pageCount: null,
    };
    const report = buildReport(source, doc, a);
    expect(report.contract.title).toBe('保密协议');
    expect(report.contract.parties.map((p) => [p.role, p.name])).toEqual([
      ['partyA', '某省财政厅'],
      ['partyB', '某某信息技术有限公司'],
    ]);
    expect(report.contract.signedOn).toBe('2026-03-01');
    expect(report.confidentiality.duration).toBe('五年');
    const [nda] = report.confidentiality.records;
    expect(report.confidentiality.records).toHaveLength(1);
    const term = (k: string) => nda.terms.find((t) => t.key === k)?.value;
    expect(term('scope')).toMatch(
      /^保密信息，是指甲方以书面、电子或口头等任何形式.*其他未公开的信息$/,
    );
    expect(term('recipients')).toBe('仅可向因履行本项目而确需知悉的员工');
    expect(term('returnDeadlineDays')).toBe(7);
    expect(term('breachNoticeHours')).toBe(24);
    expect(term('compelledDisclosureNoticeDays')).toBe(5);
    expect(term('survival')).toContain('保密义务继续有效');
    const penalties = report.penaltyRules.filter((p) => nda.penaltyRuleIds.includes(p.id));
    // Any breach of a confidentiality agreement is a confidentiality breach.
    expect(penalties.map((p) => [p.payer, p.trigger, p.kind, p.percent, p.yuan])).toEqual([
      ['partyB', 'confidentiality_breach', 'lump_sum', null, '500000.00'],
      // …and its top-up (`违约金不足以弥补甲方损失的，乙方还应赔偿`), an actual-loss rule.
      ['partyB', 'confidentiality_breach', 'actual_loss', null, null],
    ]);
    // A fixed sum is a stated penalty: no blank-rate finding, no “no penalty” deviation.
    expect(report.findings.map((f) => f.ruleId)).not.toContain('field.blank');
    const deviations = checkNdaAgainstPlaybook(report, DEFAULT_PLAYBOOK).map((d) => d.position);
    expect(deviations).not.toContain('penalty');
    // Five years (in Chinese numerals) is read as five years: no duration deviation.
    expect(deviations).not.toContain('duration');
  });
});

describe('a personal confidentiality undertaking (个人保密承诺书)', () => {
  it('is read as a personal agreement with its promisor, duration after leaving, and liability', async () => {
    const f = path.resolve(path.dirname(file), 'personal-nda-undertaking.txt');
    const doc = await importFile(f, new Uint8Array(fs.readFileSync(f)));
    const a = analyzeDocument(doc);
    expect(a.contract.title).toBe('个人保密承诺书');
    expect(a.contract.signedOn).toBe('2026-03-01');
    expect(a.ndaTerms).toHaveLength(1);
    const [nda] = a.ndaTerms;
    expect(nda.source).toBe('personal_agreement');
    expect(nda.recipientName).toBe('王为昌');
    expect(nda.duration?.value).toBe('离职后三年');
    expect(nda.returnDeadlineDays?.value).toBe(3);
    // 本人 (the promisor, the supplier's staff) answers for the actual loss of a breach.
    const rules = a.penaltyRules.filter((r) => nda.penaltyRuleIds.includes(r.id));
    expect(rules.map((r) => [r.payer, r.trigger, r.kind])).toEqual([
      ['partyB', 'confidentiality_breach', 'actual_loss'],
    ]);
  });
});
