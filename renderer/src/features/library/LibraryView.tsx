/**
 * The contract library: the list of imported contracts (parties, amount, date), import by the
 * file dialog or drag-and-drop with progress per file, clear per-file errors, and a password
 * prompt for encrypted PDFs. While contracts analysed by an older Qiyue are analysed again in the
 * background, a progress line says so and each contract's row updates as it lands.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bilingualText, useErrorText } from '../../lib/errors';
import type { ContractSummary, Response } from '../../../../shared/ipc/contract';
import { call, IpcCallError } from '../../lib/ipc';
import { download } from '../../lib/download';
import { formatTime, formatYuan } from '../../lib/format';
import type { Anchor } from '../../lib/report-types';
import { SearchBox } from '../search/SearchBox';
import {
  groupSameContract,
  NO_FILTER,
  nextSort,
  orderLibrary,
  type LibraryFilter,
  type LibrarySort,
  type SortKey,
} from './library-order';

interface Notice {
  /** `info`: neither done nor failed (an import the reviewer cancelled). */
  kind: 'ok' | 'error' | 'info';
  text: string;
}

/** How long a notice that is not an error stays (ms); errors stay until dismissed. */
const NOTICE_MS = 10_000;

/**
 * The library's notices: a done or info notice fades after {@link NOTICE_MS}; an error stays
 * until the reviewer dismisses it.
 */
function useNotices() {
  const [notices, setAll] = useState<(Notice & { id: number })[]>([]);
  const next = useRef(0);
  const setNotices = useCallback((change: (n: Notice[]) => Notice[]) => {
    setAll((all) => {
      const added = change(all).slice(all.length);
      const fresh = added.map((n) => ({ ...n, id: next.current++ }));
      for (const n of fresh)
        if (n.kind !== 'error')
          setTimeout(() => setAll((now) => now.filter((x) => x.id !== n.id)), NOTICE_MS);
      return [...all, ...fresh];
    });
  }, []);
  const dismiss = useCallback(
    (id: number | null) => setAll((all) => (id === null ? [] : all.filter((x) => x.id !== id))),
    [],
  );
  return { notices, setNotices, dismiss };
}

const UNDO_MS = 8000;
/** How often the library asks how the background re-analysis stands while it runs (ms). */
const REANALYSIS_POLL_MS = 700;
/** How often the library asks which page of a scan OCR is reading, while an import runs (ms). */
const IMPORT_POLL_MS = 400;

type Reanalysis = NonNullable<Response<'store:status'>['reanalysis']>;

interface PendingPassword {
  file: File;
}

export function LibraryView({
  onOpen,
  onCompare,
  incoming = null,
  onIncomingTaken = () => undefined,
}: {
  onOpen: (id: string, anchor?: Anchor | null) => void;
  onCompare: (ids: string[]) => void;
  /** Files the operating system asked the app to open: imported, and one alone then opened. */
  incoming?: Response<'app:openRequests'>['files'] | null;
  onIncomingTaken?: () => void;
}) {
  const [checked, setChecked] = useState<string[]>([]);
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const [contracts, setContracts] = useState<ContractSummary[]>([]);
  const [progress, setProgress] = useState<{ current: number; total: number; name: string } | null>(
    null,
  );
  const { notices, setNotices, dismiss } = useNotices();
  const [fingerprint, setFingerprint] = useState<string | null>(null);
  useEffect(() => {
    void call('identity:get', {}).then(
      (r) => setFingerprint(r.fingerprint),
      () => undefined,
    );
  }, []);
  const [dragging, setDragging] = useState(false);
  const [pending, setPending] = useState<PendingPassword | null>(null);
  const [password, setPassword] = useState('');
  const [recovered, setRecovered] = useState<string | null>(null);

  /** A scan's OCR under way: the page being read, of how many. */
  const [ocr, setOcr] = useState<{ page: number; pages: number } | null>(null);
  /** Set by 取消导入: the files not yet imported are left. */
  const cancelled = useRef(false);
  const [reanalysis, setReanalysis] = useState<Reanalysis | null>(null);
  const [reanalysisSeen, setReanalysisSeen] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  /** False until the first list has arrived (the welcome view waits for it, not for nothing). */
  const [loaded, setLoaded] = useState(false);
  const [dataDir, setDataDir] = useState<string | null>(null);
  const refresh = useCallback(async () => {
    setContracts(await call('contracts:list', {}));
    setLoaded(true);
  }, []);
  useEffect(() => {
    void refresh();
    // Follow the background re-analysis until it ends, refreshing the rows as contracts land.
    let stopped = false;
    let timer: number | undefined;
    let lastDone = -1;
    const poll = async () => {
      const s = await call('store:status', {});
      if (stopped) return;
      setDataDir(s.dataDir);
      setRecovered(s.recoveredFrom);
      setReanalysis(s.reanalysis);
      if (s.reanalysis && s.reanalysis.done !== lastDone) {
        lastDone = s.reanalysis.done;
        if (lastDone > 0) void refresh();
      }
      if (s.reanalysis?.running) timer = window.setTimeout(() => void poll(), REANALYSIS_POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [refresh]);

  /** Imports one file; returns the contract's id, or null when it was not imported. */
  const importOne = useCallback(
    async (file: File, pw?: string): Promise<string | null> => {
      // Follow a scan's OCR page by page while the import runs.
      let following = true;
      const follow = async () => {
        if (!following) return;
        const p = await call('import:progress', {}).catch(() => null);
        if (!following) return;
        setOcr(p?.page && p.pages ? { page: p.page, pages: p.pages } : null);
        window.setTimeout(() => void follow(), IMPORT_POLL_MS);
      };
      window.setTimeout(() => void follow(), IMPORT_POLL_MS);
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        const res = await call('contracts:import', { fileName: file.name, bytes, password: pw });
        setNotices((n) => [
          ...n,
          {
            kind: res.duplicate ? 'info' : 'ok',
            text: t(res.duplicate ? 'library.duplicate' : 'library.imported', { name: file.name }),
          },
        ]);
        return res.summary.id;
      } catch (err) {
        if (err instanceof IpcCallError && err.code === 'cancelled') {
          setNotices((n) => [
            ...n,
            { kind: 'info', text: t('library.cancelled', { name: file.name }) },
          ]);
          return null;
        }
        if (
          err instanceof IpcCallError &&
          (err.code === 'encrypted' || err.code === 'wrong-password')
        ) {
          setPending({ file });
        }
        setNotices((n) => [
          ...n,
          {
            kind: 'error',
            text: t('library.failedWhy', { name: file.name, why: errorText(err) }),
          },
        ]);
        return null;
      } finally {
        following = false;
        setOcr(null);
      }
    },
    [t, errorText],
  );

  /** Imports files one after another; returns the ids of those imported (or already there). */
  const importFiles = useCallback(
    async (files: File[]): Promise<string[]> => {
      cancelled.current = false;
      const ids: string[] = [];
      for (let i = 0; i < files.length && !cancelled.current; i++) {
        setProgress({ current: i + 1, total: files.length, name: files[i].name });
        const id = await importOne(files[i]);
        if (id) ids.push(id);
      }
      setProgress(null);
      await refresh();
      return ids;
    },
    [importOne, refresh],
  );

  useEffect(() => {
    if (!incoming?.length) return;
    onIncomingTaken();
    const unread = incoming.flatMap((f) => ('error' in f ? [f] : []));
    if (unread.length)
      setNotices((n) => [
        ...n,
        ...unread.map((f) => ({
          kind: 'error' as const,
          text: t('library.failedWhy', {
            name: f.fileName,
            why: bilingualText(f.error, i18n.language),
          }),
        })),
      ]);
    const files = incoming.flatMap((f) =>
      'bytes' in f ? [new File([f.bytes.slice()], f.fileName)] : [],
    );
    void importFiles(files).then((ids) => {
      if (files.length === 1 && ids.length === 1) onOpen(ids[0]);
    });
  }, [incoming, importFiles, onIncomingTaken, onOpen, t, i18n.language]);

  /** 打开示例合同 on the welcome view: imports the sample shipped with the app and opens it. */
  const importSample = useCallback(async () => {
    const name = t('welcome.sampleName');
    setProgress({ current: 1, total: 1, name });
    try {
      const res = await call('contracts:importSample', {});
      await refresh();
      onOpen(res.summary.id);
    } catch (err) {
      setNotices((n) => [
        ...n,
        { kind: 'error', text: t('library.failedWhy', { name, why: errorText(err) }) },
      ]);
    } finally {
      setProgress(null);
    }
  }, [onOpen, refresh, t, errorText]);

  // Deleting is undoable: the row disappears at once and the contract is removed from the store
  // only after UNDO_MS, unless the reviewer clicks 撤销 first.
  const [pendingDelete, setPendingDelete] = useState<{
    contract: ContractSummary;
    timer: number;
  } | null>(null);
  const commitDelete = useCallback(
    async (c: ContractSummary) => {
      setPendingDelete(null);
      await call('contracts:remove', { id: c.id });
      await refresh();
    },
    [refresh],
  );
  const remove = (c: ContractSummary) => {
    if (pendingDelete) {
      window.clearTimeout(pendingDelete.timer);
      void commitDelete(pendingDelete.contract);
    }
    const timer = window.setTimeout(() => void commitDelete(c), UNDO_MS);
    setPendingDelete({ contract: c, timer });
  };
  const undoDelete = () => {
    if (!pendingDelete) return;
    window.clearTimeout(pendingDelete.timer);
    setPendingDelete(null);
  };
  const [sort, setSort] = useState<LibrarySort | null>(null);
  const [filter, setFilter] = useState<LibraryFilter>(NO_FILTER);
  const kept = contracts.filter((c) => c.id !== pendingDelete?.contract.id);
  const visible = orderLibrary(kept, sort, filter);
  // One contract imported as several files (PDF, DOCX, an encrypted copy) is one row.
  const groups = groupSameContract(visible);
  const total = groupSameContract(kept).length;
  /** A column head that sorts by its column (click again to reverse). */
  const head = (key: SortKey, label: string, className?: string) => (
    <th
      className={className}
      aria-sort={sort?.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}
    >
      <button
        className="sort"
        onClick={() => setSort(nextSort(sort, key))}
        data-testid={`sort-${key}`}
      >
        {label}
        <span className="sort-mark" aria-hidden="true">
          {sort?.key === key ? (sort.descending ? '▼' : '▲') : ''}
        </span>
      </button>
    </th>
  );

  return (
    <div
      className={`library ${dragging ? 'dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(e) => {
        e.preventDefault();
        setDragging(false);
        void importFiles([...e.dataTransfer.files]);
      }}
    >
      <div className="toolbar">
        <button
          className="primary"
          onClick={() => input.current?.click()}
          disabled={!!progress}
          data-testid="import"
        >
          {t('library.import')}
        </button>
        <input
          ref={input}
          type="file"
          multiple
          accept=".pdf,.ofd,.docx,.txt,.md,.jpg,.jpeg,.png,.tif,.tiff"
          hidden
          data-testid="file-input"
          onChange={(e) => {
            const files = [...(e.target.files ?? [])];
            e.target.value = '';
            void importFiles(files);
          }}
        />
        <span className="hint">{t('library.dropHint')}</span>
        <button
          disabled={checked.length < 2}
          onClick={() => onCompare(checked)}
          data-testid="compare-selected"
          title={t('library.compareTitle')}
        >
          {t('library.compare', { n: checked.length })}
        </button>
      </div>
      <div className="bundle-bar">
        <button
          onClick={async () => {
            const r = await call('bundle:export', { ids: checked.length ? checked : null });
            download(r.fileName, r.bytes);
          }}
          data-testid="bundle-export"
        >
          {checked.length
            ? t('library.bundleExportSome', { n: checked.length })
            : t('library.bundleExportAll')}
        </button>
        <label className="button-like">
          {t('library.bundleImport')}
          <input
            type="file"
            accept=".zip"
            hidden
            data-testid="bundle-input"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              e.target.value = '';
              if (!file) return;
              try {
                const bytes = new Uint8Array(await file.arrayBuffer());
                let r = await call('bundle:import', { bytes });
                if (r.status === 'untrusted') {
                  // Trust on first use: the reviewer compares the fingerprint with the sender's.
                  const ok = window.confirm(t('library.bundleTrust', { signer: r.signer }));
                  if (!ok) {
                    setNotices((n) => [
                      ...n,
                      { kind: 'error', text: t('library.bundleUntrusted') },
                    ]);
                    return;
                  }
                  r = await call('bundle:import', { bytes, trust: r.signer });
                }
                if (r.status !== 'imported') return;
                const clamped = r.clampedTimestamps
                  ? t('library.bundleClamped', { n: r.clampedTimestamps })
                  : '';
                setNotices((n) => [
                  ...n,
                  {
                    kind: 'ok',
                    text:
                      t('library.bundleImported', {
                        added: r.added.length,
                        merged: r.merged.length,
                        signer: `${r.signer.slice(0, 9)}…`,
                      }) + clamped,
                  },
                ]);
                await refresh();
              } catch (err) {
                setNotices((n) => [
                  ...n,
                  {
                    kind: 'error',
                    text: t('library.bundleFailed', { why: errorText(err) }),
                  },
                ]);
              }
            }}
          />
        </label>
        {fingerprint && (
          <span className="hint" data-testid="fingerprint" title={t('library.fingerprintTitle')}>
            {t('library.fingerprint', { fingerprint })}
          </span>
        )}
      </div>
      <SearchBox onOpen={(id, anchor) => onOpen(id, anchor)} />
      {recovered && (
        <div className="notice error">{t('library.recovered', { path: recovered })}</div>
      )}
      {reanalysis?.running && reanalysis.total > 0 && (
        <div className="progress" role="status" data-testid="reanalysis">
          <div className="spinner" aria-hidden />
          {t('library.reanalysing', reanalysis)}
          <progress max={reanalysis.total} value={reanalysis.done} />
        </div>
      )}
      {reanalysis && !reanalysis.running && reanalysis.total > 0 && !reanalysisSeen && (
        <div className="notice ok" role="status" data-testid="reanalysis">
          {t('library.reanalysed', reanalysis)}
          {reanalysis.skipped > 0 && ` ${t('library.reanalysisSkipped', reanalysis)}`}
          <button className="link" onClick={() => setReanalysisSeen(true)}>
            {t('library.dismiss')}
          </button>
        </div>
      )}
      {progress && (
        <div className="progress" role="status" data-testid="progress">
          <div className="spinner" aria-hidden />
          {t('library.importing', progress)}
          <progress max={progress.total} value={progress.current - 1} />
          {ocr && (
            <span data-testid="ocr-progress">
              {t('library.ocrPage', ocr)}
              <progress max={ocr.pages} value={ocr.page - 1} />
            </span>
          )}
          <button
            onClick={() => {
              cancelled.current = true;
              void call('import:cancel', {});
            }}
          >
            {t('library.cancelImport')}
          </button>
        </div>
      )}
      {pending && (
        <form
          className="password"
          onSubmit={(e) => {
            e.preventDefault();
            const file = pending.file;
            setPending(null);
            setProgress({ current: 1, total: 1, name: file.name });
            void importOne(file, password).then(async () => {
              setPassword('');
              setProgress(null);
              await refresh();
            });
          }}
        >
          <label>
            {t('library.passwordFor', { name: pending.file.name })}
            <input
              type="password"
              autoFocus
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          </label>
          <button className="primary" type="submit">
            {t('library.passwordSubmit')}
          </button>
        </form>
      )}
      {notices.length > 0 && (
        <ul className="notices" data-testid="notices">
          {notices.map((n) => (
            <li
              key={n.id}
              className={`notice ${n.kind}`}
              role={n.kind === 'error' ? 'alert' : 'status'}
            >
              <span className="notice-text">{n.text}</span>
              {n.kind === 'error' && (
                <button
                  className="link dismiss"
                  onClick={() => dismiss(n.id)}
                  aria-label={t('library.dismissOne')}
                  title={t('library.dismissOne')}
                >
                  ×
                </button>
              )}
            </li>
          ))}
          {notices.length > 1 && (
            <li>
              <button className="link" onClick={() => dismiss(null)}>
                {t('library.dismiss')}
              </button>
            </li>
          )}
        </ul>
      )}
      {pendingDelete && (
        <div className="notice undo" role="status" data-testid="undo-delete">
          {t('library.removed', {
            name: pendingDelete.contract.title ?? pendingDelete.contract.fileName,
          })}
          <button className="link" onClick={undoDelete}>
            {t('library.undo')}
          </button>
        </div>
      )}
      {!loaded ? (
        <p className="empty" aria-busy="true">
          {t('library.loading')}
        </p>
      ) : contracts.length === 0 ? (
        <section className="welcome" data-testid="welcome" aria-labelledby="welcome-title">
          <h2 id="welcome-title">{t('welcome.title')}</h2>
          <p>{t('welcome.what')}</p>
          <div className="welcome-actions">
            <button
              className="primary"
              onClick={() => input.current?.click()}
              disabled={!!progress}
              data-testid="welcome-import"
            >
              {t('library.import')}
            </button>
            <button
              onClick={() => void importSample()}
              disabled={!!progress}
              data-testid="welcome-sample"
            >
              {t('welcome.trySample')}
            </button>
          </div>
          <p className="hint">{t('welcome.formats')}</p>
          {dataDir && (
            <p className="hint" data-testid="welcome-data-dir">
              {t('welcome.dataDir', { path: dataDir })}
            </p>
          )}
        </section>
      ) : (
        <>
          <div className="library-filters" role="search" aria-label={t('library.filterLabel')}>
            <input
              type="search"
              value={filter.words}
              onChange={(e) => setFilter({ ...filter, words: e.target.value })}
              placeholder={t('library.filterWords')}
              aria-label={t('library.filterWords')}
              data-testid="library-filter"
            />
            <select
              value={filter.reviewState}
              onChange={(e) =>
                setFilter({
                  ...filter,
                  reviewState: e.target.value as LibraryFilter['reviewState'],
                })
              }
              aria-label={t('library.reviewState')}
              data-testid="library-state-filter"
            >
              <option value="all">{t('library.allStates')}</option>
              {(['unreviewed', 'in_review', 'signed_off'] as const).map((s) => (
                <option key={s} value={s}>
                  {t(`library.state.${s}`)}
                </option>
              ))}
            </select>
            <label>
              <input
                type="checkbox"
                checked={filter.openHighOnly}
                onChange={(e) => setFilter({ ...filter, openHighOnly: e.target.checked })}
                data-testid="library-high-filter"
              />
              {t('library.openHighOnly')}
            </label>
            <span className="hint">{t('library.shown', { shown: groups.length, total })}</span>
          </div>
          {visible.length === 0 ? (
            <p className="empty">{kept.length ? t('library.noMatch') : t('library.empty')}</p>
          ) : (
            <table className="contracts" data-testid="contract-list">
              <thead>
                <tr>
                  <th>
                    <input
                      type="checkbox"
                      aria-label={t('library.selectAll')}
                      checked={groups.length > 0 && checked.length === groups.length}
                      onChange={(e) =>
                        setChecked(e.target.checked ? groups.map((g) => g.main.id) : [])
                      }
                      data-testid="select-all"
                    />
                  </th>
                  {head('title', t('library.title'))}
                  {head('partyA', t('library.partyA'))}
                  {head('partyB', t('library.partyB'))}
                  {head('amount', t('library.amount'), 'num')}
                  {head('signedOn', t('library.signedOn'))}
                  {head('risk', t('library.risk'))}
                  {head('reviewState', t('library.reviewState'))}
                  {head('importedAt', t('library.importedAt'))}
                  <th>{t('library.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {groups.map(({ main: c, files }) => (
                  <tr key={c.id} onDoubleClick={() => onOpen(c.id)}>
                    <td>
                      <input
                        type="checkbox"
                        aria-labelledby={`title-${c.id}`}
                        checked={checked.includes(c.id)}
                        onChange={(e) =>
                          setChecked(
                            e.target.checked
                              ? [...checked, c.id]
                              : checked.filter((x) => x !== c.id),
                          )
                        }
                      />
                    </td>
                    <td lang="zh-CN">
                      <div className="title" id={`title-${c.id}`}>
                        {c.title ?? c.fileName}
                      </div>
                      {files.length === 1 ? (
                        <div className="file">{c.fileName}</div>
                      ) : (
                        <ul className="files" data-testid="contract-files" lang={i18n.language}>
                          {files.map((f) => (
                            <li key={f.id}>
                              <span className="format-tag">
                                {f.passwordProtected
                                  ? t('library.formatProtected', { format: f.format.toUpperCase() })
                                  : f.format === 'image'
                                    ? t('library.formatScan')
                                    : f.format.toUpperCase()}
                              </span>{' '}
                              <button
                                className="link file"
                                lang="zh-CN"
                                onClick={() => onOpen(f.id)}
                                data-testid="open-file"
                                title={t('library.openFile', { name: f.fileName })}
                              >
                                {f.fileName}
                              </button>
                            </li>
                          ))}
                        </ul>
                      )}
                    </td>
                    <td lang="zh-CN">{c.partyA ?? '—'}</td>
                    <td lang="zh-CN">{c.partyB ?? '—'}</td>
                    <td className="num">{formatYuan(c.totalYuan)}</td>
                    <td className="date">{c.signedOn ?? '—'}</td>
                    <td className="risk" data-testid="risk">
                      {c.findings.open.high + c.findings.open.medium === 0 ? (
                        <span className="hint">{t('library.noOpenRisk')}</span>
                      ) : (
                        <>
                          {c.findings.open.high > 0 && (
                            <span className="risk-tag sev-high" title={t('library.openHighTitle')}>
                              {t('library.openHigh', { n: c.findings.open.high })}
                            </span>
                          )}
                          {c.findings.open.medium > 0 && (
                            <span
                              className="risk-tag sev-medium"
                              title={t('library.openMediumTitle')}
                            >
                              {t('library.openMedium', { n: c.findings.open.medium })}
                            </span>
                          )}
                        </>
                      )}
                    </td>
                    <td data-testid="review-state" data-state={c.reviewState}>
                      <span className={`state-tag state-${c.reviewState}`}>
                        {t(`library.state.${c.reviewState}`)}
                      </span>
                    </td>
                    <td className="date">{formatTime(c.importedAt)}</td>
                    <td>
                      <div className="actions">
                        <button onClick={() => onOpen(c.id)} data-testid="open">
                          {t('library.open')}
                        </button>
                        <button className="danger" onClick={() => remove(c)} data-testid="remove">
                          {t('library.remove')}
                        </button>
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
