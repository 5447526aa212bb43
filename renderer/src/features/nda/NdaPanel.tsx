/** NDA terms per source (保密条款, 保密协议, 个人保密协议); each term jumps to its sentence. */
import { NDA_SOURCE_LABELS, NDA_TERM_LABELS } from '../../../../shared/domain/labels';
import type { PanelProps } from '../../lib/panel';

export function NdaPanel({ report, selectedKey, onSelect }: PanelProps) {
  const records = report.confidentiality.records;
  if (!records.length) return <p className="empty-small">未发现保密条款。</p>;
  return (
    <div className="nda" data-testid="nda">
      {records.map((r) => (
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
                    {r.penaltyRuleIds
                      .map((id) => report.penaltyRules.find((p) => p.id === id))
                      .filter(Boolean)
                      .map(
                        (p) =>
                          `${p!.percent ?? '空白'}%（${p!.kind === 'lump_sum' ? '一次性' : (p!.kind ?? '不明')}）`,
                      )
                      .join('；')}
                  </td>
                </tr>
              )}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
