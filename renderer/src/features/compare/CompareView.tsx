/** The comparison matrix of the selected contracts; strictest and most lenient marked; each cell opens its clause. */
import { useEffect, useState } from 'react';
import { compareContracts, type ComparisonMatrix } from '../../../../shared/domain/compare/matrix';
import { call } from '../../lib/ipc';
import type { ReviewReport } from '../../lib/report-types';
import { ClauseDiff, type StandardClause } from './ClauseDiff';
import type { NdaPlaybook } from '../../../../shared/domain/nda/playbook';

export function CompareView({
  ids,
  onOpenClause,
}: {
  ids: string[];
  onOpenClause: (contractId: string, clauseId: string | null) => void;
}) {
  const [matrix, setMatrix] = useState<ComparisonMatrix | null>(null);
  const [sources, setSources] = useState<{ id: string; title: string; report: ReviewReport }[]>([]);
  const [standards, setStandards] = useState<StandardClause[]>([]);
  useEffect(() => {
    void call('playbook:get', {}).then((p) => {
      const text = (p as NdaPlaybook).standardClause ?? '';
      setStandards([
        {
          key: 'playbook:confidentiality',
          category: 'confidentiality',
          label: '保密审查标准 · 标准条款',
          text,
        },
      ]);
    });
  }, []);
  useEffect(() => {
    void Promise.all(ids.map((id) => call('contracts:get', { id }))).then((cs) => {
      const list = cs.map((c) => ({
        id: c.summary.id,
        title: c.summary.title ?? c.summary.fileName,
        report: c.report as ReviewReport,
      }));
      setSources(list);
      setMatrix(compareContracts(list));
    });
  }, [ids]);
  if (!matrix) return <div className="loading">正在比较…</div>;
  return (
    <div className="compare" data-testid="compare">
      <p className="hint">
        红色为对乙方最严、绿色为最宽松（违约金比例越高越严，时限越短越严）；点击单元格查看原文。
      </p>
      <table className="grid matrix">
        <thead>
          <tr>
            <th>条款</th>
            {matrix.contracts.map((c) => (
              <th key={c.id}>{c.title}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((r) => (
            <tr key={r.key} data-row={r.key}>
              <th>{r.label}</th>
              {matrix.contracts.map((c) => {
                const cell = r.cells[c.id];
                const mark = r.strictest.includes(c.id)
                  ? 'strictest'
                  : r.mostLenient.includes(c.id)
                    ? 'lenient'
                    : '';
                return (
                  <td
                    key={c.id}
                    className={`${mark} ${cell ? 'has' : ''}`}
                    onClick={() => cell && onOpenClause(c.id, cell.clauseId)}
                    title={cell?.page ? `第 ${cell.page} 页` : undefined}
                  >
                    {cell?.display ?? '—'}
                    {mark === 'strictest' && <span className="badge"> 最严</span>}
                    {mark === 'lenient' && <span className="badge"> 最宽</span>}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <ClauseDiff sources={sources} standards={standards} />
    </div>
  );
}
