/** Penalty rules and service levels as tables; each row jumps to its clause. */
import {
  BASE_LABELS,
  KIND_LABELS,
  METRIC_LABELS,
  TRIGGER_LABELS,
  formatMinutes,
  groupPenaltyRules,
  penaltyRateLabel,
} from '../../../../shared/domain/labels';
import { useState } from 'react';
import type { PanelProps } from '../../lib/panel';

export function PenaltiesPanel({ report, selectedKey, onSelect }: PanelProps) {
  const withLevels = report.serviceLevels.some((s) => s.level);
  // Alike rules are one row (`乙方 其他违约 按实际损失 7 处`), opened to each clause on demand.
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const clauseOf = new Map(report.clauses.map((c) => [c.id, c]));
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
          {groupPenaltyRules(report.penaltyRules).map((g) => {
            const r = g.rules[0];
            const open = expanded.has(g.key);
            const row = (x: typeof r, member: boolean) => {
              const key = `penalty:${x.id}`;
              const where = clauseOf.get(x.clauseId ?? '')?.number;
              return (
                <tr
                  key={x.id}
                  className={`${selectedKey === key ? 'selected' : ''} ${member ? 'group-member' : ''}`}
                  tabIndex={0}
                  title={x.text}
                  onClick={() => onSelect(key, x.anchor)}
                  onKeyDown={(e) => e.key === 'Enter' && onSelect(key, x.anchor)}
                >
                  <td>
                    {member ? (where ?? '—') : x.payer === 'partyA' ? '甲方' : '乙方'}
                    {!member && g.rules.length > 1 && (
                      <button
                        className="link group-count"
                        aria-expanded={open}
                        data-testid="penalty-group"
                        onClick={(e) => {
                          e.stopPropagation();
                          const next = new Set(expanded);
                          if (open) next.delete(g.key);
                          else next.add(g.key);
                          setExpanded(next);
                        }}
                      >
                        {` ${g.rules.length} 处 ${open ? '▾' : '▸'}`}
                      </button>
                    )}
                  </td>
                  <td>{member ? '' : TRIGGER_LABELS[x.trigger]}</td>
                  <td>
                    {member ? (
                      ''
                    ) : x.kind ? (
                      KIND_LABELS[x.kind]
                    ) : (
                      <span className="warn">不明</span>
                    )}
                  </td>
                  <td className="num">
                    {member ? (
                      ''
                    ) : x.kind === 'actual_loss' ? (
                      '—'
                    ) : x.percent || x.yuan || x.feeMonths || x.rateBenchmark || x.forfeitsBond ? (
                      penaltyRateLabel(x, false)
                    ) : (
                      <span className="warn">空白</span>
                    )}
                  </td>
                  <td>
                    {member
                      ? ''
                      : x.percent !== null || (x.yuan === null && x.kind !== 'actual_loss')
                        ? BASE_LABELS[x.base]
                        : '—'}
                  </td>
                  <td>
                    {member
                      ? x.text.slice(0, 40)
                      : [
                          x.terminationAfterDays ? `超${x.terminationAfterDays}日可解除` : null,
                          x.startsAfterDays ? `第${x.startsAfterDays + 1}日起` : null,
                          x.capPercent ? `上限${x.capPercent}%` : null,
                          g.rules.length === 1 && where ? where : null,
                        ]
                          .filter(Boolean)
                          .join('，') || '—'}
                  </td>
                </tr>
              );
            };
            return [row(r, false), ...(open ? g.rules.map((x) => row(x, true)) : [])];
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
