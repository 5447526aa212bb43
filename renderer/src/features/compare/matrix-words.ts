/**
 * The comparison matrix in the interface language: a row's term (`违约金：乙方逾期履行（按日，%）`),
 * a cell's value (`1%/日 · 合同总金额 · 超30日可解除`) and whom the row favours
 * (`越高越有利于甲方`), from the matrix's structured terms and values. In Chinese these read as
 * the matrix's own `label` and `display` (test/renderer/compare-words.test.ts holds them to it).
 */
import type { TFunction } from 'i18next';
import {
  other,
  type CellValue,
  type MatrixRow,
  type MatrixTerm,
} from '../../../../shared/domain/compare/matrix';
import { groupYuan } from '../../../../shared/domain/labels';
import type { Labels } from '../../lib/labels';

/** A row's term. */
export function termLabel(term: MatrixTerm, t: TFunction, labels: Labels): string {
  switch (term.kind) {
    case 'penalty':
    case 'penaltyTermination':
      return t(term.kind === 'penalty' ? 'compare.term.penalty' : 'compare.term.termination', {
        party: labels.party(term.payer),
        trigger: labels.word('trigger', term.trigger),
        kind: term.penaltyKind ? labels.word('kind', term.penaltyKind) : t('compare.kindUnclear'),
        unit: term.unit === 'yuan' ? t('compare.unitYuan') : '%',
      });
    case 'compensation':
      return t('compare.term.compensation', {
        party: labels.party(term.payer),
        trigger: labels.word('trigger', term.trigger),
        kind: labels.word('kind', 'actual_loss'),
      });
    case 'sla':
      return t(term.metric === 'availability' ? 'compare.term.slaPercent' : 'compare.term.sla', {
        metric: labels.word('metric', term.metric),
      });
    default:
      return t(`compare.term.${term.kind}`);
  }
}

/** A cell's value. */
export function cellText(cell: CellValue, t: TFunction, labels: Labels): string {
  switch (cell.kind) {
    case 'yuan':
      return groupYuan(cell.yuan);
    case 'installments':
      return cell.parts
        .map((p) => (p.percent ? `${p.percent}%` : `¥${groupYuan(p.yuan ?? '0')}`))
        .join(' / ');
    case 'percent':
      return `${cell.percent}%`;
    case 'penalty':
      return [
        labels.penaltyRate(cell.rule),
        cell.withBase ? labels.word('base', cell.rule.base) : null,
        cell.rule.terminationAfterDays
          ? t('compare.terminationAfter', { n: cell.rule.terminationAfterDays })
          : null,
      ]
        .filter(Boolean)
        .join(' · ');
    case 'days':
      return t('compare.days', { n: cell.days });
    case 'minutes':
      return labels.minutes(cell.minutes);
    case 'seconds':
      return t('penalties.seconds', { n: cell.seconds });
    case 'availability':
      return `≥${cell.percent}%`;
    case 'quote':
      return cell.text;
  }
}

/** Whom a ranked row favours (`越高越有利于甲方`), or '' for an unranked row. */
export function favoursText(
  row: Pick<MatrixRow, 'direction' | 'binds'>,
  t: TFunction,
  labels: Labels,
): string {
  if (!row.direction || !row.binds) return '';
  const party = labels.party(other(row.binds));
  return t(
    row.direction === 'higher_is_stricter' ? 'compare.higherFavours' : 'compare.lowerFavours',
    {
      party,
    },
  );
}
