/**
 * Two clauses of the same category side by side, with a Chinese-aware word diff — from two
 * contracts, or a contract's clause against the playbook's standard wording.
 */
import { useMemo, useState } from 'react';
import { CATEGORY_LABELS, type ClauseCategory } from '../../../../shared/domain/clauses/categories';
import { diffClauses } from '../../../../shared/domain/compare/diff';
import type { ReviewReport } from '../../lib/report-types';

interface Source {
  id: string;
  title: string;
  report: ReviewReport;
}

/** A clause to compare that is not in a contract: the playbook's standard wording. */
export interface StandardClause {
  key: string;
  category: ClauseCategory;
  label: string;
  text: string;
}

export function ClauseDiff({
  sources,
  standards = [],
}: {
  sources: Source[];
  standards?: StandardClause[];
}) {
  const options = useMemo(
    () => [
      ...sources.flatMap((s) =>
        s.report.clauses
          .filter((c) => c.text.length > 20)
          .map((c) => ({
            key: `${s.id}:${c.id}`,
            category: c.category,
            label: `${s.title.slice(0, 16)} · ${c.number} ${c.heading}`.trim(),
            text: c.text,
          })),
      ),
      ...standards.filter((s) => s.text.trim()),
    ],
    [sources, standards],
  );
  const categories = [...new Set(options.map((o) => o.category))] as ClauseCategory[];
  const [category, setCategory] = useState<ClauseCategory>(
    categories.includes('liability') ? 'liability' : categories[0],
  );
  const inCategory = options.filter((o) => o.category === category);
  const [left, setLeft] = useState<string>('');
  const [right, setRight] = useState<string>('');
  const a = inCategory.find((o) => o.key === left) ?? inCategory[0];
  const b = inCategory.find((o) => o.key === right) ?? inCategory[1] ?? inCategory[0];
  const parts = a && b ? diffClauses(a.text, b.text) : [];
  return (
    <section className="clause-diff" data-testid="clause-diff">
      <h2>条款对比</h2>
      <div className="diff-controls">
        <select
          value={category}
          onChange={(e) => setCategory(e.target.value as ClauseCategory)}
          aria-label="条款类别"
          data-testid="diff-category"
        >
          {categories.map((c) => (
            <option key={c} value={c}>
              {CATEGORY_LABELS[c]}
            </option>
          ))}
        </select>
        <select
          value={a?.key ?? ''}
          onChange={(e) => setLeft(e.target.value)}
          aria-label="左侧条款"
          data-testid="diff-left"
        >
          {inCategory.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
        <select
          value={b?.key ?? ''}
          onChange={(e) => setRight(e.target.value)}
          aria-label="右侧条款"
          data-testid="diff-right"
        >
          {inCategory.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <div className="diff-columns">
        <div className="diff-side" data-testid="diff-a">
          {parts
            .filter((p) => p.type !== 'added')
            .map((p, i) =>
              p.type === 'removed' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>,
            )}
        </div>
        <div className="diff-side" data-testid="diff-b">
          {parts
            .filter((p) => p.type !== 'removed')
            .map((p, i) =>
              p.type === 'added' ? <ins key={i}>{p.text}</ins> : <span key={i}>{p.text}</span>,
            )}
        </div>
      </div>
    </section>
  );
}
