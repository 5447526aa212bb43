/** Findings with severity filters; each jumps to the text that triggered it. */
import { useState } from 'react';
import { RULE_LABELS, SEVERITY_LABELS } from '../../../../shared/domain/labels';
import type { Severity } from '../../../../shared/domain/findings/types';
import type { PanelProps } from '../../lib/panel';
import { mergeAnchors } from '../../lib/anchors';

const SEVERITIES: Severity[] = ['high', 'medium', 'low'];

export function FindingsPanel({ report, selectedKey, onSelect }: PanelProps) {
  const [shown, setShown] = useState<Record<Severity, boolean>>({
    high: true,
    medium: true,
    low: true,
  });
  const count = (s: Severity) => report.findings.filter((f) => f.severity === s).length;
  const list = report.findings
    .map((f, i) => ({ f, key: `finding:${i}` }))
    .filter(({ f }) => shown[f.severity]);
  return (
    <div className="findings" data-testid="findings">
      <div className="filters" role="group" aria-label="按严重程度筛选">
        {SEVERITIES.map((s) => (
          <label key={s} className={`sev sev-${s}`}>
            <input
              type="checkbox"
              checked={shown[s]}
              data-testid={`filter-${s}`}
              onChange={(e) => setShown({ ...shown, [s]: e.target.checked })}
            />
            {SEVERITY_LABELS[s]}（{count(s)}）
          </label>
        ))}
      </div>
      {list.length === 0 && <p className="empty-small">没有符合条件的问题。</p>}
      <ul>
        {list.map(({ f, key }) => (
          <li key={key}>
            <button
              className={`finding ${selectedKey === key ? 'selected' : ''}`}
              data-rule={f.ruleId}
              data-severity={f.severity}
              onClick={() => onSelect(key, mergeAnchors(f.anchors))}
            >
              <span className={`sev-tag sev-${f.severity}`}>{SEVERITY_LABELS[f.severity]}</span>
              <span className="rule">{RULE_LABELS[f.ruleId] ?? f.ruleId}</span>
              {f.page && <span className="page">p.{f.page}</span>}
              <span className="message">{f.message}</span>
              <span className="quote">
                “{f.quote.length > 80 ? `${f.quote.slice(0, 80)}…` : f.quote}”
              </span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
