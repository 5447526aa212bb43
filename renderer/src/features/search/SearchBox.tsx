/** Search across all contracts; results grouped by contract, each opening its page with the hit highlighted. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/ipc';
import { useErrorText } from '../../lib/errors';
import { citationText } from '../../../../shared/domain/clauses/cite';
import { Citation } from '../../components/ClauseRef';
import type { SearchGroup } from '../../../../shared/domain/search/tokenize';
import type { Anchor } from '../../lib/report-types';
import { usePersonalData } from '../../lib/pii';

export function SearchBox({
  onOpen,
}: {
  onOpen: (contractId: string, anchor: Anchor | null) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const pii = usePersonalData();
  const [q, setQ] = useState('');
  const [groups, setGroups] = useState<SearchGroup[] | null>(null);
  const [more, setMore] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async () => {
    if (!q.trim()) return;
    setBusy(true);
    setError(null);
    try {
      const found = await call('search:query', { q: q.trim() });
      setGroups(found.groups as SearchGroup[]);
      setMore(found.more);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="search">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void run();
        }}
      >
        <input
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          placeholder={t('search.placeholder')}
          aria-label={t('search.label')}
          data-testid="search-input"
        />
        <button type="submit" disabled={busy || !q.trim()} data-testid="search-run">
          {busy ? t('search.running') : t('search.run')}
        </button>
        {groups && (
          <button type="button" className="link" onClick={() => setGroups(null)}>
            {t('search.clear')}
          </button>
        )}
      </form>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {groups && (
        <div className="search-results" data-testid="search-results">
          <p className="hint" role="status">
            {groups.length
              ? t('search.summary', {
                  q,
                  contracts: groups.length,
                  hits: groups.reduce((n, g) => n + g.hits.length, 0),
                })
              : t('search.none', { q })}
          </p>
          {more > 0 && (
            <p className="hint" data-testid="search-more">
              {t('search.moreContracts', { n: more })}
            </p>
          )}
          {groups.map((g) => (
            <section key={g.contractId} className="search-group" data-contract={g.contractId}>
              <h3>
                <span lang="zh-CN">{g.title}</span> ({g.hits.length})
              </h3>
              <ul>
                {g.hits.slice(0, 8).map((h, i) => (
                  <li key={i}>
                    <button
                      className="link hit"
                      onClick={() => onOpen(g.contractId, h.anchor)}
                      data-testid="search-hit"
                    >
                      <Citation text={citationText(h.number, h.heading) || null} page={h.page} />{' '}
                      <Snippet text={pii(h.snippet)} match={h.match} />
                    </button>
                  </li>
                ))}
                {g.hits.length > 8 && (
                  <li className="hint">{t('search.more', { n: g.hits.length - 8 })}</li>
                )}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}

/** A hit's snippet with its match marked (masking keeps lengths, so the offsets hold). */
function Snippet({ text, match: [start, end] }: { text: string; match: [number, number] }) {
  return (
    <span className="snippet" lang="zh-CN">
      …{text.slice(0, start)}
      <mark data-testid="search-match">{text.slice(start, end)}</mark>
      {text.slice(end)}…
    </span>
  );
}
