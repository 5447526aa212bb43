/**
 * Where an item stands, as a lawyer cites it: the clause's number and heading (`八、8.3 违约责任`)
 * and the page, e.g. `一、1.(1) 服务器巡检 · p.3`. The citation is the document's own words, so
 * it keeps the document's language whatever the interface's.
 */
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { clauseCiter, type CitableClause } from '../../../shared/domain/clauses/cite';

/** The citer of a report's clauses, made once per report. */
export function useCiter(clauses: readonly CitableClause[]) {
  return useMemo(() => clauseCiter(clauses), [clauses]);
}

/**
 * The citation of `clause` (ids or one id) and `page` (the clause's own first page when none is
 * given); nothing when it has neither.
 */
export function ClauseRef({
  cite,
  clause,
  page,
}: {
  cite: ReturnType<typeof clauseCiter>;
  clause: string | readonly string[] | null | undefined;
  page?: number | null;
}) {
  const { t } = useTranslation();
  const c = cite(clause);
  const shown = page ?? c?.page ?? null;
  if (!c && !shown) return null;
  return (
    <span className="clause-ref" data-testid="clause-ref">
      {c && (
        <span className="clause-cite" lang="zh-CN" title={c.text}>
          {c.text}
        </span>
      )}
      {shown ? <span className="page">{t('common.pageShort', { n: shown })}</span> : null}
    </span>
  );
}
