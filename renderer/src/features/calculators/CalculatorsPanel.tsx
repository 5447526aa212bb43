/**
 * Calculators beside the PDF: penalties (per day, once, per occurrence; cap, termination as the
 * reviewer's explicit choice, the court-adjustment prompt), performance score and KPI rubric,
 * and the payment schedule with due dates (each installment from its own invoice date), tax
 * split and 大写 ↔ figures. Prefilled from the contract, editable, each result with its working
 * and the clause it rests on; scenarios are saved with the contract.
 */
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Decimal from 'decimal.js';
import type { HolidayCalendar } from '../../../../shared/domain/calendar/holidays';
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
import type { ReportPenaltyRule } from '../../../../shared/domain/report';
import { call } from '../../lib/ipc';
import { formatTime, formatYuan } from '../../lib/format';
import type { PanelProps } from '../../lib/panel';
import { useLabels, type Labels } from '../../lib/labels';
import { useCalcWords } from '../../lib/calc-words';
import { useErrorText } from '../../lib/errors';
import { useNavigation } from '../../app/navigation';
import { ClauseRef, useCiter } from '../../components/ClauseRef';
import { DateField } from '../../components/DateField';

interface Props extends PanelProps {
  contractId: string;
  text: string;
  scenarios: Scenario[];
  events: PaymentEvents;
  onScenariosChange: (s: Scenario[]) => void;
  onEventsChange: (e: PaymentEvents) => void;
}

/** A rule as the picker names it: `乙方 · 逾期履行 · 1%/日`. */
function ruleLabel(r: ReportPenaltyRule, labels: Labels, unclear: string): string {
  return [
    labels.party(r.payer),
    labels.word('trigger', r.trigger),
    `${labels.penaltyRate(r, false)} (${r.kind ? labels.word('kind', r.kind) : unclear})`,
  ].join(' · ');
}

/**
 * The base a rule is computed on, prefilled only where the contract fixes it: the agreed sum of
 * a fixed-sum rule, the contract total, or the estimated daily fee; a sub-item budget, an overdue
 * or paid amount is the reviewer's to enter.
 */
function baseFor(rule: ReportPenaltyRule | null, report: Props['report']): string {
  if (!rule) return '';
  if (rule.yuan !== null) return rule.yuan;
  if (rule.base === 'contract_total') return report.contract.totalAmount?.yuan ?? '';
  if (rule.base === 'daily_fee') return dailyFee(report.contract)?.yuan ?? '';
  return '';
}

function Result({ result }: { result: CalculationResult | { error: string } | null }) {
  const { t } = useTranslation();
  if (!result) return null;
  if ('error' in result)
    return (
      <div className="notice error" role="alert" data-testid="calc-error">
        {result.error}
      </div>
    );
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
        {t('calc.total')} <strong data-testid="calc-total">¥{formatYuan(result.totalYuan)}</strong>
      </div>
      {result.notes.map((n, i) => (
        <div key={i} className="notice warn-note" data-testid="calc-note">
          {n}
        </div>
      ))}
      {result.courtFlag && (
        <div className="source" data-testid="calc-source">
          {t('calc.source', { source: result.courtFlag.source })}
        </div>
      )}
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
  const { t } = useTranslation();
  const labels = useLabels();
  const words = useCalcWords();
  const errorText = useErrorText();
  const cite = useCiter(report.clauses);
  // Compensation of the actual loss has nothing to compute from the contract.
  const rules = report.penaltyRules.filter((r) => r.kind !== 'actual_loss');
  const [ruleId, setRuleId] = useState(rules[0]?.id ?? '');
  const rule = rules.find((r) => r.id === ruleId) ?? null;
  const total = report.contract.totalAmount?.yuan ?? '';
  const subItems = useMemo(() => extractSubItems(text), [text]);
  // For a fixed-sum rule the base field holds the agreed sum itself.
  const [base, setBase] = useState<string>(baseFor(rules[0] ?? null, report));
  const [percent, setPercent] = useState<string>(rule?.percent ?? '');
  const [count, setCount] = useState<string>('1');
  const [loss, setLoss] = useState<string>('');
  const [kind, setKind] = useState<string>(rule?.kind ?? 'per_day');
  const [terminate, setTerminate] = useState(false);
  const [result, setResult] = useState<CalculationResult | { error: string } | null>(null);
  const [saved, setSaved] = useState<{ ok: boolean; text: string } | null>(null);
  const termination = rule?.terminationPenaltyRuleId
    ? rules.find((r) => r.id === rule.terminationPenaltyRuleId)
    : null;
  const unclear = t('penalties.kindUnclear');

  const choose = (id: string) => {
    const r = rules.find((x) => x.id === id)!;
    setRuleId(id);
    setPercent(r.percent ?? '');
    setKind(r.kind ?? 'per_day');
    setBase(baseFor(r, report));
    setTerminate(false);
    setResult(null);
    onSelect(`penalty:${r.id}`, r.anchor);
  };
  const compute = () => {
    if (!rule) return;
    if (base.trim() === '' && (rule.yuan === null || rule.capPercent || terminate)) {
      setResult({ error: t('calc.needBase', { base: labels.word('base', rule.base) }) });
      return;
    }
    try {
      const common = {
        // A fixed-sum rule's cap or termination lump sum, if any, is a percent of the total.
        baseYuan: rule.yuan !== null ? total : base,
        baseLabel: labels.word('base', rule.base),
        fixedYuan: rule.yuan !== null ? base : null,
        lossYuan: loss || undefined,
        contractTotalYuan: total || undefined,
      };
      setResult(
        kind === 'per_day'
          ? perDayPenalty(
              {
                ...common,
                percentPerDay: percent,
                days: count,
                startsAfterDays: rule.startsAfterDays,
                capPercent: rule.capPercent,
                terminationAfterDays: rule.terminationAfterDays,
                terminationWhen: rule.terminationWhen ?? 'exceeded',
                terminationPercent: termination?.percent ?? null,
                terminate,
              },
              words.calc,
            )
          : countedPenalty(
              {
                ...common,
                percent,
                occurrences: kind === 'lump_sum' ? 1 : count,
                terminationAfterOccurrences: rule.terminationAfterOccurrences,
                higherOfLoss: rule.higherOfLoss,
              },
              words.calc,
            ),
      );
      onSelect(`penalty:${rule.id}`, rule.anchor);
    } catch (err) {
      setResult({ error: errorText(err) });
    }
  };
  const save = async () => {
    if (!rule || !result || 'error' in result) return;
    try {
      const res = await call('scenarios:save', {
        id: contractId,
        scenario: {
          name: t(kind === 'per_day' ? 'calc.scenarioDays' : 'calc.scenarioTimes', {
            rule: ruleLabel(rule, labels, unclear),
            n: kind === 'lump_sum' ? 1 : count,
          }),
          calculator: 'penalty',
          inputs: {
            ruleId: rule.id,
            baseYuan: base,
            percent,
            count,
            kind,
            lossYuan: loss || null,
            terminate,
          },
          totalYuan: result.totalYuan,
          summary: result.steps
            .map((s) =>
              t('calc.stepLine', { label: s.label, expression: s.expression, value: s.value }),
            )
            .join(t('common.listSeparator')),
        },
      });
      onScenariosChange([...scenarios, res.scenario as Scenario]);
      setSaved({ ok: true, text: t('calc.saved') });
    } catch (err) {
      setSaved({ ok: false, text: errorText(err) });
    }
  };
  if (!rules.length) return <p className="empty-small">{t('calc.noRules')}</p>;
  const lumpSum = !!termination?.percent && !!rule?.terminationAfterDays && kind === 'per_day';
  return (
    <section className="calc" data-testid="penalty-calculator">
      <h2>{t('calc.penaltyTitle')}</h2>
      <label>
        {t('calc.rule')}
        <select value={ruleId} onChange={(e) => choose(e.target.value)} data-testid="calc-rule">
          {rules.map((r) => (
            <option key={r.id} value={r.id}>
              {ruleLabel(r, labels, unclear)}
            </option>
          ))}
        </select>
      </label>
      {rule && (
        <p className="rule-text">
          <ClauseRef cite={cite} clause={rule.clauseId} page={rule.page} />{' '}
          <span lang="zh-CN">“{rule.text}”</span>
        </p>
      )}
      <div className="calc-grid">
        <label>
          {rule?.yuan !== null && rule?.yuan !== undefined
            ? t(
                kind === 'per_day'
                  ? 'calc.agreedPerDay'
                  : kind === 'per_occurrence'
                    ? 'calc.agreedPerTime'
                    : 'calc.agreed',
              )
            : t('calc.base', { base: rule ? labels.word('base', rule.base) : '' })}
          <input
            value={base}
            onChange={(e) => setBase(e.target.value)}
            data-testid="calc-base"
            inputMode="decimal"
            placeholder={
              rule && !baseFor(rule, report)
                ? t('calc.enterBase', { base: labels.word('base', rule.base) })
                : undefined
            }
          />
        </label>
        {rule?.base === 'daily_fee' && dailyFee(report.contract) && (
          <p className="hint">
            {t('calc.dailyFeeHint', { basis: dailyFee(report.contract)!.basis })}
          </p>
        )}
        {rule?.base === 'sub_item_budget' && subItems.length > 0 && (
          <label>
            {t('calc.subItem')}
            <select onChange={(e) => setBase(e.target.value)} defaultValue="">
              <option value="" disabled>
                {t('calc.subItemPick')}
              </option>
              {subItems.map((s, i) => (
                <option key={i} value={s.yuan} lang="zh-CN">
                  {s.name} · ¥{formatYuan(s.yuan)}
                </option>
              ))}
            </select>
          </label>
        )}
        {rule?.yuan === null && (
          <label>
            {t('calc.percent')}
            <input
              value={percent}
              onChange={(e) => setPercent(e.target.value)}
              data-testid="calc-percent"
              inputMode="decimal"
            />
          </label>
        )}
        <label>
          {t('calc.kind')}
          <select value={kind} onChange={(e) => setKind(e.target.value)} data-testid="calc-kind">
            <option value="per_day">{labels.word('kind', 'per_day')}</option>
            <option value="per_occurrence">{labels.word('kind', 'per_occurrence')}</option>
            <option value="lump_sum">{labels.word('kind', 'lump_sum')}</option>
          </select>
        </label>
        {kind !== 'lump_sum' && (
          <label>
            {kind === 'per_day' ? t('calc.days') : t('calc.times')}
            <input
              value={count}
              onChange={(e) => setCount(e.target.value)}
              data-testid="calc-days"
              inputMode="numeric"
            />
          </label>
        )}
        <label>
          {t('calc.loss')}
          <input
            value={loss}
            onChange={(e) => setLoss(e.target.value)}
            data-testid="calc-loss"
            inputMode="decimal"
          />
        </label>
        {lumpSum && (
          <label className="check">
            <input
              type="checkbox"
              checked={terminate}
              onChange={(e) => setTerminate(e.target.checked)}
              data-testid="calc-terminate"
            />{' '}
            {t('calc.terminate', {
              days: rule!.terminationAfterDays,
              percent: termination!.percent,
              base: labels.word('base', termination!.base),
            })}
          </label>
        )}
      </div>
      <div className="calc-actions">
        <button className="primary" onClick={compute} data-testid="calc-run">
          {t('calc.run')}
        </button>
        <button
          onClick={() => void save()}
          disabled={!result || 'error' in result}
          data-testid="calc-save"
        >
          {t('calc.save')}
        </button>
        {saved && (
          <span className={saved.ok ? 'hint' : 'warn'} role={saved.ok ? 'status' : 'alert'}>
            {saved.text}
          </span>
        )}
      </div>
      <Result result={result} />
    </section>
  );
}

/** A score as typed: a number from 0 to 100, or null. */
function scoreOf(text: string): string | null {
  if (!/^\s*\d{1,3}(\.\d+)?\s*$/.test(text)) return null;
  const d = new Decimal(text.trim());
  return d.gte(0) && d.lte(100) ? d.toString() : null;
}

function KpiCalculator({ report, text }: Props) {
  const { t } = useTranslation();
  const items = useMemo(() => parseRubric(text), [text]);
  const refunds = useMemo(() => refundByGrade(text, report.gradeBands), [text, report.gradeBands]);
  const tail =
    report.contract.paymentInstallments[report.contract.paymentInstallments.length - 1]?.yuan ??
    null;
  const [counts, setCounts] = useState<Record<string, string>>({});
  const [score, setScore] = useState('90');
  if (!report.scoreBands.length && !(report.gradeBands.length && items.length)) return null;
  const adjustments: RubricAdjustment[] = Object.entries(counts)
    .filter(([, v]) => /^\d+$/.test(v.trim()) && Number(v) > 0)
    .map(([key, v]) => {
      const [itemId, kind] = key.split(':');
      return { itemId, kind: kind as 'deduct' | 'add', times: Number(v) };
    });
  let rubric: ReturnType<typeof scoreRubric> | null = null;
  let tailResult: ReturnType<typeof tailFromScore> | { error: string } | null = null;
  if (report.gradeBands.length && items.length)
    rubric = scoreRubric(items, adjustments, report.gradeBands, refunds, tail);
  if (report.scoreBands.length && report.contract.totalAmount) {
    const s = scoreOf(score);
    tailResult = s
      ? tailFromScore(s, report.scoreBands, report.contract.totalAmount.yuan)
      : { error: t('calc.scoreRange') };
  }
  return (
    <section className="calc" data-testid="kpi-calculator">
      <h2>{t('calc.kpiTitle')}</h2>
      {tailResult && (
        <div>
          <label>
            {t('calc.score')}
            <input
              value={score}
              onChange={(e) => setScore(e.target.value)}
              inputMode="decimal"
              data-testid="kpi-score-input"
            />
          </label>
          {'error' in tailResult ? (
            <div className="notice error" role="alert">
              {tailResult.error}
            </div>
          ) : (
            <p data-testid="kpi-tail">
              {t('calc.tail', {
                min: tailResult.band.minScore,
                percent: tailResult.percentOfTotal,
                yuan: formatYuan(tailResult.yuan),
              })}
            </p>
          )}
        </div>
      )}
      {rubric && (
        <>
          <p className="hint">
            {t('calc.rubricHint')}{' '}
            <span lang="zh-CN">
              {Object.entries(refunds)
                .map(([g, p]) => `${g} ${p}%`)
                .join(t('common.listSeparator'))}
            </span>
            {Object.keys(refunds).length === 0 && t('calc.noRefunds')}
          </p>
          <table className="grid rubric" data-testid="kpi-rubric">
            <thead>
              <tr>
                <th>{t('calc.item')}</th>
                <th id="kpi-deduct-head">{t('calc.deduct')}</th>
                <th id="kpi-add-head">{t('calc.add')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr key={i.id}>
                  <td lang="zh-CN" title={i.standard} id={`kpi-item-${i.id}`}>
                    {i.category ? <span className="sub">{i.category} · </span> : null}
                    {i.name}
                  </td>
                  <td>
                    {i.deduct && (
                      <input
                        className="count"
                        inputMode="numeric"
                        aria-labelledby={`kpi-item-${i.id} kpi-deduct-head`}
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
                        inputMode="numeric"
                        aria-labelledby={`kpi-item-${i.id} kpi-add-head`}
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
            {t('calc.scoreIs')} <strong data-testid="kpi-score">{rubric.score}</strong> ·{' '}
            {t('calc.grade')}{' '}
            <strong data-testid="kpi-grade" lang="zh-CN">
              {rubric.grade}
            </strong>
            {rubric.refundPercent !== null && (
              <>
                {' '}
                · {t('calc.refund', { percent: rubric.refundPercent })}
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

function PaymentCalculator({ report, contractId, events, onEventsChange, onSelect }: Props) {
  const { t } = useTranslation();
  const words = useCalcWords();
  const errorText = useErrorText();
  const cite = useCiter(report.clauses);
  const { openSettings } = useNavigation();
  const [written, setWritten] = useState('');
  const [figures, setFigures] = useState('');
  const [calendar, setCalendar] = useState<HolidayCalendar | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void call('calendar:get', {}).then(setCalendar, () => undefined);
  }, []);
  const schedule = calendar
    ? paymentSchedule(report.contract.paymentInstallments, events, calendar, words.payment)
    : [];
  const total = report.contract.totalAmount;
  const [rate, setRate] = useState(total?.taxRatePercent ?? '6');
  const setEvents = async (change: PaymentEvents) => {
    setError(null);
    try {
      onEventsChange(await call('contracts:setEvents', { id: contractId, events: change }));
    } catch (err) {
      setError(errorText(err));
    }
  };
  let split: ReturnType<typeof taxSplit> | { error: string } | null = null;
  try {
    split = total ? taxSplit(total.yuan, rate, words.payment) : null;
  } catch (err) {
    split = { error: (err as Error).message };
  }
  let figuresOut = '';
  try {
    figuresOut = figures ? toWritten(figures, words.payment) : '';
  } catch (err) {
    figuresOut = (err as Error).message;
  }
  return (
    <section className="calc" data-testid="payment-calculator">
      <h2>{t('calc.paymentTitle')}</h2>
      <div className="calc-grid">
        <DateField
          label={t('calc.invoiceDate')}
          value={events.invoiceDate}
          onChange={(v) => void setEvents({ invoiceDate: v || null })}
          testId="pay-invoice"
        />
        <DateField
          label={t('calc.acceptanceDate')}
          value={events.acceptanceDate}
          onChange={(v) => void setEvents({ acceptanceDate: v || null })}
          testId="pay-acceptance"
        />
      </div>
      {error && (
        <p className="notice error" role="alert">
          {error}
        </p>
      )}
      {calendar && (
        <p className="hint">
          {t('calc.calendarNote', { years: calendar.years.join(', ') })}{' '}
          <button
            className="link"
            onClick={() => openSettings('calendar')}
            data-testid="calendar-link"
          >
            {t('calc.calendarLink')}
          </button>
        </p>
      )}
      <table className="grid" data-testid="payment-schedule">
        <thead>
          <tr>
            <th>{t('calc.installment')}</th>
            <th>{t('calc.amount')}</th>
            <th>{t('calc.ownInvoice')}</th>
            <th>{t('calc.due')}</th>
            <th>{t('calc.basis')}</th>
          </tr>
        </thead>
        <tbody>
          {schedule.map((p) => {
            const kt = report.keyTerms.find((k) => k.key === `installment.${p.sequence}`);
            const installment = report.contract.paymentInstallments.find(
              (i) => i.sequence === p.sequence,
            );
            return (
              <tr key={p.sequence} data-testid="payment-row">
                <td>
                  <button
                    className="link"
                    onClick={() => kt && onSelect(`term:${kt.key}`, kt.anchor)}
                  >
                    {t('contract.installment', { n: p.sequence })}
                    {p.percent ? ` ${p.percent}%` : ''}
                  </button>
                  <ClauseRef cite={cite} clause={installment?.clauseId} />
                </td>
                <td className="num">¥{formatYuan(p.yuan)}</td>
                <td>
                  {p.from === 'invoiceDate' && (
                    <DateField
                      label=""
                      value={events.invoiceDates?.[String(p.sequence)] ?? ''}
                      onChange={(v) =>
                        void setEvents({
                          invoiceDates: { ...events.invoiceDates, [String(p.sequence)]: v || null },
                        })
                      }
                      testId={`pay-invoice-${p.sequence}`}
                    />
                  )}
                </td>
                <td data-testid="payment-due">{p.dueDate ?? '—'}</td>
                <td className="source">{p.basis}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {split && (
        <p>
          {t(total?.taxRatePercent ? 'calc.taxContract' : 'calc.taxAssumed')}{' '}
          <input
            className="count"
            value={rate}
            inputMode="decimal"
            onChange={(e) => setRate(e.target.value)}
            aria-label={t('contract.tax')}
          />
          %{' '}
          {'error' in split ? (
            <span className="warn">{split.error}</span>
          ) : (
            t('calc.taxSplit', {
              excluding: formatYuan(split.excludingTax),
              tax: formatYuan(split.tax),
            })
          )}
        </p>
      )}
      <div className="calc-grid">
        <label>
          {t('calc.toWritten')}
          <input
            value={figures}
            onChange={(e) => setFigures(e.target.value)}
            placeholder={t('calc.figuresPlaceholder')}
            inputMode="decimal"
          />
        </label>
        <output lang="zh-CN">{figuresOut}</output>
        <label>
          {t('calc.fromWritten')}
          <input
            value={written}
            onChange={(e) => setWritten(e.target.value)}
            placeholder={t('calc.writtenPlaceholder')}
            lang="zh-CN"
          />
        </label>
        <output>{written ? (fromWritten(written) ?? t('calc.notWritten')) : ''}</output>
      </div>
    </section>
  );
}

export function CalculatorsPanel(props: Props) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="calculators">
      <PenaltyCalculator {...props} />
      <KpiCalculator {...props} />
      <PaymentCalculator {...props} />
      {props.scenarios.length > 0 && (
        <section className="calc">
          <h2>{t('calc.scenarios')}</h2>
          {error && (
            <p className="notice error" role="alert">
              {error}
            </p>
          )}
          <ul className="scenarios" data-testid="scenarios">
            {props.scenarios.map((s) => (
              <li key={s.id}>
                <strong>{s.name}</strong> · ¥{formatYuan(s.totalYuan)}{' '}
                <span className="sub">{formatTime(s.savedAt)}</span>
                <button
                  className="link"
                  onClick={async () => {
                    setError(null);
                    try {
                      await call('scenarios:remove', { id: props.contractId, scenarioId: s.id });
                      props.onScenariosChange(props.scenarios.filter((x) => x.id !== s.id));
                    } catch (err) {
                      setError(errorText(err));
                    }
                  }}
                >
                  {t('common.delete')}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
