/** The clause tree as an indented, keyboard-navigable list with category tags. */
import { CATEGORY_LABELS } from '../../../../shared/domain/clauses/categories';
import { PART_LABELS } from '../../../../shared/domain/labels';
import type { Anchor, ReportClause } from '../../lib/report-types';

export function ClauseOutline({
  clauses,
  selectedKey,
  onSelect,
}: {
  clauses: ReportClause[];
  selectedKey: string | null;
  onSelect: (key: string, anchor: Anchor) => void;
}) {
  return (
    <ol
      className="outline"
      data-testid="outline"
      onKeyDown={(e) => {
        // Arrow keys move between clauses; Enter/Space (native button) selects.
        if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
        const items = [...e.currentTarget.querySelectorAll<HTMLButtonElement>('.outline-item')];
        const i = items.indexOf(document.activeElement as HTMLButtonElement);
        const next =
          items[Math.max(0, Math.min(items.length - 1, i + (e.key === 'ArrowDown' ? 1 : -1)))];
        if (next) {
          e.preventDefault();
          next.focus();
        }
      }}
    >
      {clauses.map((c) => {
        const own = c.label;
        const body = c.text.startsWith(own) ? c.text.slice(own.length) : c.text;
        const label = c.heading || body.trim().slice(0, 40);
        const key = `clause:${c.id}`;
        // Outside the contract chapter of a tender: shown, greyed, with the part it belongs to.
        const outside = c.part && c.part !== 'contract' && c.part !== 'annex';
        return (
          <li key={c.id} style={{ paddingLeft: `${c.level * 14 + 6}px` }}>
            <button
              className={`outline-item ${selectedKey === key ? 'selected' : ''} ${outside ? 'outside' : ''}`}
              data-clause-id={c.id}
              data-category={c.category}
              onClick={() => onSelect(key, c.anchor)}
              title={c.text.slice(0, 200)}
            >
              <span className="num">{own}</span>
              <span className="label">{label}</span>
              {outside ? (
                <span className="tag part">{PART_LABELS[c.part]}</span>
              ) : (
                <span className={`tag cat-${c.category}`}>{CATEGORY_LABELS[c.category]}</span>
              )}
              {c.page && <span className="page">p.{c.page}</span>}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
