/** Penalty rules and service levels as tables; each row jumps to its clause. */
import {
  BASE_LABELS,
  KIND_LABELS,
  METRIC_LABELS,
  TRIGGER_LABELS,
  formatMinutes,
  penaltyRateLabel,
} from '../../../../shared/domain/labels';
import type { PanelProps } from '../../lib/panel';

export function PenaltiesPanel({ report, selectedKey, onSelect }: PanelProps) {
  const withLevels = report.serviceLevels.some((s) => s.level);
  return (
    <div className="penalties">
      <h2>违约金条款（{report.penaltyRules.length}）</h2>
      <table className="grid" data-testid="penalty-table">
        <thead>
          <tr>
            <th>违约方</th>
            <th>情形</th>
            <th>方式</th>
            <th>比例/金额</th>
            <th>基数</th>
            <th>解除/起算</th>
          </tr>
        </thead>
        <tbody>
          {report.penaltyRules.length === 0 && (
            <tr>
              <td colSpan={6} className="empty-small">
                未发现违约金或赔偿条款
              </td>
            </tr>
          )}
          {report.penaltyRules.map((r) => {
            const key = `penalty:${r.id}`;
            return (
              <tr
                key={r.id}
                className={selectedKey === key ? 'selected' : ''}
                tabIndex={0}
                title={r.text}
                onClick={() => onSelect(key, r.anchor)}
                onKeyDown={(e) => e.key === 'Enter' && onSelect(key, r.anchor)}
              >
                <td>{r.payer === 'partyA' ? '甲方' : '乙方'}</td>
                <td>{TRIGGER_LABELS[r.trigger]}</td>
                <td>{r.kind ? KIND_LABELS[r.kind] : <span className="warn">不明</span>}</td>
                <td className="num">
                  {r.kind === 'actual_loss' ? (
                    '—'
                  ) : r.percent || r.yuan ? (
                    penaltyRateLabel(r, false)
                  ) : (
                    <span className="warn">空白</span>
                  )}
                </td>
                <td>
                  {r.percent !== null || (r.yuan === null && r.kind !== 'actual_loss')
                    ? BASE_LABELS[r.base]
                    : '—'}
                </td>
                <td>
                  {[
                    r.terminationAfterDays ? `超${r.terminationAfterDays}日可解除` : null,
                    r.startsAfterDays ? `第${r.startsAfterDays + 1}日起` : null,
                    r.capPercent ? `上限${r.capPercent}%` : null,
                  ]
                    .filter(Boolean)
                    .join('，') || '—'}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>服务时效（{report.serviceLevels.length}）</h2>
      {/* The severity class column appears when the contract grades its limits (一级/重大故障). */}
      <table className="grid" data-testid="sla-table">
        <thead>
          <tr>
            {withLevels && <th>级别</th>}
            <th>指标</th>
            <th>时限</th>
            <th>原文</th>
          </tr>
        </thead>
        <tbody>
          {report.serviceLevels.length === 0 && (
            <tr>
              <td colSpan={withLevels ? 4 : 3} className="empty-small">
                未发现响应、到场、处置等服务时效
              </td>
            </tr>
          )}
          {report.serviceLevels.map((s, i) => {
            const key = `sla:${i}`;
            const limit =
              s.metric === 'availability'
                ? `≥ ${s.percent}%`
                : s.minutes !== null
                  ? formatMinutes(s.minutes)
                  : `${s.seconds}秒`;
            return (
              <tr
                key={key}
                className={selectedKey === key ? 'selected' : ''}
                tabIndex={0}
                onClick={() => onSelect(key, s.anchor)}
                onKeyDown={(e) => e.key === 'Enter' && onSelect(key, s.anchor)}
              >
                {withLevels && <td>{s.level ?? '—'}</td>}
                <td>{METRIC_LABELS[s.metric]}</td>
                <td className="num">{limit}</td>
                <td className="source">{s.text}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
