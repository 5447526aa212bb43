/**
 * The window of an encrypted data folder before it is unlocked: the passphrase, and nothing of
 * the folder (main answers every other call with `locked` until `vault:unlock` succeeds).
 * Unlocking takes about half a second (scrypt), so the button says it is working.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/ipc';
import { useErrorText } from '../../lib/errors';
import type { Response } from '../../../../shared/ipc/contract';

/** Asks for the passphrase; `onUnlocked` gets main's new status. */
export function UnlockScreen({
  onUnlocked,
}: {
  onUnlocked: (status: Response<'vault:status'>) => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!passphrase || busy) return;
    setBusy(true);
    setError(null);
    try {
      const status = await call('vault:unlock', { passphrase });
      setPassphrase('');
      onUnlocked(status);
    } catch (err) {
      setError(errorText(err));
      setBusy(false);
    }
  };
  return (
    <div className="unlock-screen">
      <form className="unlock-card" onSubmit={submit} data-testid="unlock-form">
        <h1>{t('app.title')}</h1>
        <p>{t('vault.lockedIntro')}</p>
        <label>
          {t('vault.passphrase')}
          <input
            type="password"
            autoFocus
            autoComplete="current-password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            data-testid="unlock-passphrase"
          />
        </label>
        {error && (
          <div className="notice error" role="alert" data-testid="unlock-error">
            {error}
          </div>
        )}
        <button className="primary" type="submit" disabled={busy || !passphrase}>
          {busy ? t('vault.unlocking') : t('vault.unlock')}
        </button>
        <p className="hint">{t('vault.forgotten')}</p>
      </form>
    </div>
  );
}
