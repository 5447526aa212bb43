/** The app shell: the contract library, or one contract beside its PDF. */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LibraryView } from '../features/library/LibraryView';
import { ContractView } from '../features/contract/ContractView';
import { ChecklistPanel } from '../features/checklist/ChecklistPanel';

export function App() {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  const [allChecklist, setAllChecklist] = useState(false);
  return (
    <div className="app">
      <header className="app-header">
        <span className="brand">{t('app.title')}</span>
        <span className="brand-sub">Qiyue · {t('app.subtitle')}</span>
        {(openId || allChecklist) && (
          <button
            className="link"
            onClick={() => {
              setOpenId(null);
              setAllChecklist(false);
            }}
            data-testid="back"
          >
            ← {t('app.back')}
          </button>
        )}
        {!openId && !allChecklist && (
          <button
            className="link"
            onClick={() => setAllChecklist(true)}
            data-testid="all-checklist"
          >
            履约清单（全部合同）
          </button>
        )}
      </header>
      <main className="app-main">
        {openId ? (
          <ContractView id={openId} />
        ) : allChecklist ? (
          <div className="all-checklist">
            <ChecklistPanel contractId={null} />
          </div>
        ) : (
          <LibraryView onOpen={setOpenId} />
        )}
      </main>
    </div>
  );
}
