/** Clause citations (shared/domain/clauses/cite.ts) on a seed's real clause tree. */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReviewReport } from '../../shared/domain/report';
import { clauseCiter } from '../../shared/domain/clauses/cite';
import { seedReport } from '../support/seeds';

let report: ReviewReport;
let cite: ReturnType<typeof clauseCiter>;
beforeAll(async () => {
  report = await seedReport('004_df6ca03d82af185a');
  cite = clauseCiter(report.clauses);
});

describe('clause citations', () => {
  it('cites by number path and heading, the preamble by its heading', () => {
    expect(cite('c0')?.text).toBe('首部');
    expect(cite('c1')?.text).toBe('一、服务内容');
    expect(cite('c3')?.text).toBe('一、1.(1) 服务器巡检');
  });

  it('cites every penalty rule and finding of the seed', () => {
    for (const p of report.penaltyRules) expect(cite(p.clauseId), p.id).not.toBeNull();
    for (const f of report.findings) expect(cite(f.clauseIds), f.ruleId).not.toBeNull();
  });

  it('takes the first id it knows, and null for none', () => {
    expect(cite(['nope', 'c3'])?.clauseId).toBe('c3');
    expect(cite(null)).toBeNull();
    expect(cite([])).toBeNull();
    expect(cite('nope')).toBeNull();
  });
});
