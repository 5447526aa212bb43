/** The app shell: the contract library, or one contract beside its PDF. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LibraryView } from '../features/library/LibraryView';
import { ContractView } from '../features/contract/ContractView';

export function App() {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">{t('app.title')}</span>
        <span className="brand-sub">Qiyue · {t('app.subtitle')}</span>
        {openId && (
          <button className="link" onClick={() => setOpenId(null)} data-testid="back">
            ← {t('app.back')}
          </button>
        )}
      </header>
      <main className="app-main">
        {openId ? <ContractView id={openId} /> : <LibraryView onOpen={setOpenId} />}
      </main>
    </div>
  );
}
