/**
 * NDA terms per source (保密条款, 保密协议, 个人保密协议), each term jumping to its sentence; the
 * deviations from the playbook under each source; where an attached 保密协议 disagrees with the
 * main contract; and a link to the playbook in settings.
 */
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Deviation, NdaDisagreement } from '../../../../shared/domain/nda/playbook';
import type { PanelProps } from '../../lib/panel';
import { call } from '../../lib/ipc';
import { useLabels } from '../../lib/labels';
import { useNavigation } from '../../app/navigation';
import { NDA_SOURCE_LABELS } from '../../../../shared/domain/labels';
import { usePersonalData } from '../../lib/pii';

export function NdaPanel({
  report,
  selectedKey,
  onSelect,
  contractId,
}: PanelProps & { contractId: string }) {
  const { t, i18n } = useTranslation();
  const english = i18n.language === 'en';
  const labels = useLabels();
  const { openSettings } = useNavigation();
  const pii = usePersonalData();
  const [check, setCheck] = useState<{
    deviations: Deviation[];
    disagreements: NdaDisagreement[];
  } | null>(null);
  const load = useCallback(async () => {
    const res = await call('nda:check', { id: contractId });
    setCheck(res as { deviations: Deviation[]; disagreements: NdaDisagreement[] });
  }, [contractId]);
  useEffect(() => {
    void load();
  }, [load]);
  const records = report.confidentiality.records;
  const clauseAnchor = (ids: string[]) => report.clauses.find((c) => ids.includes(c.id))?.anchor;
  return (
    <div className="nda" data-testid="nda">
      {!records.length && <p className="empty-small">{t('nda.none')}</p>}
      {check && check.disagreements.length > 0 && (
        <section className="nda-disagree" data-testid="nda-disagreements">
          <h2>{t('nda.disagreements', { n: check.disagreements.length })}</h2>
          <ul>
            {check.disagreements.map((d, i) => (
              <li key={i} lang={english ? 'en' : 'zh-CN'}>
                {pii(english ? d.messageEn : d.message)}
              </li>
            ))}
          </ul>
        </section>
      )}
      {records.map((r) => {
        const devs = check?.deviations.filter((d) => d.recordId === r.id) ?? [];
        return (
          <section key={r.id} className="nda-record">
            <h2>
              {labels.word('ndaSource', r.source)}
              {/* The record's own title, unless it only repeats its source (保密协议 · 保密协议). */}
              <span className="sub" lang="zh-CN">
                {[
                  r.title && r.title !== NDA_SOURCE_LABELS[r.source] ? r.title : null,
                  r.recipientName ? pii(r.recipientName) : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </span>
            </h2>
            <table>
              <tbody>
                {r.terms.map((term) => {
                  const key = `nda:${r.id}:${term.key}`;
                  return (
                    <tr key={term.key} className={selectedKey === key ? 'selected' : ''}>
                      <th>{labels.word('ndaTerm', term.key)}</th>
                      <td>
                        <button
                          className="term-link"
                          onClick={() => onSelect(key, term.anchor)}
                          title={pii(term.text)}
                          lang="zh-CN"
                        >
                          {pii(String(term.value))}
                        </button>
                        {term.page ? (
                          <span className="page">{t('common.pageShort', { n: term.page })}</span>
                        ) : null}
                      </td>
                    </tr>
                  );
                })}
                {r.penaltyRuleIds.length > 0 && (
                  <tr>
                    <th>{t('nda.penalty')}</th>
                    <td>
                      {[
                        ...new Set(
                          r.penaltyRuleIds
                            .map((id) => report.penaltyRules.find((p) => p.id === id))
                            .filter(Boolean)
                            .map(
                              (p) =>
                                `${labels.penaltyRate(p!)}${p!.higherOfLoss ? t('nda.higherOfLoss') : ''}`,
                            ),
                        ),
                      ].join(t('common.listSeparator'))}
                    </td>
                  </tr>
                )}
              </tbody>
            </table>
            {devs.length > 0 && (
              <ul className="deviations" data-testid="nda-deviations">
                {devs.map((d, i) => (
                  <li key={i}>
                    <button
                      className="link"
                      onClick={() => {
                        const a = clauseAnchor(d.clauseIds) ?? clauseAnchor(r.clauseIds);
                        if (a) onSelect(`dev:${r.id}:${i}`, a);
                      }}
                    >
                      <span className={`sev-tag sev-${d.severity}`}>
                        {labels.word('severity', d.severity)}
                      </span>{' '}
                      <span lang={english ? 'en' : 'zh-CN'}>
                        {pii(english ? d.messageEn : d.message)}
                      </span>
                    </button>
                    <div className="quote" lang="zh-CN">
                      “{pii(d.quote.slice(0, 80))}”
                    </div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <p className="hint">
        {t('nda.playbookNote')}{' '}
        <button
          className="link"
          onClick={() => openSettings('playbook')}
          data-testid="nda-playbook-link"
        >
          {t('nda.playbookLink')}
        </button>
      </p>
    </div>
  );
}
