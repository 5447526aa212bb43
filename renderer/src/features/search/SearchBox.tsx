/** Search across all contracts; results grouped by contract, each opening its page with the hit highlighted. */
import { useState } from 'react';
import { call } from '../../lib/ipc';
import type { SearchGroup } from '../../../../shared/domain/search/tokenize';
import type { Anchor } from '../../lib/report-types';

export function SearchBox({
  onOpen,
}: {
  onOpen: (contractId: string, anchor: Anchor | null) => void;
}) {
  const [q, setQ] = useState('');
  const [groups, setGroups] = useState<SearchGroup[] | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async () => {
    if (!q.trim()) return;
    setBusy(true);
    try {
      setGroups((await call('search:query', { q: q.trim() })).groups as SearchGroup[]);
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
          placeholder="在全部合同中搜索，如：违约金"
          aria-label="搜索"
          data-testid="search-input"
        />
        <button type="submit" disabled={busy} data-testid="search-run">
          搜索
        </button>
        {groups && (
          <button type="button" className="link" onClick={() => setGroups(null)}>
            清除结果
          </button>
        )}
      </form>
      {groups && (
        <div className="search-results" data-testid="search-results">
          <p className="hint">
            “{q}”：{groups.length} 份合同，{groups.reduce((n, g) => n + g.hits.length, 0)} 处
          </p>
          {groups.map((g) => (
            <section key={g.contractId} className="search-group" data-contract={g.contractId}>
              <h3>
                {g.title}（{g.hits.length}）
              </h3>
              <ul>
                {g.hits.slice(0, 8).map((h, i) => (
                  <li key={i}>
                    <button
                      className="link hit"
                      onClick={() => onOpen(g.contractId, h.anchor)}
                      data-testid="search-hit"
                    >
                      {h.page ? <span className="page">p.{h.page}</span> : null} {h.number}{' '}
                      {h.heading}：<span className="snippet">…{h.snippet}…</span>
                    </button>
                  </li>
                ))}
                {g.hits.length > 8 && <li className="hint">另有 {g.hits.length - 8} 处</li>}
              </ul>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
