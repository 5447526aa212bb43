/**
 * Two clauses side by side, with a Chinese-aware word diff — from two contracts, or a contract's
 * clause against the playbook's standard wording. Each side's clause is picked from a list that
 * the reviewer narrows by category and by typing (number, heading, contract or any words of the
 * clause), instead of one long drop-down.
 */
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ClauseCategory } from '../../../../shared/domain/clauses/categories';
import { diffClauses } from '../../../../shared/domain/compare/diff';
import { citationText } from '../../../../shared/domain/clauses/cite';
import type { ReviewReport } from '../../lib/report-types';
import { useLabels } from '../../lib/labels';

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

interface Option {
  key: string;
  category: ClauseCategory;
  /** Where it comes from: the contract's title, or the playbook. */
  source: string;
  /** Its citation, `八、8.3 违约责任`. */
  label: string;
  text: string;
}

/** How many clauses a picker lists at once (narrow by typing for the rest). */
const SHOWN = 60;

/** One side's picker: a search field over a list box of clauses. */
function ClausePicker({
  side,
  options,
  value,
  onChange,
}: {
  side: 'left' | 'right';
  options: Option[];
  value: string;
  onChange: (key: string) => void;
}) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const q = query.trim().toLowerCase();
  const matching = q
    ? options.filter((o) => `${o.source} ${o.label} ${o.text}`.toLowerCase().includes(q))
    : options;
  return (
    <div className="clause-picker">
      <input
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        placeholder={t('diff.searchPlaceholder')}
        aria-label={t(`diff.search.${side}`)}
        data-testid={`diff-search-${side}`}
      />
      <select
        size={6}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-label={t(`diff.pick.${side}`)}
        data-testid={`diff-${side}`}
      >
        {matching.slice(0, SHOWN).map((o) => (
          <option key={o.key} value={o.key} lang="zh-CN">
            {`${o.source.slice(0, 16)} · ${o.label}`}
          </option>
        ))}
      </select>
      <span className="hint">
        {matching.length > SHOWN
          ? t('diff.more', { shown: SHOWN, n: matching.length })
          : t('diff.count', { n: matching.length })}
      </span>
    </div>
  );
}

export function ClauseDiff({
  sources,
  standards = [],
}: {
  sources: Source[];
  standards?: StandardClause[];
}) {
  const { t } = useTranslation();
  const labels = useLabels();
  const options = useMemo<Option[]>(
    () => [
      ...sources.flatMap((s) =>
        s.report.clauses
          .filter((c) => c.text.length > 20)
          .map((c) => ({
            key: `${s.id}:${c.id}`,
            category: c.category,
            source: s.title,
            label: citationText(c.number, c.heading) || c.text.slice(0, 20),
            text: c.text,
          })),
      ),
      ...standards
        .filter((s) => s.text.trim())
        .map((s) => ({ ...s, source: s.label, label: s.label })),
    ],
    [sources, standards],
  );
  const categories = [...new Set(options.map((o) => o.category))] as ClauseCategory[];
  const [category, setCategory] = useState<ClauseCategory | 'all'>(
    categories.includes('liability') ? 'liability' : 'all',
  );
  const inCategory = options.filter((o) => category === 'all' || o.category === category);
  const [left, setLeft] = useState<string>('');
  const [right, setRight] = useState<string>('');
  const a = options.find((o) => o.key === left) ?? inCategory[0];
  const b =
    options.find((o) => o.key === right) ??
    inCategory.find((o) => o.key !== a?.key && !o.key.startsWith(a?.key.split(':')[0] ?? '')) ??
    inCategory[1] ??
    inCategory[0];
  const parts = a && b ? diffClauses(a.text, b.text) : [];
  return (
    <section className="clause-diff" data-testid="clause-diff">
      <div className="diff-controls">
        <label>
          {t('diff.category')}
          <select
            value={category}
            onChange={(e) => {
              setCategory(e.target.value as ClauseCategory | 'all');
              setLeft('');
              setRight('');
            }}
            data-testid="diff-category"
          >
            <option value="all">{t('diff.allCategories')}</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {labels.word('category', c)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="diff-pickers">
        <ClausePicker side="left" options={inCategory} value={a?.key ?? ''} onChange={setLeft} />
        <ClausePicker side="right" options={inCategory} value={b?.key ?? ''} onChange={setRight} />
      </div>
      <div className="diff-columns" lang="zh-CN">
        <div className="diff-side" data-testid="diff-a">
          {a && <h3>{`${a.source.slice(0, 24)} · ${a.label}`}</h3>}
          {parts
            .filter((p) => p.type !== 'added')
            .map((p, i) =>
              p.type === 'removed' ? <del key={i}>{p.text}</del> : <span key={i}>{p.text}</span>,
            )}
        </div>
        <div className="diff-side" data-testid="diff-b">
          {b && <h3>{`${b.source.slice(0, 24)} · ${b.label}`}</h3>}
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
