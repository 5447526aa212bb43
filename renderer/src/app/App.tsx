/** The app shell: the contract library (with search and comparison), one contract beside its PDF, or the checklist of all contracts. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LibraryView } from '../features/library/LibraryView';
import { ContractView, type InitialSelection } from '../features/contract/ContractView';
import { ChecklistPanel } from '../features/checklist/ChecklistPanel';
import { CompareView } from '../features/compare/CompareView';

type View =
  | { kind: 'library' }
  | { kind: 'contract'; id: string; initial?: InitialSelection }
  | { kind: 'compare'; ids: string[] }
  | { kind: 'checklist' };

export function App() {
  const { t } = useTranslation();
  const [view, setView] = useState<View>({ kind: 'library' });
  const [history, setHistory] = useState<View[]>([]);
  const go = (next: View) => {
    setHistory([...history, view]);
    setView(next);
  };
  const back = () => {
    setView(history[history.length - 1] ?? { kind: 'library' });
    setHistory(history.slice(0, -1));
  };
  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">{t('app.title')}</span>
        <span className="brand-sub">Qiyue · {t('app.subtitle')}</span>
        {view.kind !== 'library' ? (
          <button className="link" onClick={back} data-testid="back">
            ← {history.length > 1 ? '返回' : t('app.back')}
          </button>
        ) : (
          <button
            className="link"
            onClick={() => go({ kind: 'checklist' })}
            data-testid="all-checklist"
          >
            履约清单（全部合同）
          </button>
        )}
      </header>
      <main className="app-main">
        {view.kind === 'contract' && (
          <ContractView
            key={view.id + JSON.stringify(view.initial ?? null)}
            id={view.id}
            initial={view.initial}
          />
        )}
        {view.kind === 'compare' && (
          <CompareView
            ids={view.ids}
            onOpenClause={(id, clauseId) => go({ kind: 'contract', id, initial: { clauseId } })}
          />
        )}
        {view.kind === 'checklist' && (
          <div className="all-checklist">
            <ChecklistPanel contractId={null} />
          </div>
        )}
        {view.kind === 'library' && (
          <LibraryView
            onOpen={(id, anchor) =>
              go({ kind: 'contract', id, initial: anchor ? { anchor } : undefined })
            }
            onCompare={(ids) => go({ kind: 'compare', ids })}
          />
        )}
      </main>
    </div>
  );
}
