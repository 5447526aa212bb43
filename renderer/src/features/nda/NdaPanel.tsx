/**
 * NDA terms per source (保密条款, 保密协议, 个人保密协议), each term jumping to its sentence; the
 * deviations from the playbook under each source; where an attached 保密协议 disagrees with the
 * main contract; and the playbook itself, editable.
 */
import { useCallback, useEffect, useState } from 'react';
import {
  NDA_SOURCE_LABELS,
  NDA_TERM_LABELS,
  SEVERITY_LABELS,
  penaltyRateLabel,
} from '../../../../shared/domain/labels';
import type {
  Deviation,
  NdaDisagreement,
  NdaPlaybook,
} from '../../../../shared/domain/nda/playbook';
import type { PanelProps } from '../../lib/panel';
import { call } from '../../lib/ipc';

const POSITION_LABELS: Record<keyof Omit<NdaPlaybook, 'version' | 'standardClause'>, string> = {
  duration: '保密期限（至少 N 年，长期或至公开时止亦可）',
  returnDeadlineDays: '返还/销毁期限（不超过 N 日）',
  breachNoticeHours: '泄密通知时限（不超过 N 小时）',
  compelledDisclosureNotice: '依法披露前须通知',
  penalty: '泄密违约金（不低于合同金额 N%，0 为有即可）',
  survival: '终止后继续有效',
  subcontractorConsent: '向分包方/第三方披露须书面同意',
  scope: '界定保密范围',
};

function PlaybookEditor({ onSaved }: { onSaved: () => void }) {
  const [pb, setPb] = useState<NdaPlaybook | null>(null);
  const [msg, setMsg] = useState<string | null>(null);
  useEffect(() => {
    void call('playbook:get', {}).then((p) => setPb(p as NdaPlaybook));
  }, []);
  if (!pb) return null;
  const keys = Object.keys(POSITION_LABELS) as (keyof typeof POSITION_LABELS)[];
  return (
    <details className="playbook" data-testid="playbook">
      <summary>保密审查标准（可编辑）</summary>
      <table>
        <tbody>
          {keys.map((k) => {
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
                    {POSITION_LABELS[k]}
                  </label>
                </td>
                <td>
                  {typeof p.value === 'number' && (
                    <input
                      className="count"
                      value={String(p.value)}
                      aria-label={`${POSITION_LABELS[k]} 数值`}
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
                    aria-label="严重程度"
                  >
                    <option value="high">高</option>
                    <option value="medium">中</option>
                    <option value="low">低</option>
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <label className="standard-clause">
        标准保密条款（用于条款对比）
        <textarea
          value={pb.standardClause ?? ''}
          rows={6}
          onChange={(e) => setPb({ ...pb, standardClause: e.target.value })}
          data-testid="playbook-standard-clause"
        />
      </label>
      <button
        onClick={async () => {
          try {
            await call('playbook:set', { playbook: pb });
            setMsg('已保存');
            onSaved();
          } catch (err) {
            setMsg((err as Error).message);
          }
        }}
        data-testid="playbook-save"
      >
        保存标准
      </button>{' '}
      {msg && <span className="hint">{msg}</span>}
    </details>
  );
}

export function NdaPanel({
  report,
  selectedKey,
  onSelect,
  contractId,
}: PanelProps & { contractId: string }) {
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
      {!records.length && <p className="empty-small">未发现保密条款。</p>}
      {check && check.disagreements.length > 0 && (
        <section className="nda-disagree" data-testid="nda-disagreements">
          <h2>保密协议与主合同不一致（{check.disagreements.length}）</h2>
          <ul>
            {check.disagreements.map((d, i) => (
              <li key={i}>{d.message}</li>
            ))}
          </ul>
        </section>
      )}
      {records.map((r) => {
        const devs = check?.deviations.filter((d) => d.recordId === r.id) ?? [];
        return (
          <section key={r.id} className="nda-record">
            <h2>
              {NDA_SOURCE_LABELS[r.source]}
              <span className="sub">
                {r.title}
                {r.recipientName ? ` · ${r.recipientName}` : ''}
              </span>
            </h2>
            <table>
              <tbody>
                {r.terms.map((t) => {
                  const key = `nda:${r.id}:${t.key}`;
                  return (
                    <tr key={t.key} className={selectedKey === key ? 'selected' : ''}>
                      <th>{NDA_TERM_LABELS[t.key] ?? t.key}</th>
                      <td>
                        <button
                          className="term-link"
                          onClick={() => onSelect(key, t.anchor)}
                          title={t.text}
                        >
                          {String(t.value)}
                        </button>
                        {t.page ? <span className="page">p.{t.page}</span> : null}
                      </td>
                    </tr>
                  );
                })}
                {r.penaltyRuleIds.length > 0 && (
                  <tr>
                    <th>违约金</th>
                    <td>
                      {[
                        ...new Set(
                          r.penaltyRuleIds
                            .map((id) => report.penaltyRules.find((p) => p.id === id))
                            .filter(Boolean)
                            .map(
                              (p) =>
                                `${penaltyRateLabel(p!)}${p!.higherOfLoss ? '（与损失以高者为准）' : ''}`,
                            ),
                        ),
                      ].join('；')}
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
                        {SEVERITY_LABELS[d.severity]}
                      </span>{' '}
                      {d.message}
                    </button>
                    <div className="quote">“{d.quote.slice(0, 80)}”</div>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
      <PlaybookEditor onSaved={() => void load()} />
    </div>
  );
}
