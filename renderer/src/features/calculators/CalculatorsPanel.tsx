/**
 * Calculators beside the PDF: penalties (per day, once, per occurrence; cap, termination,
 * court-adjustment flag), performance score and KPI rubric, and the payment schedule with due
 * dates, tax split and 大写 ↔ figures. Prefilled from the contract, editable, each result with
 * its working; selecting a rule highlights its clause; scenarios are saved with the contract.
 */
import { useEffect, useMemo, useState } from 'react';
import { PRC_HOLIDAYS, type HolidayCalendar } from '../../../../shared/domain/calendar/holidays';
import {
  BASE_LABELS,
  KIND_LABELS,
  penaltyRateLabel,
  TRIGGER_LABELS,
} from '../../../../shared/domain/labels';
import {
  countedPenalty,
  perDayPenalty,
  type CalculationResult,
} from '../../../../shared/domain/calculators/penalty';
import {
  fromWritten,
  paymentSchedule,
  taxSplit,
  toWritten,
  type PaymentEvents,
} from '../../../../shared/domain/calculators/payments';
import {
  parseRubric,
  refundByGrade,
  scoreRubric,
  tailFromScore,
  type RubricAdjustment,
} from '../../../../shared/domain/calculators/kpi';
import { extractSubItems } from '../../../../shared/domain/terms/sub-items';
import { dailyFee } from '../../../../shared/domain/calculators/daily-fee';
import type { Scenario } from '../../../../shared/domain/checklist';
import { call } from '../../lib/ipc';
import { formatYuan } from '../../lib/format';
import type { PanelProps } from '../../lib/panel';
import type { ReportPenaltyRule } from '../../../../shared/domain/report';

interface Props extends PanelProps {
  contractId: string;
  text: string;
  scenarios: Scenario[];
  events: PaymentEvents;
  onScenariosChange: (s: Scenario[]) => void;
  onEventsChange: (e: PaymentEvents) => void;
}

function ruleLabel(r: ReportPenaltyRule): string {
  return `${r.payer === 'partyA' ? '甲方' : '乙方'}·${TRIGGER_LABELS[r.trigger]} ${penaltyRateLabel(r, false)}${r.kind ? `（${KIND_LABELS[r.kind]}）` : '（方式不明）'}`;
}

function Result({ result }: { result: CalculationResult | { error: string } | null }) {
  if (!result) return null;
  if ('error' in result) return <div className="notice error">{result.error}</div>;
  return (
    <div className="calc-result" data-testid="calc-result">
      <ol className="steps">
        {result.steps.map((s, i) => (
          <li key={i}>
            <span className="label">{s.label}</span>
            <span className="expr">{s.expression}</span>
            <span className="eq">=</span>
            <span className="value">
              {/^\d+\.\d{2}$/.test(s.value) ? formatYuan(s.value) : s.value}
            </span>
          </li>
        ))}
      </ol>
      <div className="total">
        合计 <strong data-testid="calc-total">¥{formatYuan(result.totalYuan)}</strong>
      </div>
      {result.notes.map((n, i) => (
        <div key={i} className="notice warn-note" data-testid="calc-note">
          {n}
        </div>
      ))}
      {result.courtFlag && <div className="source">依据：{result.courtFlag.source}</div>}
    </div>
  );
}

function PenaltyCalculator({
  report,
  text,
  onSelect,
  contractId,
  scenarios,
  onScenariosChange,
}: Props) {
  // Compensation of the actual loss has nothing to compute from the contract.
  const rules = report.penaltyRules.filter((r) => r.kind !== 'actual_loss');
  const [ruleId, setRuleId] = useState(rules[0]?.id ?? '');
  const rule = rules.find((r) => r.id === ruleId) ?? null;
  const total = report.contract.totalAmount?.yuan ?? '';
  const subItems = useMemo(() => extractSubItems(text), [text]);
  // For a fixed-sum rule the base field holds the agreed sum itself.
  const [base, setBase] = useState<string>(rule?.yuan ?? total);
  const [percent, setPercent] = useState<string>(rule?.percent ?? '');
  const [count, setCount] = useState<string>('1');
  const [loss, setLoss] = useState<string>('');
  const [kind, setKind] = useState<string>(rule?.kind ?? 'per_day');
  const [result, setResult] = useState<CalculationResult | { error: string } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const termination = rule?.terminationPenaltyRuleId
    ? rules.find((r) => r.id === rule.terminationPenaltyRuleId)
    : null;

  const choose = (id: string) => {
    const r = rules.find((x) => x.id === id)!;
    setRuleId(id);
    setPercent(r.percent ?? '');
    setKind(r.kind ?? 'per_day');
    setBase(
      r.yuan !== null
        ? r.yuan
        : r.base === 'contract_total'
          ? total
          : r.base === 'daily_fee'
            ? (dailyFee(report.contract)?.yuan ?? '')
            : '',
    );
    setResult(null);
    onSelect(`penalty:${r.id}`, r.anchor);
  };
  const compute = () => {
    try {
      if (!rule) return;
      const n = Number(count);
      const common = {
        // A fixed-sum rule's cap or termination lump sum, if any, is a percent of the total.
        baseYuan: rule.yuan !== null ? total : base,
        baseLabel: BASE_LABELS[rule.base],
        fixedYuan: rule.yuan !== null ? base : null,
        lossYuan: loss || undefined,
      };
      setResult(
        kind === 'per_day'
          ? perDayPenalty({
              ...common,
              percentPerDay: percent,
              days: n,
              startsAfterDays: rule.startsAfterDays,
              capPercent: rule.capPercent,
              terminationAfterDays: rule.terminationAfterDays,
              terminationWhen: rule.terminationWhen ?? 'exceeded',
              terminationPercent: termination?.percent ?? null,
            })
          : countedPenalty({
              ...common,
              percent,
              occurrences: kind === 'lump_sum' ? 1 : n,
              terminationAfterOccurrences: rule.terminationAfterOccurrences,
              higherOfLoss: rule.higherOfLoss,
            }),
      );
      onSelect(`penalty:${rule.id}`, rule.anchor);
    } catch (err) {
      setResult({ error: (err as Error).message });
    }
  };
  const save = async () => {
    if (!rule || !result || 'error' in result) return;
    const res = await call('scenarios:save', {
      id: contractId,
      scenario: {
        name: `${ruleLabel(rule)} · ${count}${kind === 'per_day' ? '日' : '次'}`,
        calculator: 'penalty',
        inputs: { ruleId: rule.id, baseYuan: base, percent, count, kind, lossYuan: loss || null },
        totalYuan: result.totalYuan,
        summary: result.steps.map((s) => `${s.label}：${s.expression} = ${s.value}`).join('；'),
      },
    });
    onScenariosChange([...scenarios, res.scenario as Scenario]);
    setSaved('已保存方案');
  };
  if (!rules.length) return <p className="empty-small">合同中未发现违约金条款。</p>;
  return (
    <section className="calc" data-testid="penalty-calculator">
      <h2>违约金计算</h2>
      <label>
        条款
        <select value={ruleId} onChange={(e) => choose(e.target.value)} data-testid="calc-rule">
          {rules.map((r) => (
            <option key={r.id} value={r.id}>
              {ruleLabel(r)}
            </option>
          ))}
        </select>
      </label>
      {rule && <p className="rule-text">“{rule.text}”</p>}
      <div className="calc-grid">
        <label>
          {rule?.yuan !== null && rule?.yuan !== undefined
            ? `约定金额（元${kind === 'per_day' ? '/日' : kind === 'per_occurrence' ? '/次' : ''}）`
            : `基数（${rule ? BASE_LABELS[rule.base] : ''}，元）`}
          <input
            value={base}
            onChange={(e) => setBase(e.target.value)}
            data-testid="calc-base"
            inputMode="decimal"
          />
        </label>
        {rule?.base === 'daily_fee' && dailyFee(report.contract) && (
          <p className="hint">估算：{dailyFee(report.contract)!.basis}，可修改</p>
        )}
        {rule?.base === 'sub_item_budget' && subItems.length > 0 && (
          <label>
            选择分项
            <select onChange={(e) => setBase(e.target.value)} defaultValue="">
              <option value="" disabled>
                从分项表选择…
              </option>
              {subItems.map((s, i) => (
                <option key={i} value={s.yuan}>
                  {s.name} · ¥{formatYuan(s.yuan)}
                </option>
              ))}
            </select>
          </label>
        )}
        {rule?.yuan === null && (
          <label>
            比例（%）
            <input
              value={percent}
              onChange={(e) => setPercent(e.target.value)}
              data-testid="calc-percent"
              inputMode="decimal"
            />
          </label>
        )}
        <label>
          计算方式
          <select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="calc-kind">
            <option value="per_day">按日</option>
            <option value="per_occurrence">按次</option>
            <option value="lump_sum">一次性</option>
          </select>
        </label>
        {kind !== 'lump_sum' && (
          <label>
            {kind === 'per_day' ? '逾期/中断天数' : '次数'}
            <input
              value={count}
              onChange={(e) => setCount(e.target.value)}
              data-testid="calc-days"
              inputMode="numeric"
            />
          </label>
        )}
        <label>
          实际损失（元，可选）
          <input
            value={loss}
            onChange={(e) => setLoss(e.target.value)}
            data-testid="calc-loss"
            inputMode="decimal"
          />
        </label>
      </div>
      <div className="calc-actions">
        <button className="primary" onClick={compute} data-testid="calc-run">
          计算
        </button>
        <button
          onClick={() => void save()}
          disabled={!result || 'error' in result}
          data-testid="calc-save"
        >
          保存方案
        </button>
        {saved && <span className="hint">{saved}</span>}
      </div>
      <Result result={result} />
    </section>
  );
}

function KpiCalculator({ report, text }: Props) {
  const items = useMemo(() => parseRubric(text), [text]);
  const refunds = useMemo(() => refundByGrade(text, report.gradeBands), [text, report.gradeBands]);
  const tail =
    report.contract.paymentInstallments[report.contract.paymentInstallments.length - 1]?.yuan ??
    null;
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [score, setScore] = useState('90');
  if (!report.scoreBands.length && !(report.gradeBands.length && items.length)) return null;
  const adjustments: RubricAdjustment[] = Object.entries(counts)
    .filter(([, v]) => Number(v) > 0)
    .map(([key, v]) => {
      const [itemId, kind] = key.split(':');
      return { itemId, kind: kind as 'deduct' | 'add', times: Number(v) };
    });
  let rubric: ReturnType<typeof scoreRubric> | null = null;
  let tailResult: ReturnType<typeof tailFromScore> | { error: string } | null = null;
  if (report.gradeBands.length && items.length)
    rubric = scoreRubric(items, adjustments, report.gradeBands, refunds, tail);
  if (report.scoreBands.length && report.contract.totalAmount) {
    try {
      tailResult = tailFromScore(score, report.scoreBands, report.contract.totalAmount.yuan);
    } catch (err) {
      tailResult = { error: (err as Error).message };
    }
  }
  return (
    <section className="calc" data-testid="kpi-calculator">
      <h2>绩效考核</h2>
      {tailResult && (
        <div>
          <label>
            绩效得分
            <input
              value={score}
              onChange={(e) => setScore(e.target.value)}
              data-testid="kpi-score-input"
            />
          </label>
          {'error' in tailResult ? (
            <div className="notice error">{tailResult.error}</div>
          ) : (
            <p data-testid="kpi-tail">
              档次 ≥{tailResult.band.minScore} 分：支付合同金额的 {tailResult.percentOfTotal}% = ¥
              {formatYuan(tailResult.yuan)}
            </p>
          )}
        </div>
      )}
      {rubric && (
        <>
          <p className="hint">
            初始 100 分，按考核表逐项加减（次数）。退回尾款比例：
            {Object.entries(refunds)
              .map(([g, p]) => `${g} ${p}%`)
              .join('，') || '合同未约定'}
          </p>
          <table className="grid rubric" data-testid="kpi-rubric">
            <thead>
              <tr>
                <th>考核项</th>
                <th>扣分</th>
                <th>加分</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id} title={i.standard}>
                  <td>
                    {i.category ? <span className="sub">{i.category} · </span> : null}
                    {i.name}
                  </td>
                  <td>
                    {i.deduct && (
                      <input
                        className="count"
                        aria-label={`${i.name} 扣分次数`}
                        data-testid={`deduct-${i.id}`}
                        value={counts[`${i.id}:deduct`] ?? ''}
                        placeholder={`−${i.deduct}`}
                        onChange={(e) =>
                          setCounts({ ...counts, [`${i.id}:deduct`]: e.target.value })
                        }
                      />
                    )}
                  </td>
                  <td>
                    {i.add && (
                      <input
                        className="count"
                        aria-label={`${i.name} 加分次数`}
                        value={counts[`${i.id}:add`] ?? ''}
                        placeholder={`+${i.add}`}
                        onChange={(e) => setCounts({ ...counts, [`${i.id}:add`]: e.target.value })}
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="calc-result" data-testid="kpi-result">
            得分 <strong data-testid="kpi-score">{rubric.score}</strong> · 等级{' '}
            <strong data-testid="kpi-grade">{rubric.grade}</strong>
            {rubric.refundPercent !== null && (
              <>
                {' '}
                · 退回尾款 {rubric.refundPercent}%
                {rubric.refundYuan && (
                  <>
                    {' '}
                    = <strong data-testid="kpi-refund">¥{formatYuan(rubric.refundYuan)}</strong>
                  </>
                )}
              </>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** The holiday calendar used for working days: shipped PRC years, editable, saved in the store. */
function CalendarEditor({
  calendar,
  onChange,
}: {
  calendar: HolidayCalendar;
  onChange: (c: HolidayCalendar) => void;
}) {
  const [holidays, setHolidays] = useState(calendar.holidays.join('\n'));
  const [workdays, setWorkdays] = useState(calendar.workdays.join('\n'));
  const [years, setYears] = useState(calendar.years.join(', '));
  const [message, setMessage] = useState<string | null>(null);
  const save = async () => {
    const dates = (t: string) =>
      t
        .split(/\s+/)
        .map((x) => x.trim())
        .filter(Boolean);
    try {
      const next = await call('calendar:set', {
        calendar: {
          years: years
            .split(/[,，\s]+/)
            .filter(Boolean)
            .map(Number),
          holidays: dates(holidays),
          workdays: dates(workdays),
          source: `${calendar.source}（已编辑）`.replace(/（已编辑）+$/, '（已编辑）'),
        },
      });
      onChange(next);
      setMessage('已保存');
    } catch (err) {
      setMessage((err as Error).message);
    }
  };
  return (
    <details className="calendar-editor">
      <summary>
        节假日日历：{calendar.years.join('、')} 年（{calendar.source}
        ）。其他年份仅扣除周末，可在此补充。
      </summary>
      <div className="calc-grid">
        <label>
          已录入年份
          <input value={years} onChange={(e) => setYears(e.target.value)} />
        </label>
        <span />
        <label>
          放假日期（每行一个 YYYY-MM-DD）
          <textarea rows={5} value={holidays} onChange={(e) => setHolidays(e.target.value)} />
        </label>
        <label>
          调休上班日期
          <textarea rows={5} value={workdays} onChange={(e) => setWorkdays(e.target.value)} />
        </label>
      </div>
      <button onClick={() => void save()}>保存日历</button>{' '}
      {message && <span className="hint">{message}</span>}
    </details>
  );
}

function PaymentCalculator({ report, contractId, events, onEventsChange, onSelect }: Props) {
  const [written, setWritten] = useState('');
  const [figures, setFigures] = useState('');
  const [calendar, setCalendar] = useState<HolidayCalendar>(PRC_HOLIDAYS);
  useEffect(() => {
    void call('calendar:get', {}).then(setCalendar);
  }, []);
  const schedule = paymentSchedule(report.contract.paymentInstallments, events, calendar);
  const total = report.contract.totalAmount;
  const [rate, setRate] = useState(total?.taxRatePercent ?? '6');
  const setEvent = async (key: keyof PaymentEvents, value: string) => {
    const next = await call('contracts:setEvents', {
      id: contractId,
      events: { [key]: value || null },
    });
    onEventsChange(next);
  };
  let split: ReturnType<typeof taxSplit> | null = null;
  try {
    split = total ? taxSplit(total.yuan, rate) : null;
  } catch {
    split = null;
  }
  let figuresOut = '';
  try {
    figuresOut = figures ? toWritten(figures) : '';
  } catch (err) {
    figuresOut = (err as Error).message;
  }
  return (
    <section className="calc" data-testid="payment-calculator">
      <h2>付款计划</h2>
      <div className="calc-grid">
        <label>
          发票收到日期
          <input
            type="date"
            value={events.invoiceDate ?? ''}
            onChange={(e) => void setEvent('invoiceDate', e.target.value)}
          />
        </label>
        <label>
          验收合格日期
          <input
            type="date"
            value={events.acceptanceDate ?? ''}
            onChange={(e) => void setEvent('acceptanceDate', e.target.value)}
          />
        </label>
      </div>
      <CalendarEditor
        key={calendar.source + calendar.holidays.length}
        calendar={calendar}
        onChange={setCalendar}
      />
      <table className="grid" data-testid="payment-schedule">
        <thead>
          <tr>
            <th>期次</th>
            <th>金额</th>
            <th>到期日</th>
            <th>依据</th>
          </tr>
        </thead>
        <tbody>
          {schedule.map((p) => {
            const kt = report.keyTerms.find((k) => k.key === `installment.${p.sequence}`);
            return (
              <tr key={p.sequence} onClick={() => kt && onSelect(`term:${kt.key}`, kt.anchor)}>
                <td>
                  第{p.sequence}期{p.percent ? ` ${p.percent}%` : ''}
                </td>
                <td className="num">¥{formatYuan(p.yuan)}</td>
                <td>{p.dueDate ?? '—'}</td>
                <td className="source">{p.basis}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {split && (
        <p>
          价税分离（{total?.taxRatePercent ? '合同税率' : '假设税率'}
          <input
            className="count"
            value={rate}
            onChange={(e) => setRate(e.target.value)}
            aria-label="税率"
          />
          %）：不含税 ¥{formatYuan(split.excludingTax)} + 税额 ¥{formatYuan(split.tax)}
        </p>
      )}
      <div className="calc-grid">
        <label>
          小写 → 大写
          <input
            value={figures}
            onChange={(e) => setFigures(e.target.value)}
            placeholder="例：375980.00"
          />
        </label>
        <output>{figuresOut}</output>
        <label>
          大写 → 小写
          <input
            value={written}
            onChange={(e) => setWritten(e.target.value)}
            placeholder="例：叁拾柒万伍仟玖佰捌拾元整"
          />
        </label>
        <output>{written ? (fromWritten(written) ?? '不是有效的大写金额') : ''}</output>
      </div>
    </section>
  );
}

export function CalculatorsPanel(props: Props) {
  return (
    <div className="calculators">
      <PenaltyCalculator {...props} />
      <KpiCalculator {...props} />
      <PaymentCalculator {...props} />
      {props.scenarios.length > 0 && (
        <section className="calc">
          <h2>已保存的方案</h2>
          <ul className="scenarios" data-testid="scenarios">
            {props.scenarios.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong> · ¥{formatYuan(s.totalYuan)}{' '}
                <span className="sub">{s.savedAt.slice(0, 16).replace('T', ' ')}</span>
                <button
                  className="link"
                  onClick={async () => {
                    await call('scenarios:remove', { id: props.contractId, scenarioId: s.id });
                    props.onScenariosChange(props.scenarios.filter((x) => x.id !== s.id));
                  }}
                >
                  删除
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
