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
  const c = cite(clause);
  return <Citation text={c?.text ?? null} page={page ?? c?.page ?? null} />;
}

/**
 * A citation already worded (`四、3. 巡检`, from main or a search hit) and its page; nothing when
 * it has neither.
 */
export function Citation({ text, page }: { text: string | null; page: number | null }) {
  const { t } = useTranslation();
  if (!text && !page) return null;
  return (
    <span className="clause-ref" data-testid="clause-ref">
      {text && (
        <span className="clause-cite" lang="zh-CN" title={text}>
          {text}
        </span>
      )}
      {page ? <span className="page">{t('common.pageShort', { n: page })}</span> : null}
    </span>
  );
}
