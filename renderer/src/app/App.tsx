/**
 * The app shell: the contract library (with search and comparison), one contract beside its PDF,
 * or the checklist of all contracts; before them, the unlock screen of an encrypted data folder.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LibraryView } from '../features/library/LibraryView';
import { ContractView, type InitialSelection } from '../features/contract/ContractView';
import { ChecklistPanel } from '../features/checklist/ChecklistPanel';
import { CompareView } from '../features/compare/CompareView';
import { UnlockScreen } from '../features/vault/UnlockScreen';
import { EncryptionDialog } from '../features/vault/EncryptionDialog';
import { call } from '../lib/ipc';
import type { Response } from '../../../shared/ipc/contract';

type View =
  | { kind: 'library' }
  | { kind: 'contract'; id: string; initial?: InitialSelection }
  | { kind: 'compare'; ids: string[] }
  | { kind: 'checklist' };

/** The unlock screen while the data folder is locked, else the app. */
export function App() {
  const [vault, setVault] = useState<Response<'vault:status'> | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  useEffect(() => {
    call('vault:status', {}).then(setVault, (err: Error) => setFailed(err.message));
  }, []);
  if (failed) return <div className="notice error">{failed}</div>;
  if (!vault) return null;
  if (vault.locked) return <UnlockScreen onUnlocked={setVault} />;
  // Locking unmounts everything below, so nothing of the folder stays on screen.
  return <Workspace vault={vault} onVault={setVault} />;
}

function Workspace({
  vault,
  onVault,
}: {
  vault: Response<'vault:status'>;
  onVault: (s: Response<'vault:status'>) => void;
}) {
  const { t } = useTranslation();
  const [vaultOpen, setVaultOpen] = useState(false);
  const [view, setView] = useState<View>({ kind: 'library' });
  const [history, setHistory] = useState<View[]>([]);
  const go = (next: View) => {
    setHistory([...history, view]);
    setView(next);
  };
  // Files the operating system asked Qiyue to open ("open with", a second start with a file):
  // taken at start and whenever the window comes to the front, imported in the library.
  const [incoming, setIncoming] = useState<Response<'app:openRequests'>['files'] | null>(null);
  useEffect(() => {
    const take = async () => {
      const r = await call('app:openRequests', {}).catch(() => null);
      if (!r || r.files.length === 0) return;
      setIncoming(r.files);
      setHistory([]);
      setView({ kind: 'library' });
    };
    void take();
    window.addEventListener('focus', take);
    return () => window.removeEventListener('focus', take);
  }, []);
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
        <span className="header-spacer" />
        <button className="link" onClick={() => setVaultOpen(true)} data-testid="vault-open">
          {t('vault.menu')}
        </button>
        {vault.encrypted && (
          <button
            className="link"
            title={t('vault.lockTitle')}
            onClick={async () => onVault(await call('vault:lock', {}))}
            data-testid="vault-lock"
          >
            {t('vault.lock')}
          </button>
        )}
      </header>
      {vaultOpen && (
        <EncryptionDialog status={vault} onChanged={onVault} onClose={() => setVaultOpen(false)} />
      )}
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
            incoming={incoming}
            onIncomingTaken={() => setIncoming(null)}
          />
        )}
      </main>
    </div>
  );
}
