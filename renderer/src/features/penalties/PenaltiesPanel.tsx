/**
 * Penalty rules and service levels as tables, each row citing its clause (`八、8.3 违约责任 ·
 * p.5`) and jumping to it. Alike penalty rules (same payer, breach, kind, rate and base) are one
 * row, `3 处`, opened to each clause on demand. Each table is one Tab stop; ↑/↓ move between
 * rows, Enter shows one.
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { groupPenaltyRules } from '../../../../shared/domain/labels';
import type { PanelProps } from '../../lib/panel';
import { useLabels } from '../../lib/labels';
import { useRoving } from '../../lib/roving';
import { ClauseRef, useCiter } from '../../components/ClauseRef';
import type { ReportPenaltyRule } from '../../../../shared/domain/report';
import { usePersonalData } from '../../lib/pii';

export function PenaltiesPanel({ report, selectedKey, onSelect }: PanelProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const cite = useCiter(report.clauses);
  const pii = usePersonalData();
  const withLevels = report.serviceLevels.some((s) => s.level);
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const groups = groupPenaltyRules(report.penaltyRules);
  // The rows as shown: each group's first rule, and its members when the group is open.
  const rows = groups.flatMap((g) => [
    { g, x: g.rules[0], member: false },
    ...(expanded.has(g.key) ? g.rules.map((x) => ({ g, x, member: true })) : []),
  ]);
  const penaltyRoving = useRoving(rows.length);
  const slaRoving = useRoving(report.serviceLevels.length);
  const toggle = (key: string) => {
    const next = new Set(expanded);
    if (next.has(key)) next.delete(key);
    else next.add(key);
    setExpanded(next);
  };
  /** What a rule charges, or a warning where the contract leaves it blank. */
  const rate = (x: ReportPenaltyRule) =>
    x.kind === 'actual_loss' ? (
      '—'
    ) : x.percent || x.yuan || x.feeMonths || x.rateBenchmark || x.forfeitsBond ? (
      labels.penaltyRate(x, false)
    ) : (
      <span className="warn">{t('penalties.rateBlank')}</span>
    );
  const conditions = (x: ReportPenaltyRule) =>
    [
      x.terminationAfterDays
        ? t('penalties.terminationAfter', { n: x.terminationAfterDays })
        : null,
      x.startsAfterDays ? t('penalties.startsOn', { n: x.startsAfterDays + 1 }) : null,
      x.capPercent ? t('penalties.cap', { n: x.capPercent }) : null,
    ]
      .filter(Boolean)
      .join(t('common.listSeparator')) || '—';
  return (
    <div className="penalties">
      <h2>{t('penalties.title', { n: report.penaltyRules.length })}</h2>
      <table className="grid" data-testid="penalty-table">
        <thead>
          <tr>
            <th>{t('penalties.payer')}</th>
            <th>{t('penalties.trigger')}</th>
            <th>{t('penalties.kind')}</th>
            <th>{t('penalties.rate')}</th>
            <th>{t('penalties.base')}</th>
            <th>{t('penalties.conditions')}</th>
            <th>{t('penalties.clause')}</th>
          </tr>
        </thead>
        <tbody onKeyDown={penaltyRoving.onKeyDown}>
          {report.penaltyRules.length === 0 && (
            <tr>
              <td colSpan={7} className="empty-small">
                {t('penalties.none')}
              </td>
            </tr>
          )}
          {rows.map(({ g, x, member }, i) => {
            const key = `penalty:${x.id}`;
            const grouped = g.rules.length > 1;
            const open = expanded.has(g.key);
            return (
              <tr
                key={`${x.id}:${member}`}
                {...penaltyRoving.itemProps(i)}
                className={`${selectedKey === key ? 'selected' : ''} ${member ? 'group-member' : ''}`}
                data-testid={member ? 'penalty-member' : 'penalty-row'}
                onClick={() => onSelect(key, x.anchor)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') onSelect(key, x.anchor);
                  if (!member && grouped && (e.key === '+' || e.key === '-')) toggle(g.key);
                }}
              >
                <td>
                  {member ? '' : labels.party(x.payer)}
                  {!member && grouped && (
                    <button
                      className="link group-count"
                      aria-expanded={open}
                      tabIndex={-1}
                      data-testid="penalty-group"
                      onClick={(e) => {
                        e.stopPropagation();
                        toggle(g.key);
                      }}
                    >
                      {` ${t('penalties.places', { n: g.rules.length })} ${open ? '▾' : '▸'}`}
                    </button>
                  )}
                </td>
                <td>{member ? '' : labels.word('trigger', x.trigger)}</td>
                <td>
                  {member ? (
                    ''
                  ) : x.kind ? (
                    labels.word('kind', x.kind)
                  ) : (
                    <span className="warn">{t('penalties.kindUnclear')}</span>
                  )}
                </td>
                <td className="num">{member ? '' : rate(x)}</td>
                <td>
                  {member
                    ? ''
                    : x.percent !== null || (x.yuan === null && x.kind !== 'actual_loss')
                      ? labels.word('base', x.base)
                      : '—'}
                </td>
                <td>{member ? '' : conditions(x)}</td>
                <td>
                  {member || !grouped ? (
                    <ClauseRef cite={cite} clause={x.clauseId} page={x.page} />
                  ) : (
                    <span className="hint">{t('penalties.seePlaces')}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <h2>{t('penalties.slaTitle', { n: report.serviceLevels.length })}</h2>
      {/* The severity class column appears when the contract grades its limits (一级/重大故障). */}
      <table className="grid" data-testid="sla-table">
        <thead>
          <tr>
            {withLevels && <th>{t('penalties.level')}</th>}
            <th>{t('penalties.metric')}</th>
            <th>{t('penalties.limit')}</th>
            <th>{t('penalties.clause')}</th>
            <th>{t('penalties.source')}</th>
          </tr>
        </thead>
        <tbody onKeyDown={slaRoving.onKeyDown}>
          {report.serviceLevels.length === 0 && (
            <tr>
              <td colSpan={withLevels ? 5 : 4} className="empty-small">
                {t('penalties.slaNone')}
              </td>
            </tr>
          )}
          {report.serviceLevels.map((s, i) => {
            const key = `sla:${i}`;
            const limit =
              s.metric === 'availability'
                ? `≥ ${s.percent}%`
                : s.minutes !== null
                  ? labels.minutes(s.minutes)
                  : t('penalties.seconds', { n: s.seconds });
            return (
              <tr
                key={key}
                {...slaRoving.itemProps(i)}
                className={selectedKey === key ? 'selected' : ''}
                onClick={() => onSelect(key, s.anchor)}
                onKeyDown={(e) => e.key === 'Enter' && onSelect(key, s.anchor)}
              >
                {withLevels && <td lang="zh-CN">{s.level ?? '—'}</td>}
                <td>{labels.word('metric', s.metric)}</td>
                <td className="num">{limit}</td>
                <td>
                  <ClauseRef cite={cite} clause={s.clauseId} page={s.page} />
                </td>
                <td className="source" lang="zh-CN">
                  {pii(s.text)}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
