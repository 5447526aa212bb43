/**
 * The NDA playbook (保密审查标准): which positions are checked, their thresholds (years, days,
 * hours, percent of the contract total) and severities, and the standard clause the comparison
 * diffs against. Saved in the store with `playbook:set`; each contract's NDA tab is checked
 * against it.
 */
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NdaPlaybook } from '../../../../shared/domain/nda/playbook';
import { call } from '../../lib/ipc';
import { useErrorText } from '../../lib/errors';
import { useLabels } from '../../lib/labels';

type Position = keyof Omit<NdaPlaybook, 'version' | 'standardClause'>;

/** The positions in the order a reviewer reads them. */
const POSITIONS: Position[] = [
  'duration',
  'returnDeadlineDays',
  'breachNoticeHours',
  'compelledDisclosureNotice',
  'penalty',
  'survival',
  'subcontractorConsent',
  'scope',
];

/** The playbook's editor (see module doc); `onSaved` runs after each save. */
export function PlaybookEditor({ onSaved }: { onSaved?: () => void }) {
  const { t } = useTranslation();
  const labels = useLabels();
  const errorText = useErrorText();
  const [pb, setPb] = useState<NdaPlaybook | null>(null);
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    void call('playbook:get', {}).then((p) => setPb(p as NdaPlaybook));
  }, []);
  if (!pb) return <p className="loading">{t('common.loading')}</p>;
  return (
    <div className="playbook" data-testid="playbook">
      <table>
        <tbody>
          {POSITIONS.map((k) => {
            const p = pb[k];
            return (
              <tr key={k}>
                <td>
                  <label>
                    <input
                      type="checkbox"
                      checked={p.enabled}
                      onChange={(e) => setPb({ ...pb, [k]: { ...p, enabled: e.target.checked } })}
                    />{' '}
                    {t(`playbook.position.${k}`)}
                  </label>
                </td>
                <td>
                  {typeof p.value === 'number' && (
                    <input
                      className="count"
                      inputMode="numeric"
                      value={String(p.value)}
                      aria-label={t('playbook.valueOf', { what: t(`playbook.position.${k}`) })}
                      data-testid={`playbook-${k}`}
                      onChange={(e) =>
                        setPb({ ...pb, [k]: { ...p, value: Number(e.target.value) || 0 } })
                      }
                    />
                  )}
                </td>
                <td>
                  <select
                    value={p.severity}
                    onChange={(e) => setPb({ ...pb, [k]: { ...p, severity: e.target.value } })}
                    aria-label={t('playbook.severity')}
                  >
                    {(['high', 'medium', 'low'] as const).map((s) => (
                      <option key={s} value={s}>
                        {labels.word('severity', s)}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label className="standard-clause">
        {t('playbook.standardClause')}
        <textarea
          value={pb.standardClause ?? ''}
          rows={6}
          lang="zh-CN"
          onChange={(e) => setPb({ ...pb, standardClause: e.target.value })}
          data-testid="playbook-standard-clause"
        />
      </label>
      <button
        onClick={async () => {
          try {
            await call('playbook:set', { playbook: pb });
            setMsg({ ok: true, text: t('common.saved') });
            onSaved?.();
          } catch (err) {
            setMsg({ ok: false, text: errorText(err) });
          }
        }}
        data-testid="playbook-save"
      >
        {t('playbook.save')}
      </button>{' '}
      {msg && (
        <span className={msg.ok ? 'hint' : 'warn'} role={msg.ok ? 'status' : 'alert'}>
          {msg.text}
        </span>
      )}
    </div>
  );
}
