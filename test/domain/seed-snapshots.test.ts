/**
 * The reviewed facts of every seed file (PDF, DOCX, text), kept as committed snapshots, so that a
 * change to the analysis that moves any of them shows up as a diff to review (`vitest -u` after
 * reviewing it). Clause texts and anchors are left out: what is pinned is what the reviewer reads.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { reviewFile } from '../support/corpus';
import { SEED_NAMES, seedPath } from '../support/seeds';
import type { ReviewReport } from '../../shared/domain/report';

function reviewed(r: ReviewReport): unknown {
  const strip = <T extends object>(o: T) => {
    const { anchor, anchors, id, ...rest } = o as Record<string, unknown>;
    void anchor;
    void anchors;
    void id;
    return rest;
  };
  return {
    contract: r.contract,
    clauses: r.clauses.map(
      (c) => `${c.number ?? ''} ${c.heading ?? ''} [${c.category}] p.${c.page}`,
    ),
    penaltyRules: r.penaltyRules.map(strip),
    serviceLevels: r.serviceLevels.map(strip),
    scoreBands: r.scoreBands,
    gradeBands: r.gradeBands,
    obligations: r.obligations.map(strip),
    confidentiality: {
      duration: r.confidentiality.duration,
      records: r.confidentiality.records.map((n) => ({
        source: n.source,
        title: n.title,
        recipientName: n.recipientName,
        terms: n.terms.map((t) => [t.key, t.value]),
      })),
    },
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
    })),
    keyTerms: r.keyTerms.map((t) => [t.key, t.value]),
  };
}

describe('seed reports stay as reviewed', () => {
  for (const name of SEED_NAMES)
    for (const ext of ['pdf', 'docx', 'txt'])
      it(`${name}.${ext}`, async () => {
        const report = await reviewFile(seedPath(name, ext));
        await expect(JSON.stringify(reviewed(report), null, 1) + '\n').toMatchFileSnapshot(
          path.join('__snapshots__', 'seeds', `${name}.${ext}.json`),
        );
      });
});
