/**
 * The IPC contract: every channel the renderer may call, with its request and response schema.
 * Main validates each request against its schema before any handler runs; the preload refuses
 * channels not listed here. One argument per call.
 */
import { z } from 'zod';
import { CHANNEL_NAMES } from './channels';

const Sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 id');

/** A contract as listed in the library. Money in yuan as a two-place string. */
export const ContractSummarySchema = z.object({
  id: Sha256Schema,
  fileName: z.string(),
  format: z.enum(['pdf', 'txt', 'md', 'docx', 'ofd', 'image']),
  pageCount: z.number().int().nullable(),
  importedAt: z.string(),
  title: z.string().nullable(),
  partyA: z.string().nullable(),
  partyB: z.string().nullable(),
  totalYuan: z.string().nullable(),
  signedOn: z.string().nullable(),
  /** The 1-based pages whose text was read by OCR (scanned pages); empty when none was. */
  ocrPages: z.array(z.number().int().positive()),
  /** A PDF that opened only with its password. */
  passwordProtected: z.boolean(),
  /**
   * The findings still to act on (待处理 or 已确认) by severity, and all findings by triage
   * state (`shared/domain/triage.ts`).
   */
  findings: z.object({
    open: z.object({ high: z.number().int(), medium: z.number().int(), low: z.number().int() }),
    byStatus: z.object({
      open: z.number().int(),
      accepted: z.number().int(),
      false_positive: z.number().int(),
      resolved: z.number().int(),
    }),
  }),
  /**
   * Where the review stands: `unreviewed` (未审: nothing decided, annotated or signed),
   * `in_review` (审阅中), `signed_off` (已签核).
   */
  reviewState: z.enum(['unreviewed', 'in_review', 'signed_off']),
});
export type ContractSummary = z.infer<typeof ContractSummarySchema>;

/**
 * Checklist item ids as the checklist makes them (`o3@once`, `p1@2026-03-31`): no path, and
 * none of the names that reach an object's prototype.
 */
export const ItemIdSchema = z
  .string()
  .regex(/^[0-9A-Za-z_.:@-]{1,100}$/)
  .refine((id) => !['__proto__', 'constructor', 'prototype'].includes(id), 'reserved name');

/**
 * A reviewer's name as it signs changes and exports: 1–50 characters, no control characters
 * (an ANSI escape or NUL would reach terminals and files), not only spaces.
 */
export const ReviewerNameSchema = z
  .string()
  .min(1)
  .max(50)
  .refine((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s) && s.trim().length > 0, 'not a name');

/**
 * A passphrase as it travels to main: 1–1024 characters, no NUL. How long a new one must be is
 * main's rule (`store/vault.ts`), said in its own message.
 */
const PassphraseSchema = z
  .string()
  .min(1)
  .max(1024)
  .refine((s) => !s.includes('\u0000'), 'no NUL');

/** Whether the data folder is encrypted, and whether it is open. */
/** The interface languages (`renderer/src/locales`). */
export const LanguageSchema = z.enum(['zh-CN', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

const VaultStatusSchema = z.object({ encrypted: z.boolean(), locked: z.boolean() });

/** An installation key's fingerprint: eight groups of four hex digits. */
const FingerprintSchema = z.string().regex(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);

const IsoDateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');

/** Dates the reviewer enters for due dates (ISO dates or null). */
export const PaymentEventsSchema = z
  .object({
    signedOn: IsoDateSchema.nullable().optional(),
    invoiceDate: IsoDateSchema.nullable().optional(),
    /** Each installment's own invoice date, by its sequence (`"2"` → the second installment). */
    invoiceDates: z
      .record(z.string().regex(/^\d{1,3}$/), IsoDateSchema.nullable())
      .refine((r) => Object.keys(r).length <= 100, 'at most 100 installments')
      .optional(),
    acceptanceDate: IsoDateSchema.nullable().optional(),
    serviceEnd: IsoDateSchema.nullable().optional(),
  })
  .strict();

/** A holiday calendar: holidays and adjusted working days as ISO dates. */
export const HolidayCalendarSchema = z
  .object({
    years: z.array(z.number().int().min(1990).max(2100)).max(200),
    holidays: z.array(IsoDateSchema).max(5000),
    workdays: z.array(IsoDateSchema).max(5000),
    source: z.string().max(500),
  })
  .strict();

const RectSchema = z.tuple([
  z.number().finite(),
  z.number().finite(),
  z.number().finite(),
  z.number().finite(),
]);

/** An anchor: offsets into the text, the quoted text, and PDF rectangles per page. */
export const AnchorSchema = z
  .object({
    start: z.number().int().min(0),
    end: z.number().int().min(0),
    quote: z.string().max(20_000),
    positions: z
      .array(
        z
          .object({
            pageIndex: z.number().int().min(0).max(100_000),
            rects: z.array(RectSchema).max(500),
          })
          .strict(),
      )
      .max(200),
  })
  .strict();

const AnnotationStatusSchema = z.enum(['pending', 'question', 'confirmed']);

const SeveritySchema = z.enum(['high', 'medium', 'low']);
const position = <T extends z.ZodTypeAny>(value: T) =>
  z.object({ enabled: z.boolean(), severity: SeveritySchema, value }).strict();

/** The NDA playbook (standard positions), as the app edits it. */
export const PlaybookSchema = z
  .object({
    version: z.literal(1),
    duration: position(z.number().min(0).max(100)),
    returnDeadlineDays: position(z.number().int().min(0).max(3650)),
    breachNoticeHours: position(z.number().min(0).max(8760)),
    compelledDisclosureNotice: position(z.null()),
    penalty: position(z.number().min(0).max(1000)),
    survival: position(z.null()),
    subcontractorConsent: position(z.null()),
    scope: position(z.null()),
    standardClause: z.string().max(20_000).optional(),
  })
  .strict();

/** Largest file accepted over IPC (same limit as the importer: 100 MiB). */
export const MAX_IPC_FILE_BYTES = 100 * 1024 * 1024;

export const IPC_CONTRACT = {
  'contracts:list': {
    request: z.object({}).strict(),
    response: z.array(ContractSummarySchema),
  },
  'contracts:get': {
    request: z.object({ id: Sha256Schema }).strict(),
    /** The stored contract: report (REPORT.md) and analysed text. */
    response: z.object({
      summary: ContractSummarySchema,
      text: z.string(),
      report: z.unknown(),
      scenarios: z.array(z.unknown()),
      events: PaymentEventsSchema,
      annotations: z.array(z.unknown()),
      signOff: z.unknown(),
      /** The reviewer's decisions on the findings, by finding key (`shared/domain/triage.ts`). */
      triage: z.record(z.string(), z.unknown()),
      /** Re-analyses by newer versions of Qiyue, oldest first. */
      history: z.array(
        z.object({
          at: z.string(),
          kind: z.literal('reanalysis'),
          fromVersion: z.number().nullable(),
          toVersion: z.number(),
          summary: z.string(),
        }),
      ),
    }),
  },
  'contracts:import': {
    request: z
      .object({
        fileName: z.string().min(1).max(255),
        bytes: z
          .instanceof(Uint8Array)
          .refine((b) => b.length <= MAX_IPC_FILE_BYTES, 'file too large'),
        password: z.string().max(256).optional(),
      })
      .strict(),
    response: z.object({ summary: ContractSummarySchema, duplicate: z.boolean() }),
  },
  /**
   * The reviewer's decision on one finding (rule + quote): 待处理, 已确认, 误报 or 已解决, with a
   * note; signed with the reviewer's name from settings (`no-reviewer` while none is set).
   */
  'findings:triage': {
    request: z
      .object({
        id: Sha256Schema,
        ruleId: z.string().regex(/^[a-z][a-z0-9.-]{0,80}$/),
        quote: z.string().max(10_000),
        status: z.enum(['open', 'accepted', 'false_positive', 'resolved']),
        note: z.string().max(2000),
      })
      .strict(),
    response: z.object({ record: z.unknown() }),
  },
  /**
   * Imports the sample contract shipped with the app (the welcome view's 试用示例合同), as
   * `contracts:import` imports a file: `not-found` when the installation has no sample.
   */
  'contracts:importSample': {
    request: z.object({}).strict(),
    response: z.object({ summary: ContractSummarySchema, duplicate: z.boolean() }),
  },
  /**
   * The files the operating system asked the app to open ("open with Qiyue", a second start with
   * a file), taken once: each with its bytes, or the reason it could not be read.
   */
  'app:openRequests': {
    request: z.object({}).strict(),
    response: z.object({
      files: z.array(
        z.union([
          z.object({ fileName: z.string(), bytes: z.instanceof(Uint8Array) }),
          z.object({ fileName: z.string(), error: z.string() }),
        ]),
      ),
    }),
  },
  /**
   * The import under way: the file and, for a scan, the page whose OCR has begun (1-based) of
   * its pages; null when none is running. Polled by the library while it imports.
   */
  'import:progress': {
    request: z.object({}).strict(),
    response: z
      .object({
        fileName: z.string(),
        page: z.number().int().nullable(),
        pages: z.number().int().nullable(),
      })
      .nullable(),
  },
  /** Stops the import under way (it is refused `cancelled`; the store is unchanged). */
  'import:cancel': {
    request: z.object({}).strict(),
    response: z.object({ cancelled: z.boolean() }),
  },
  'contracts:file': {
    request: z.object({ id: Sha256Schema }).strict(),
    response: z.object({ bytes: z.instanceof(Uint8Array), format: z.string() }),
  },
  /** The pages of an OFD (or any source with boxes and page sizes) to draw: runs in PDF points. */
  'contracts:pages': {
    request: z.object({ id: Sha256Schema }).strict(),
    response: z.object({
      pages: z.array(
        z.object({
          width: z.number(),
          height: z.number(),
          runs: z.array(
            z.object({
              text: z.string(),
              rect: z.tuple([z.number(), z.number(), z.number(), z.number()]),
            }),
          ),
          /** An OFD page's vector paths (SVG path data, points from the top left, y down). */
          paths: z
            .array(
              z.object({
                d: z.string(),
                stroke: z.string().nullable(),
                fill: z.string().nullable(),
                width: z.number(),
              }),
            )
            .optional(),
          /** An OFD page's images (PNG or JPEG data URLs) and their boxes, as `paths`. */
          images: z
            .array(
              z.object({
                href: z.string().regex(/^data:image\/(png|jpeg);base64,/),
                x: z.number(),
                y: z.number(),
                width: z.number(),
                height: z.number(),
              }),
            )
            .optional(),
        }),
      ),
    }),
  },
  'contracts:remove': {
    request: z.object({ id: Sha256Schema }).strict(),
    response: z.object({ removed: z.literal(true) }),
  },
  'contracts:setEvents': {
    request: z.object({ id: Sha256Schema, events: PaymentEventsSchema }).strict(),
    response: PaymentEventsSchema,
  },
  'checklist:get': {
    /**
     * One contract's checklist, or (id null) all contracts', each item's basis worded in
     * `language` (Chinese by default, as the exports have it).
     */
    request: z
      .object({ id: Sha256Schema.nullable(), language: LanguageSchema.optional() })
      .strict(),
    response: z.object({ rows: z.array(z.unknown()) }),
  },
  'checklist:update': {
    request: z
      .object({
        id: Sha256Schema,
        itemId: ItemIdSchema,
        status: z.enum(['not_started', 'in_progress', 'done', 'not_applicable']),
        note: z.string().max(5000),
      })
      .strict(),
    response: z.object({ state: z.unknown() }),
  },
  'checklist:evidence': {
    request: z
      .object({
        id: Sha256Schema,
        itemId: ItemIdSchema,
        fileName: z.string().min(1).max(255),
        bytes: z
          .instanceof(Uint8Array)
          .refine((b) => b.length > 0 && b.length <= MAX_IPC_FILE_BYTES, 'empty or too large'),
      })
      .strict(),
    response: z.object({ state: z.unknown() }),
  },
  'checklist:export': {
    request: z.object({ id: Sha256Schema.nullable(), format: z.enum(['xlsx', 'csv']) }).strict(),
    response: z.object({ fileName: z.string(), bytes: z.instanceof(Uint8Array) }),
  },
  'scenarios:save': {
    request: z
      .object({
        id: Sha256Schema,
        scenario: z
          .object({
            name: z.string().min(1).max(200),
            calculator: z.string().min(1).max(50),
            inputs: z.record(
              z.string(),
              z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]),
            ),
            totalYuan: z
              .string()
              .regex(/^\d+\.\d{2}$/)
              .nullable(),
            summary: z.string().max(5000),
          })
          .strict(),
      })
      .strict(),
    response: z.object({ scenario: z.unknown() }),
  },
  'scenarios:remove': {
    request: z.object({ id: Sha256Schema, scenarioId: z.string().uuid() }).strict(),
    response: z.object({ removed: z.literal(true) }),
  },
  'calendar:get': {
    request: z.object({}).strict(),
    response: HolidayCalendarSchema,
  },
  'calendar:set': {
    request: z.object({ calendar: HolidayCalendarSchema }).strict(),
    response: HolidayCalendarSchema,
  },
  'playbook:get': {
    request: z.object({}).strict(),
    response: z.unknown(),
  },
  'playbook:set': {
    request: z.object({ playbook: PlaybookSchema }).strict(),
    response: z.unknown(),
  },
  'nda:check': {
    request: z.object({ id: Sha256Schema }).strict(),
    response: z.object({ deviations: z.array(z.unknown()), disagreements: z.array(z.unknown()) }),
  },
  'search:query': {
    request: z.object({ q: z.string().min(1).max(100) }).strict(),
    /** `more`: contracts holding the query's words beyond the 100 read (newest first). */
    response: z.object({ groups: z.array(z.unknown()), more: z.number().int().nonnegative() }),
  },
  'annotations:create': {
    request: z
      .object({
        id: Sha256Schema,
        anchor: AnchorSchema,
        comment: z.string().max(10_000),
        tags: z.array(z.string().min(1).max(30)).max(20),
        status: AnnotationStatusSchema,
      })
      .strict(),
    response: z.object({ annotation: z.unknown() }),
  },
  'annotations:change': {
    request: z
      .object({
        id: Sha256Schema,
        annotationId: z.string().uuid(),
        comment: z.string().max(10_000).optional(),
        tags: z.array(z.string().min(1).max(30)).max(20).optional(),
        status: AnnotationStatusSchema.optional(),
        deleted: z.boolean().optional(),
      })
      .strict(),
    response: z.object({ annotation: z.unknown() }),
  },
  'contracts:signOff': {
    request: z
      .object({
        id: Sha256Schema,
        note: z.string().max(2000),
        /** Withdraw the sign-off instead of signing. */
        withdraw: z.boolean().optional(),
      })
      .strict(),
    response: z.object({ signOff: z.unknown() }),
  },
  /** One contract's review as a file: JSON, HTML, XLSX, or the HTML report printed to PDF. */
  'report:export': {
    request: z
      .object({ id: Sha256Schema, format: z.enum(['json', 'html', 'xlsx', 'pdf']) })
      .strict(),
    response: z.object({ fileName: z.string(), bytes: z.instanceof(Uint8Array) }),
  },
  'bundle:export': {
    request: z.object({ ids: z.array(Sha256Schema).max(10_000).nullable() }).strict(),
    response: z.object({ fileName: z.string(), bytes: z.instanceof(Uint8Array) }),
  },
  'bundle:import': {
    request: z
      .object({
        bytes: z
          .instanceof(Uint8Array)
          .refine((b) => b.length > 0 && b.length <= 1024 * 1024 * 1024, 'empty or too large'),
        /** The signing key's fingerprint, once the reviewer accepted it. */
        trust: FingerprintSchema.optional(),
      })
      .strict(),
    response: z.discriminatedUnion('status', [
      z.object({
        status: z.literal('imported'),
        added: z.array(z.string()),
        merged: z.array(z.string()),
        signer: FingerprintSchema,
        clampedTimestamps: z.number().int().min(0),
      }),
      z.object({ status: z.literal('untrusted'), signer: FingerprintSchema }),
    ]),
  },
  'identity:get': {
    request: z.object({}).strict(),
    response: z.object({ fingerprint: FingerprintSchema }),
  },
  /**
   * The installation: version, data folder and interface language. Answers while the folder is
   * locked (the unlock screen is shown in the chosen language).
   */
  'app:info': {
    request: z.object({}).strict(),
    response: z.object({
      version: z.string(),
      dataDir: z.string(),
      language: LanguageSchema,
      electron: z.string().nullable(),
      chrome: z.string().nullable(),
      node: z.string(),
    }),
  },
  /** Sets the interface language, kept in the data folder's `preferences.json` (also while locked). */
  'app:setLanguage': {
    request: z.object({ language: LanguageSchema }).strict(),
    response: z.object({ language: LanguageSchema }),
  },
  'settings:get': {
    request: z.object({}).strict(),
    /** The reviewer's name main signs changes with (null until set). */
    response: z.object({ reviewer: z.string().nullable() }),
  },
  'settings:setReviewer': {
    request: z.object({ reviewer: ReviewerNameSchema }).strict(),
    response: z.object({ reviewer: z.string() }),
  },
  /** Encryption at rest of the data folder: works while locked, as does `vault:unlock`. */
  'vault:status': {
    request: z.object({}).strict(),
    response: VaultStatusSchema,
  },
  /** Opens an encrypted folder with its passphrase (nothing else answers before). */
  'vault:unlock': {
    request: z.object({ passphrase: PassphraseSchema }).strict(),
    response: VaultStatusSchema,
  },
  /** Closes an encrypted folder: every other channel answers `locked` until it is unlocked. */
  'vault:lock': {
    request: z.object({}).strict(),
    response: VaultStatusSchema,
  },
  /** Encrypts the folder with a new passphrase (every file is rewritten). */
  'vault:enable': {
    request: z.object({ passphrase: PassphraseSchema }).strict(),
    response: VaultStatusSchema,
  },
  'vault:change': {
    request: z.object({ current: PassphraseSchema, next: PassphraseSchema }).strict(),
    response: VaultStatusSchema,
  },
  /** Removes the folder's encryption, given its passphrase. */
  'vault:disable': {
    request: z.object({ passphrase: PassphraseSchema }).strict(),
    response: VaultStatusSchema,
  },
  'store:status': {
    request: z.object({}).strict(),
    response: z.object({
      dataDir: z.string(),
      recoveredFrom: z.string().nullable(),
      /** The background re-analysis by a newer analyser: progress while it runs, then its outcome. */
      reanalysis: z
        .object({
          running: z.boolean(),
          done: z.number().int(),
          total: z.number().int(),
          updated: z.number().int(),
          skipped: z.number().int(),
        })
        .nullable(),
    }),
  },
} as const;

/** Channel names of the contract. */
export type Channel = keyof typeof IPC_CONTRACT;
export const CHANNELS = Object.keys(IPC_CONTRACT) as Channel[];

// The preload's allow-list (channels.ts) must name exactly these channels.
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const channelListsAgree: SameKeys<Channel, (typeof CHANNEL_NAMES)[number]> = true;
void channelListsAgree;

export type Request<C extends Channel> = z.input<(typeof IPC_CONTRACT)[C]['request']>;
export type Response<C extends Channel> = z.infer<(typeof IPC_CONTRACT)[C]['response']>;

/** The error shape every failed call returns. `code` is a QiyueErrorCode. */
export interface IpcError {
  code: string;
  /** The bilingual message, `中文 (English)` (`splitBilingual`). */
  message: string;
  /** Values the renderer's wording of `code` names (a limit, a file name). */
  params?: Record<string, string | number>;
}

/** What every call returns: a value or an error, never a thrown exception. */
export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** True when `name` is a channel of the contract. */
export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(IPC_CONTRACT, name);
}
