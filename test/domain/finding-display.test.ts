/** Findings as a list shows them (shared/domain/findings/display.ts), on seed 004's own findings. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReviewReport } from '../../shared/domain/report';
import { groupFindings, messageWithoutRule } from '../../shared/domain/findings/display';
import { RULE_LABELS } from '../../shared/domain/labels';
import { seedReport } from '../support/seeds';

let report: ReviewReport;
beforeAll(async () => {
  report = await seedReport('004_df6ca03d82af185a');
});

describe('findings as a list shows them', () => {
  it('drops the rule’s own name from the front of its message', () => {
    expect(messageWithoutRule('日期不完整：“2024年 月 日”', '日期不完整')).toBe('“2024年 月 日”');
    expect(messageWithoutRule('栏目“代表人”未填写', '栏目空白')).toBe('栏目“代表人”未填写');
  });

  it('shows seed 004’s two blank 代表人 fields as one line of 2 places', () => {
    const blank = report.findings.filter((f) => f.ruleId === 'field.blank');
    expect(blank).toHaveLength(2);
    const groups = groupFindings(report.findings);
    expect(groups.length).toBe(report.findings.length - 1);
    const g = groups.find((x) => x.first.ruleId === 'field.blank')!;
    expect(g.all).toHaveLength(2);
    expect(messageWithoutRule(g.first.message, RULE_LABELS['field.blank'])).toContain('代表人');
  });
});
