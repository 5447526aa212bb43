/**
 * Key terms: parties, numbers, dates, service period, total amount with its 大写 form and tax
 * split, performance bond and installments; each links to the text it was read from.
 */
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../lib/format';
import type { ReportKeyTerm } from '../../lib/report-types';
import type { PanelProps } from '../../lib/panel';
import { useLabels } from '../../lib/labels';
import { ClauseRef, useCiter } from '../../components/ClauseRef';
import { usePersonalData } from '../../lib/pii';

export function KeyTermsPanel({ report, selectedKey, onSelect }: PanelProps) {
  const { t } = useTranslation();
  const labels = useLabels();
  const cite = useCiter(report.clauses);
  const pii = usePersonalData();
  const c = report.contract;
  const term = (k: string) => report.keyTerms.find((x) => x.key === k);
  const row = (kt: ReportKeyTerm | undefined, label: string, value: string) => (
    <tr key={kt?.key ?? label} className={kt && selectedKey === `term:${kt.key}` ? 'selected' : ''}>
      <th>{label}</th>
      <td>
        {kt ? (
          <button
            className="term-link"
            data-term={kt.key}
            onClick={() => onSelect(`term:${kt.key}`, kt.anchor)}
            lang="zh-CN"
          >
            {pii(value)}
          </button>
        ) : (
          pii(value)
        )}
        {kt && <ClauseRef cite={cite} clause={kt.clauseId} page={kt.page} />}
      </td>
    </tr>
  );
  return (
    <div className="key-terms" data-testid="key-terms">
      <table>
        <tbody>
          {c.parties.map((p) => row(term(`${p.role}.name`), labels.party(p.role), p.name))}
          {c.parties.map((p) =>
            p.legalRepresentative
              ? row(
                  term(`${p.role}.legalRepresentative`),
                  t('contract.partyLegalRep', { party: labels.party(p.role) }),
                  p.legalRepresentative,
                )
              : null,
          )}
          {c.contractNumbers.map((n, i) =>
            row(term(`contractNumber.${i + 1}`), t('contract.contractNumber'), n),
          )}
          {c.projectNumbers.map((n, i) =>
            row(term(`projectNumber.${i + 1}`), t('contract.projectNumber'), n),
          )}
          {row(term('signedOn'), t('contract.signedOn'), c.signedOn ?? '—')}
          {c.servicePeriod &&
            row(
              term('servicePeriod'),
              t('contract.period'),
              t(c.servicePeriod.months ? 'contract.periodMonths' : 'contract.periodRange', {
                start: c.servicePeriod.start ?? '?',
                end: c.servicePeriod.end ?? '?',
                months: c.servicePeriod.months,
              }),
            )}
          {c.totalAmount &&
            row(term('totalAmount'), t('contract.amount'), `¥${formatYuan(c.totalAmount.yuan)}`)}
          {c.totalAmount?.writtenChinese &&
            row(term('totalAmount.written'), t('contract.written'), c.totalAmount.writtenChinese)}
          {c.totalAmount?.taxRatePercent &&
            row(
              term('tax'),
              t('contract.tax'),
              t('contract.taxSplit', {
                rate: c.totalAmount.taxRatePercent,
                excluding: formatYuan(c.totalAmount.yuanExcludingTax),
                tax: formatYuan(c.totalAmount.taxYuan),
              }),
            )}
          {c.performanceBond &&
            row(
              term('performanceBond'),
              t('contract.bond'),
              `${c.performanceBond.percent ? `${c.performanceBond.percent}% · ` : ''}¥${formatYuan(c.performanceBond.yuan)}`,
            )}
        </tbody>
      </table>
      {c.paymentInstallments.length > 0 && (
        <>
          <h2>{t('contract.installments')}</h2>
          <table className="installments">
            <tbody>
              {c.paymentInstallments.map((i) => {
                const kt = term(`installment.${i.sequence}`);
                return (
                  <tr
                    key={i.sequence}
                    className={kt && selectedKey === `term:${kt.key}` ? 'selected' : ''}
                  >
                    <th>{t('contract.installment', { n: i.sequence })}</th>
                    <td>
                      <button
                        className="term-link"
                        data-term={kt?.key}
                        onClick={() => kt && onSelect(`term:${kt.key}`, kt.anchor)}
                      >
                        {i.percent ? `${i.percent}% · ` : ''}¥{formatYuan(i.yuan)}
                      </button>
                      <div className="condition" lang="zh-CN">
                        {i.condition}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
