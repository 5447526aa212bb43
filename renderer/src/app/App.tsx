/**
 * The app shell: the contract library (with search and comparison), one contract beside its PDF,
 * the checklist of all contracts, or settings; before them, the unlock screen of an encrypted
 * data folder. The interface language is main's (`app:info`) and is applied before anything is
 * shown. Alt+← goes back from any screen, as does the header's back button.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LibraryView } from '../features/library/LibraryView';
import { ContractView, type InitialSelection } from '../features/contract/ContractView';
import { ChecklistPanel } from '../features/checklist/ChecklistPanel';
import { CompareView } from '../features/compare/CompareView';
import { UnlockScreen } from '../features/vault/UnlockScreen';
import { EncryptionDialog } from '../features/vault/EncryptionDialog';
import { SettingsView } from '../features/settings/SettingsView';
import { call } from '../lib/ipc';
import { useErrorText } from '../lib/errors';
import { applyLanguage } from '../i18n';
import { NavigationContext, type Navigation, type SettingsSection } from './navigation';
import type { Response } from '../../../shared/ipc/contract';

type View =
  | { kind: 'library' }
  | { kind: 'contract'; id: string; initial?: InitialSelection }
  | { kind: 'compare'; ids: string[] }
  | { kind: 'checklist' }
  | { kind: 'settings'; section?: SettingsSection };

/** The unlock screen while the data folder is locked, else the app. */
export function App() {
  const errorText = useErrorText();
  const [vault, setVault] = useState<Response<'vault:status'> | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // Once, at start: the language first, then the folder's state. (Not on each new `errorText`:
  // applying the language makes a new one, and the call would loop.)
  const words = useRef(errorText);
  words.current = errorText;
  useEffect(() => {
    (async () => {
      const info = await call('app:info', {}).catch(() => null);
      if (info) await applyLanguage(info.language);
      setVault(await call('vault:status', {}));
    })().catch((err: unknown) => setFailed(words.current(err)));
  }, []);
  if (failed)
    return (
      <div className="notice error" role="alert">
        {failed}
      </div>
    );
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
  const navigation = useMemo<Navigation>(
    () => ({
      openSettings: (section) => {
        setHistory((h) => [...h, view]);
        setView({ kind: 'settings', section });
      },
    }),
    [view],
  );
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
  useEffect(() => {
    // Alt+← (and the mouse's back button) goes back, as in a browser or a file manager; so does
    // Esc where nothing else takes it (a field, an open form or dialog keeps its own Esc).
    const onKey = (e: KeyboardEvent) => {
      if (view.kind === 'library' || e.defaultPrevented) return;
      const target = e.target as HTMLElement;
      const escape =
        e.key === 'Escape' &&
        !target.closest('input, textarea, select, form, dialog') &&
        !document.querySelector('dialog[open]');
      if ((e.altKey && e.key === 'ArrowLeft') || escape) {
        e.preventDefault();
        back();
      }
    };
    const onMouse = (e: MouseEvent) => {
      if (e.button === 3 && view.kind !== 'library') back();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mouseup', onMouse);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mouseup', onMouse);
    };
  });
  return (
    <NavigationContext.Provider value={navigation}>
      <div className="app">
        <header className="app-header">
          <span className="brand">{t('app.title')}</span>
          <span className="brand-sub">{t('app.subtitle')}</span>
          {view.kind !== 'library' ? (
            <button
              className="link"
              onClick={back}
              data-testid="back"
              title={t('app.backKey')}
              aria-keyshortcuts="Alt+ArrowLeft Escape"
            >
              ← {history.length > 1 ? t('app.backOne') : t('app.back')}
            </button>
          ) : (
            <button
              className="link"
              onClick={() => go({ kind: 'checklist' })}
              data-testid="all-checklist"
            >
              {t('app.allChecklist')}
            </button>
          )}
          <span className="header-spacer" />
          {view.kind !== 'settings' && (
            <button
              className="link"
              onClick={() => go({ kind: 'settings' })}
              data-testid="settings-open"
            >
              {t('settings.open')}
            </button>
          )}
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
          <EncryptionDialog
            status={vault}
            onChanged={onVault}
            onClose={() => setVaultOpen(false)}
          />
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
          {view.kind === 'settings' && (
            <SettingsView
              key={view.section ?? 'general'}
              section={view.section}
              onOpenEncryption={() => setVaultOpen(true)}
            />
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
    </NavigationContext.Provider>
  );
}
