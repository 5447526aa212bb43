/**
 * Settings of the data folder's encryption at rest: set a passphrase (every file is rewritten
 * encrypted), change it, or remove the encryption. A modal `<dialog>`: focus stays in it, Escape
 * closes it. Setting a passphrase asks the reviewer to acknowledge, in plain words, that a
 * forgotten passphrase cannot be recovered. Main checks every passphrase; its message is shown.
 */
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../lib/ipc';
import { useErrorText } from '../../lib/errors';
import type { Response } from '../../../../shared/ipc/contract';

type Status = Response<'vault:status'>;

/** The dialog; `onChanged` gets main's status after each change. */
export function EncryptionDialog({
  status,
  onChanged,
  onClose,
}: {
  status: Status;
  onChanged: (status: Status) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const ref = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);

  /** Runs one change, showing `working` while it runs and `doneText` after. */
  const run = async (working: string, doneText: string, fn: () => Promise<Status>) => {
    setBusy(working);
    setError(null);
    setDone(null);
    try {
      onChanged(await fn());
      setDone(doneText);
    } catch (err) {
      setError(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  return (
    <dialog
      ref={ref}
      className="vault-dialog"
      onClose={onClose}
      aria-labelledby="vault-title"
      data-testid="vault-dialog"
    >
      <h2 id="vault-title">{t('vault.title')}</h2>
      <p data-testid="vault-state">
        {status.encrypted ? t('vault.stateEncrypted') : t('vault.statePlain')}
      </p>
      {busy && (
        <div className="progress" role="status">
          <div className="spinner" aria-hidden />
          {busy}
        </div>
      )}
      {error && (
        <div className="notice error" role="alert" data-testid="vault-error">
          {error}
        </div>
      )}
      {done && (
        <div className="notice ok" role="status" data-testid="vault-done">
          {done}
        </div>
      )}
      {!status.encrypted ? (
        <EnableForm
          disabled={busy !== null}
          onSubmit={(passphrase) =>
            run(t('vault.encrypting'), t('vault.encrypted'), () =>
              call('vault:enable', { passphrase }),
            )
          }
        />
      ) : (
        <>
          <ChangeForm
            disabled={busy !== null}
            onSubmit={(current, next) =>
              run(t('vault.changing'), t('vault.changed'), () =>
                call('vault:change', { current, next }),
              )
            }
          />
          <DisableForm
            disabled={busy !== null}
            onSubmit={(passphrase) =>
              run(t('vault.decrypting'), t('vault.decrypted'), () =>
                call('vault:disable', { passphrase }),
              )
            }
          />
        </>
      )}
      <div className="dialog-actions">
        <button onClick={() => ref.current?.close()} disabled={busy !== null}>
          {t('vault.close')}
        </button>
      </div>
    </dialog>
  );
}

function Field({
  label,
  value,
  onChange,
  testId,
  autoComplete,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  testId: string;
  autoComplete: string;
}) {
  return (
    <label className="vault-field">
      {label}
      <input
        type="password"
        value={value}
        autoComplete={autoComplete}
        onChange={(e) => onChange(e.target.value)}
        data-testid={testId}
      />
    </label>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className="vault-section">
      <legend>{title}</legend>
      {children}
    </fieldset>
  );
}

/**
 * A new passphrase typed twice, as state: `value` once both agree (else null), and the two fields
 * with the mismatch said under them. Their length is main's rule (`store/vault.ts`).
 */
function useNewPassphrase(testId: string) {
  const { t } = useTranslation();
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const fields = (
    <>
      <Field
        label={t('vault.newPassphrase')}
        value={a}
        onChange={setA}
        testId={`${testId}-new`}
        autoComplete="new-password"
      />
      <Field
        label={t('vault.confirmPassphrase')}
        value={b}
        onChange={setB}
        testId={`${testId}-confirm`}
        autoComplete="new-password"
      />
      {b.length > 0 && a !== b && <div className="notice error">{t('vault.mismatch')}</div>}
    </>
  );
  return { value: a && a === b ? a : null, fields };
}

/** New passphrase twice and the acknowledgement that a forgotten one is unrecoverable. */
function EnableForm({
  disabled,
  onSubmit,
}: {
  disabled: boolean;
  onSubmit: (passphrase: string) => void;
}) {
  const { t } = useTranslation();
  const next = useNewPassphrase('vault');
  const [ack, setAck] = useState(false);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (next.value && ack) onSubmit(next.value);
  };
  return (
    <form onSubmit={submit}>
      <Section title={t('vault.enableTitle')}>
        <p className="hint">{t('vault.enableIntro')}</p>
        {next.fields}
        <label className="vault-ack">
          <input
            type="checkbox"
            checked={ack}
            onChange={(e) => setAck(e.target.checked)}
            data-testid="vault-ack"
          />
          {t('vault.acknowledge')}
        </label>
        <button
          className="primary"
          type="submit"
          disabled={disabled || !next.value || !ack}
          data-testid="vault-enable"
        >
          {t('vault.enable')}
        </button>
      </Section>
    </form>
  );
}

function ChangeForm({
  disabled,
  onSubmit,
}: {
  disabled: boolean;
  onSubmit: (current: string, next: string) => void;
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  const next = useNewPassphrase('vault-change');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (current && next.value) onSubmit(current, next.value);
      }}
    >
      <Section title={t('vault.changeTitle')}>
        <Field
          label={t('vault.currentPassphrase')}
          value={current}
          onChange={setCurrent}
          testId="vault-change-current"
          autoComplete="current-password"
        />
        {next.fields}
        <button type="submit" disabled={disabled || !current || !next.value}>
          {t('vault.change')}
        </button>
      </Section>
    </form>
  );
}

function DisableForm({
  disabled,
  onSubmit,
}: {
  disabled: boolean;
  onSubmit: (passphrase: string) => void;
}) {
  const { t } = useTranslation();
  const [current, setCurrent] = useState('');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (current) onSubmit(current);
      }}
    >
      <Section title={t('vault.disableTitle')}>
        <p className="hint">{t('vault.disableIntro')}</p>
        <Field
          label={t('vault.currentPassphrase')}
          value={current}
          onChange={setCurrent}
          testId="vault-disable-current"
          autoComplete="current-password"
        />
        <button
          className="danger"
          type="submit"
          disabled={disabled || !current}
          data-testid="vault-disable"
        >
          {t('vault.disable')}
        </button>
      </Section>
    </form>
  );
}
