/**
 * IPC handlers in plain Node: the same functions serve Electron's ipcMain and the loopback web
 * harness used by end-to-end tests. `dispatch` validates the channel and the payload with the
 * contract's zod schemas and never throws: failures come back as `{ ok: false, error }`.
 */
import {
  IPC_CONTRACT,
  type Request,
  isChannel,
  type Channel,
  type ContractSummary,
  type IpcResult,
  type Language,
  type Response,
} from '../../../shared/ipc/contract';
import fs from 'node:fs/promises';
import { QiyueError } from '../../../shared/domain/errors';
import { SAMPLE_FILE_NAME, sampleContractFile } from '../sample';
import type { OpenQueue } from '../open-files';
import { readPreferences, writePreferences } from '../store/preferences';
import { clauseCiter } from '../../../shared/domain/clauses/cite';
import { ZH_PAYMENT_WORDS } from '../../../shared/domain/calculators/words';
import { EN_PAYMENT_WORDS } from '../../../shared/domain/calculators/words-en';
import type { ContractStore, StoredContract } from '../store/store';
import { summarize, summaryOf } from '../store/catalog';
import {
  checklistCsv,
  emptyState,
  type ChecklistRow,
  type Scenario,
} from '../../../shared/domain/checklist';
import { checklistItems } from '../../../shared/domain/obligations/schedule';
import type { PaymentEvents } from '../../../shared/domain/calculators/payments';
import type { HolidayCalendar } from '../../../shared/domain/calendar/holidays';
import { checklistXlsx } from '../export/checklist-xlsx';
import { ContractSearch } from '../search/index';
import { maskPersonalDataDeep } from '../../../shared/domain/pii';
import { reportHtml, reportJson, reportXlsx } from '../export/report';
import { exportBundle, importBundle } from '../store/bundle';
import { openInstallation, type Installation } from '../identity';
import { signSignOff } from '../signoff';
import { pageViews } from '../../../shared/domain/layout/page-view';
import {
  checkNdaAgainstContract,
  checkNdaAgainstPlaybook,
  type NdaPlaybook,
} from '../../../shared/domain/nda/playbook';

export { reviewStateOf, summarize } from '../store/catalog';

type Handlers = { [C in Channel]: (req: any) => Promise<Response<C>> };

/** A contract's NDA review: deviations from the stored playbook and NDA-vs-contract disagreements. */
async function ndaReview(store: ContractStore, c: StoredContract) {
  return {
    deviations: checkNdaAgainstPlaybook(c.report, await store.playbook()),
    disagreements: checkNdaAgainstContract(c.report),
  };
}

/** Dates a contract's due dates count from: its own, then the ones the reviewer entered. */
export function eventsOf(c: StoredContract): PaymentEvents {
  return datesOf(c.report.contract, c.events);
}

/** {@link eventsOf} from the contract's signing date and service period and the entered dates. */
function datesOf(
  own: { signedOn: string | null; servicePeriod: { end: string | null } | null },
  entered: PaymentEvents | undefined,
): PaymentEvents {
  return { signedOn: own.signedOn, serviceEnd: own.servicePeriod?.end ?? null, ...entered };
}

/**
 * Checklist rows of one contract, or of all contracts (id null), with their states: from each
 * contract's checklist source and work files (`catalog.ts`), no report read.
 */
export async function checklistRows(
  store: ContractStore,
  id: string | null,
  language: Language = 'zh-CN',
): Promise<ChecklistRow[]> {
  const entries = id ? [await store.entry(id)] : await store.list();
  const calendar = await store.calendar();
  const rows: ChecklistRow[] = [];
  for (const e of entries) {
    const { source, work } = await store.checklistSource(e);
    const cite = clauseCiter(source.clauses);
    const items = checklistItems(
      source.obligations,
      { start: source.servicePeriod?.start ?? null, end: source.servicePeriod?.end ?? null },
      datesOf(source, work.events),
      calendar,
      language === 'en' ? EN_PAYMENT_WORDS : ZH_PAYMENT_WORDS,
    );
    for (const item of items)
      rows.push({
        ...item,
        contractId: e.id,
        contractTitle: source.title ?? e.fileName,
        clause: cite(item.clauseId)?.text ?? null,
        page: cite(item.clauseId)?.page ?? null,
        state: work.checklist?.[item.id] ?? emptyState(),
      });
  }
  return rows;
}

/** What the handlers of an open store can ask of the app session holding it (`session.ts`). */
export interface SessionControl {
  /** Closes the encrypted folder: the session answers `locked` until it is unlocked again. */
  lock(): Promise<void>;
  /** Files the operating system asked the app to open (`open-files.ts`); none when absent. */
  openRequests?: OpenQueue;
  /**
   * Prints an HTML document (the report) to A4 PDF bytes: Electron's `printToPDF` in the app,
   * the test browser's print in the harness. Without it, `report:export` refuses `pdf`.
   */
  printToPdf?: (html: string) => Promise<Uint8Array>;
  /** The installation `app:info` describes; the store's folder and version `unknown` without. */
  installation?: AppInstallation;
}

/** The installation `app:info` describes: where its data is and which version runs. */
export interface AppInstallation {
  /** The data folder; its `preferences.json` holds the interface language. */
  dataDir: string;
  /** Qiyue's version (package.json). */
  version: string;
  /** Electron's and Chromium's versions in the app, null in the harness. */
  electron?: string | null;
  chrome?: string | null;
}

/**
 * `app:info` and `app:setLanguage` for an installation: the same whether the folder is locked
 * or open (the unlock screen speaks the chosen language).
 */
export function installationHandlers(inst: AppInstallation | undefined) {
  const need = () => {
    if (!inst)
      throw new QiyueError(
        'invalid-request',
        '此处没有安装信息 (no installation: the session was started without one)',
      );
    return inst;
  };
  return {
    'app:info': async () => {
      const i = need();
      return {
        version: i.version,
        dataDir: i.dataDir,
        language: (await readPreferences(i.dataDir)).language,
        electron: i.electron ?? null,
        chrome: i.chrome ?? null,
        node: process.versions.node,
      };
    },
    'app:setLanguage': async ({ language }: { language: Language }) => ({
      language: (await writePreferences(need().dataDir, { language })).language,
    }),
  };
}

/** The handler table for one store. */
export function createHandlers(store: ContractStore, session?: SessionControl): Handlers {
  const vaultStatus = () => ({ encrypted: store.encryption.encrypted, locked: false });
  // This installation's signing key (made on first use), for review bundles.
  let identity: Promise<Installation> | null = null;
  const installation = () => (identity ??= openInstallation(store.dataDir, store.files));
  const search = new ContractSearch(store);
  /** Brings the search index up to date in the background (an import, a removal, the start). */
  const reindex = () => void search.refresh().catch(() => undefined);
  // The index brought up to date and read in, so that the first query does not wait on it.
  void search.warm().catch(() => undefined);
  /** The imports under way, oldest first (the parser reads one file at a time). */
  const imports: {
    fileName: string;
    page: number | null;
    pages: number | null;
    abort: AbortController;
  }[] = [];
  /**
   * The name changes are signed with: the one set in settings, never the renderer's word.
   * @throws QiyueError `no-reviewer` while none is set
   */
  const reviewer = async (): Promise<string> => {
    const name = await store.reviewer();
    if (!name)
      throw new QiyueError(
        'no-reviewer',
        '请先填写审阅人姓名：本机的批注、清单与签批都以此署名 (set the reviewer’s name first)',
      );
    return name;
  };
  /** Imports one file, followed by `import:progress` and stopped by `import:cancel`. */
  const runImport = async (fileName: string, bytes: Uint8Array, password?: string) => {
    const job = {
      fileName,
      page: null as number | null,
      pages: null as number | null,
      abort: new AbortController(),
    };
    imports.push(job);
    try {
      const { contract, duplicate } = await store.importContract(fileName, bytes, {
        password,
        signal: job.abort.signal,
        onProgress: (p) => Object.assign(job, { page: p.page, pages: p.pages }),
      });
      if (!duplicate) reindex();
      return { summary: summarize(contract), duplicate };
    } finally {
      imports.splice(imports.indexOf(job), 1);
    }
  };
  return {
    ...installationHandlers(
      session?.installation ?? { dataDir: store.dataDir, version: 'unknown' },
    ),
    'settings:get': async () => ({ reviewer: await store.reviewer() }),
    'settings:setReviewer': async ({ reviewer: name }: { reviewer: string }) => ({
      reviewer: await store.setReviewer(name.trim()),
    }),
    'playbook:get': async () => store.playbook(),
    'playbook:set': async ({ playbook }: { playbook: NdaPlaybook }) => store.setPlaybook(playbook),
    'nda:check': async ({ id }: { id: string }) => ndaReview(store, await store.get(id)),
    'annotations:create': async (req: Request<'annotations:create'>) => ({
      annotation: await store.addAnnotation(req.id, { ...req, by: await reviewer() }),
    }),
    'annotations:change': async ({
      id,
      annotationId,
      ...change
    }: Request<'annotations:change'>) => ({
      annotation: await store.changeAnnotation(id, annotationId, {
        ...change,
        by: await reviewer(),
      }),
    }),
    'contracts:signOff': async ({ id, note, withdraw }: Request<'contracts:signOff'>) => {
      const key = await installation();
      return {
        signOff: await store.signOff(
          id,
          withdraw ? '' : await reviewer(),
          note,
          new Date(),
          (c, s) => signSignOff(key, c.id, c.report, s),
        ),
      };
    },
    'report:export': async ({
      id,
      format,
    }: {
      id: string;
      format: 'json' | 'html' | 'xlsx' | 'pdf';
    }) => {
      // Exports show ID and mobile numbers masked; the store keeps the text as it is.
      const c = maskPersonalDataDeep(await store.get(id));
      const extras = maskPersonalDataDeep(await ndaReview(store, c));
      const stem = `审阅报告-${c.fileName.replace(/\.[^.]+$/, '')}`;
      const printer = session?.printToPdf;
      if (format === 'pdf' && !printer)
        throw new QiyueError(
          'unsupported-format',
          '此处无法打印为 PDF：请导出 HTML 后用浏览器打印 (printing is not available here)',
        );
      const bytes =
        format === 'json'
          ? new TextEncoder().encode(JSON.stringify(reportJson(c, extras), null, 2))
          : format === 'html'
            ? new TextEncoder().encode(reportHtml(c, extras))
            : format === 'pdf'
              ? await printer!(reportHtml(c, extras))
              : await reportXlsx(c, extras);
      return { fileName: `${stem}.${format}`, bytes: bytes as Uint8Array<ArrayBuffer> };
    },
    'bundle:export': async ({ ids }: { ids: string[] | null }) => ({
      fileName: `契阅审阅包-${new Date().toISOString().slice(0, 10)}.qiyue.zip`,
      bytes: (await exportBundle(store, await installation(), ids)) as Uint8Array<ArrayBuffer>,
    }),
    'bundle:import': async ({ bytes, trust }: { bytes: Uint8Array; trust?: string }) => {
      const result = await importBundle(store, await installation(), bytes, { trust });
      reindex();
      return result;
    },
    'identity:get': async () => ({ fingerprint: (await installation()).fingerprint }),
    'search:query': async ({ q }: { q: string }) => search.query(q),
    'contracts:list': async () => (await store.list()).map(summaryOf),
    'contracts:get': async ({ id }: { id: string }) => {
      const c = await store.get(id);
      return {
        summary: summarize(c),
        text: c.text,
        report: c.report,
        scenarios: c.scenarios ?? [],
        events: eventsOf(c),
        annotations: c.annotations ?? [],
        signOff: c.signOff ?? null,
        triage: c.triage ?? {},
        history: c.history ?? [],
      };
    },
    'findings:triage': async (req: Request<'findings:triage'>) => ({
      record: await store.triageFinding(
        req.id,
        { ruleId: req.ruleId, quote: req.quote },
        { status: req.status, note: req.note, by: await reviewer() },
      ),
    }),
    'contracts:setEvents': async ({ id, events }: { id: string; events: PaymentEvents }) => {
      await store.setEvents(id, events);
      return eventsOf(await store.get(id));
    },
    'checklist:get': async ({ id, language }: { id: string | null; language?: Language }) => ({
      rows: await checklistRows(store, id, language),
    }),
    'checklist:update': async (req: Request<'checklist:update'>) => ({
      state: await store.updateChecklist(req.id, req.itemId, { ...req, by: await reviewer() }),
    }),
    'checklist:evidence': async (req: Request<'checklist:evidence'>) => ({
      state: await store.addEvidence(req.id, req.itemId, req.fileName, req.bytes, await reviewer()),
    }),
    'checklist:export': async ({ id, format }: { id: string | null; format: 'xlsx' | 'csv' }) => {
      const rows = maskPersonalDataDeep(await checklistRows(store, id));
      const stem = id
        ? `履约清单-${(await store.get(id)).fileName.replace(/\.[^.]+$/, '')}`
        : '履约清单-全部合同';
      const bytes =
        format === 'csv' ? new TextEncoder().encode(checklistCsv(rows)) : await checklistXlsx(rows);
      return { fileName: `${stem}.${format}`, bytes: bytes as Uint8Array<ArrayBuffer> };
    },
    'scenarios:save': async ({
      id,
      scenario,
    }: {
      id: string;
      scenario: Omit<Scenario, 'id' | 'savedAt'>;
    }) => ({
      scenario: await store.saveScenario(id, scenario),
    }),
    'scenarios:remove': async ({ id, scenarioId }: { id: string; scenarioId: string }) => {
      await store.removeScenario(id, scenarioId);
      return { removed: true as const };
    },
    'calendar:get': async () => store.calendar(),
    'calendar:set': async ({ calendar }: { calendar: HolidayCalendar }) =>
      store.setCalendar(calendar),
    'contracts:import': async (req: { fileName: string; bytes: Uint8Array; password?: string }) =>
      runImport(req.fileName, req.bytes, req.password),
    'app:openRequests': async () => ({ files: (await session?.openRequests?.take()) ?? [] }),
    'contracts:importSample': async () => {
      const file = sampleContractFile();
      if (!file)
        throw new QiyueError(
          'not-found',
          '本安装未附带示例合同，请导入自己的合同文件 (this installation has no sample contract)',
        );
      return runImport(SAMPLE_FILE_NAME, new Uint8Array(await fs.readFile(file)));
    },
    'import:progress': async () => {
      const job = imports[0];
      return job ? { fileName: job.fileName, page: job.page, pages: job.pages } : null;
    },
    'import:cancel': async () => {
      // Every import under way and queued: a reviewer who cancels means the batch.
      for (const job of imports) job.abort.abort();
      return { cancelled: imports.length > 0 };
    },
    'contracts:file': async ({ id }: { id: string }) => {
      // An image file is shown as the one-page PDF the parser made of it.
      const { contract, bytes } = await store.readViewable(id);
      return { bytes: bytes as Uint8Array<ArrayBuffer>, format: contract.format };
    },
    'contracts:pages': async ({ id }: { id: string }) => {
      // Kept at import (a scan's OCR text, any other document's boxes and page sizes); a
      // contract stored before they were is read again from its original, in the parser process.
      const kept = await store.pageViews(id);
      if (kept) return { pages: kept };
      const { contract, bytes } = await store.readOriginal(id);
      const { doc } = await store.parseOriginal(contract.fileName, bytes);
      return { pages: pageViews(doc) ?? [] };
    },
    'contracts:remove': async ({ id }: { id: string }) => {
      await store.remove(id);
      reindex();
      return { removed: true as const };
    },
    'vault:status': async () => vaultStatus(),
    // Open already: unlocking again changes nothing.
    'vault:unlock': async () => vaultStatus(),
    'vault:lock': async () => {
      if (!store.encryption.encrypted)
        throw new QiyueError(
          'invalid-request',
          '数据文件夹未加密，无需锁定 (the data folder is not encrypted)',
        );
      if (!session)
        throw new QiyueError('invalid-request', '此处无法锁定 (locking needs the app session)');
      await session.lock();
      return { encrypted: true, locked: true };
    },
    'vault:enable': async ({ passphrase }: { passphrase: string }) => {
      await store.enableEncryption(passphrase);
      return vaultStatus();
    },
    'vault:change': async ({ current, next }: { current: string; next: string }) => {
      await store.changePassphrase(current, next);
      return vaultStatus();
    },
    'vault:disable': async ({ passphrase }: { passphrase: string }) => {
      await store.disableEncryption(passphrase);
      return vaultStatus();
    },
    'store:status': async () => ({
      dataDir: store.dataDir,
      recoveredFrom: store.recoveredFrom?.movedTo ?? null,
      reanalysis: store.reanalysis && { ...store.reanalysis },
    }),
  };
}

/**
 * Validates and runs one call.
 * @returns `{ ok: true, value }`, or `{ ok: false, error: { code, message } }` with code
 *   `invalid-request` (unknown channel or malformed payload) or the handler's QiyueError code
 */
export async function dispatch(
  handlers: Handlers,
  channel: unknown,
  payload: unknown,
): Promise<IpcResult<unknown>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: `未知的调用通道 (unknown IPC channel: ${String(channel)})`,
      },
    };
  }
  const parsed = IPC_CONTRACT[channel].request.safeParse(payload ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues
      .map((i) => `${i.path.join('.') || '(payload)'}: ${i.message}`)
      .join('; ');
    return {
      ok: false,
      error: {
        code: 'invalid-request',
        message: `请求格式不正确 (invalid request for ${channel}: ${detail})`,
      },
    };
  }
  try {
    const value = await handlers[channel](parsed.data as never);
    return { ok: true, value };
  } catch (err) {
    if (err instanceof QiyueError)
      return {
        ok: false,
        error: {
          code: err.code,
          message: err.message,
          ...(err.params ? { params: err.params } : {}),
        },
      };
    return {
      ok: false,
      error: { code: 'internal', message: `内部错误 (internal error: ${(err as Error).message})` },
    };
  }
}
