/**
 * The clause tree as an indented list with category tags: one Tab stop, ↑/↓/Home/End move
 * between clauses, Enter or Space shows one (its heading and body highlighted in the document).
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { mergeAnchors } from '../../lib/anchors';
import type { Anchor, ReportClause } from '../../lib/report-types';
import { useLabels } from '../../lib/labels';
import { useRoving } from '../../lib/roving';
import { usePersonalData } from '../../lib/pii';

export function ClauseOutline({
  clauses,
  selectedKey,
  onSelect,
}: {
  clauses: ReportClause[];
  selectedKey: string | null;
  onSelect: (key: string, anchor: Anchor) => void;
}) {
  const { t, i18n } = useTranslation();
  const labels = useLabels();
  const roving = useRoving(clauses.length);
  // A clause shows with its body: an article's heading line and every sub-clause under it.
  const withBody = useMemo(() => {
    const children = new Map<string, ReportClause[]>();
    for (const c of clauses)
      if (c.parentId) children.set(c.parentId, [...(children.get(c.parentId) ?? []), c]);
    const subtree = (c: ReportClause): ReportClause[] => [
      c,
      ...(children.get(c.id) ?? []).flatMap(subtree),
    ];
    return (c: ReportClause): Anchor => {
      const all = subtree(c).filter((x) => x.anchor.positions.length || x === c);
      return all.length > 1 ? mergeAnchors(all.map((x) => x.anchor)) : c.anchor;
    };
  }, [clauses]);
  const pii = usePersonalData();
  return (
    <ol
      className="outline"
      data-testid="outline"
      aria-label={t('contract.outline')}
      onKeyDown={roving.onKeyDown}
    >
      {clauses.map((c, i) => {
        const own = c.label;
        const body = c.text.startsWith(own) ? c.text.slice(own.length) : c.text;
        const label = c.heading || body.trim().slice(0, 40);
        const key = `clause:${c.id}`;
        // Outside the contract chapter of a tender: shown, greyed, with the part it belongs to.
        const outside = c.part && c.part !== 'contract' && c.part !== 'annex';
        return (
          <li key={c.id} style={{ paddingLeft: `${c.level * 14 + 6}px` }}>
            <button
              {...roving.itemProps(i)}
              className={`outline-item ${selectedKey === key ? 'selected' : ''} ${outside ? 'outside' : ''}`}
              data-clause-id={c.id}
              data-category={c.category}
              onClick={() => onSelect(key, withBody(c))}
              title={pii(c.text.slice(0, 200))}
              lang="zh-CN"
            >
              <span className="num">{own}</span>
              <span className="label">{pii(label)}</span>
              {outside ? (
                <span className="tag part" lang={i18n.language}>
                  {labels.word('part', c.part)}
                </span>
              ) : (
                <span className={`tag cat-${c.category}`} lang={i18n.language}>
                  {labels.word('category', c.category)}
                </span>
              )}
              {c.page && (
                <span className="page" lang={i18n.language}>
                  {t('common.pageShort', { n: c.page })}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ol>
  );
}
