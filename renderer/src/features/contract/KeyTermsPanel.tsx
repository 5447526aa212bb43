/**
 * Key terms: parties, numbers, dates, service period, total amount with its 大写 form and tax
 * split, performance bond and installments; each links to the text it was read from.
 */
import { useTranslation } from 'react-i18next';
import { formatYuan } from '../../lib/format';
import type { ReportKeyTerm } from '../../lib/report-types';
import type { PanelProps } from '../../lib/panel';

export function KeyTermsPanel({ report, selectedKey, onSelect }: PanelProps) {
  const { t } = useTranslation();
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
          >
            {value}
          </button>
        ) : (
          value
        )}
        {kt?.page ? <span className="page">p.{kt.page}</span> : null}
      </td>
    </tr>
  );
  return (
    <div className="key-terms" data-testid="key-terms">
      <table>
        <tbody>
          {c.parties.map((p) =>
            row(term(`${p.role}.name`), p.role === 'partyA' ? '甲方' : '乙方', p.name),
          )}
          {c.parties.map((p) =>
            p.legalRepresentative
              ? row(
                  term(`${p.role}.legalRepresentative`),
                  `${p.role === 'partyA' ? '甲方' : '乙方'}${t('contract.legalRep')}`,
                  p.legalRepresentative,
                )
              : null,
          )}
          {c.contractNumbers.map((n, i) => row(term(`contractNumber.${i + 1}`), '合同编号', n))}
          {c.projectNumbers.map((n, i) => row(term(`projectNumber.${i + 1}`), '项目编号', n))}
          {row(term('signedOn'), t('contract.signedOn'), c.signedOn ?? '—')}
          {c.servicePeriod &&
            row(
              term('servicePeriod'),
              t('contract.period'),
              `${c.servicePeriod.start ?? '?'} 至 ${c.servicePeriod.end ?? '?'}${c.servicePeriod.months ? `（${c.servicePeriod.months} 个月）` : ''}`,
            )}
          {c.totalAmount &&
            row(term('totalAmount'), t('contract.amount'), `¥${formatYuan(c.totalAmount.yuan)}`)}
          {c.totalAmount?.writtenChinese &&
            row(term('totalAmount.written'), t('contract.written'), c.totalAmount.writtenChinese)}
          {c.totalAmount?.taxRatePercent &&
            row(
              term('tax'),
              t('contract.tax'),
              `${c.totalAmount.taxRatePercent}% · 不含税 ¥${formatYuan(c.totalAmount.yuanExcludingTax)} · 税额 ¥${formatYuan(c.totalAmount.taxYuan)}`,
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
                    <th>第{i.sequence}期</th>
                    <td>
                      <button
                        className="term-link"
                        data-term={kt?.key}
                        onClick={() => kt && onSelect(`term:${kt.key}`, kt.anchor)}
                      >
                        {i.percent ? `${i.percent}% · ` : ''}¥{formatYuan(i.yuan)}
                      </button>
                      <div className="condition">{i.condition}</div>
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
