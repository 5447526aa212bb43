/**
 * Settings and About, one screen reachable from every other (the header's 设置): the interface
 * language and the reviewer's name; the NDA playbook; the holiday calendar; the data folder and
 * its encryption; the version and this installation's signing fingerprint. A section opens by
 * its link in the side list (or the link that brought the reviewer here).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/ipc';
import { useReviewer } from '../../lib/reviewer';
import { ReviewerField } from '../../components/ReviewerField';
import { applyLanguage } from '../../i18n';
import type { Language, Response } from '../../../../shared/ipc/contract';
import type { SettingsSection } from '../../app/navigation';
import { PlaybookEditor } from './PlaybookEditor';
import { CalendarEditor } from './CalendarEditor';

const SECTIONS: SettingsSection[] = ['general', 'playbook', 'calendar', 'data', 'about'];

/** The languages offered; each is named in itself (`languages.*`). */
const LANGUAGES: Language[] = ['zh-CN', 'en'];

/** The settings screen; `onOpenEncryption` opens the data folder's encryption dialog. */
export function SettingsView({
  section = 'general',
  onOpenEncryption,
}: {
  section?: SettingsSection;
  onOpenEncryption: () => void;
}) {
  const { t, i18n } = useTranslation();
  const reviewer = useReviewer();
  const [info, setInfo] = useState<Response<'app:info'> | null>(null);
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  const [shown, setShown] = useState<SettingsSection>(section);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    void call('app:info', {}).then(setInfo, () => undefined);
    void call('identity:get', {}).then(
      (r) => setFingerprint(r.fingerprint),
      () => undefined,
    );
  }, []);
  useEffect(() => heading.current?.focus(), [shown]);
  const setLanguage = async (language: Language) => {
    const r = await call('app:setLanguage', { language });
    await applyLanguage(r.language);
  };
  return (
    <div className="settings" data-testid="settings">
      <nav className="settings-nav" aria-label={t('settings.title')}>
        <ul>
          {SECTIONS.map((s) => (
            <li key={s}>
              <button
                className={s === shown ? 'link current' : 'link'}
                aria-current={s === shown ? 'page' : undefined}
                onClick={() => setShown(s)}
                data-testid={`settings-${s}`}
              >
                {t(`settings.section.${s}`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <section className="settings-body" aria-labelledby="settings-heading">
        <h2 id="settings-heading" ref={heading} tabIndex={-1}>
          {t(`settings.section.${shown}`)}
        </h2>
        {shown === 'general' && (
          <div className="settings-form">
            <label>
              {t('settings.language')}
              <select
                value={i18n.language}
                onChange={(e) => void setLanguage(e.target.value as Language)}
                data-testid="language"
              >
                {LANGUAGES.map((l) => (
                  <option key={l} value={l} lang={l}>
                    {t(`languages.${l}`)}
                  </option>
                ))}
              </select>
            </label>
            <ReviewerField name={reviewer} testId="settings-reviewer" />
            <p className="hint">{t('settings.reviewerHint')}</p>
          </div>
        )}
        {shown === 'playbook' && (
          <>
            <p className="hint">{t('settings.playbookHint')}</p>
            <PlaybookEditor />
          </>
        )}
        {shown === 'calendar' && <CalendarEditor />}
        {shown === 'data' && (
          <div className="settings-form">
            <p>
              {t('settings.dataDir')}{' '}
              <code data-testid="settings-data-dir">{info?.dataDir ?? '…'}</code>
            </p>
            <p className="hint">{t('settings.dataDirHint')}</p>
            <button onClick={onOpenEncryption} data-testid="settings-encryption">
              {t('vault.menu')}…
            </button>
          </div>
        )}
        {shown === 'about' && (
          <dl className="about" data-testid="about">
            <dt>{t('settings.version')}</dt>
            <dd data-testid="about-version">{info?.version ?? '…'}</dd>
            {info?.electron && (
              <>
                <dt>Electron</dt>
                <dd>{info.electron}</dd>
                <dt>Chromium</dt>
                <dd>{info.chrome}</dd>
              </>
            )}
            <dt>Node.js</dt>
            <dd>{info?.node ?? '…'}</dd>
            <dt>{t('settings.fingerprint')}</dt>
            <dd>
              <code>{fingerprint ?? '…'}</code>
            </dd>
            <dt>{t('settings.offline')}</dt>
            <dd>{t('settings.offlineText')}</dd>
          </dl>
        )}
      </section>
    </div>
  );
}
