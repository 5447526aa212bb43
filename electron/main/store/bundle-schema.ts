/**
 * The shapes a review bundle may hold (zod), checked before anything of it is used: the signed
 * manifest and, per contract, the reviewer's state (annotations, checklist states, scenarios,
 * sign-off, entered dates). A bundle carries no report and no text: the receiver analyses the
 * bundled original itself.
 */
import { z } from 'zod';
import { AnchorSchema, ItemIdSchema, PaymentEventsSchema } from '../../../shared/ipc/contract';
import { findingKey } from '../../../shared/domain/triage';

const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);
/** An ISO timestamp as the store writes them (`2026-11-20T08:00:00.000Z`). */
const Timestamp = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/);
const Person = z
  .string()
  .max(100)
  // No control characters (ANSI escapes, NUL) in a name shown and exported everywhere.
  .refine((s) => !/[\u0000-\u001f\u007f-\u009f]/.test(s), 'control characters');
const Text = (max: number) => z.string().max(max);

/** The extensions of originals a bundle may carry (those Qiyue imports). */
export const BUNDLE_EXTENSIONS = [
  '.pdf',
  '.ofd',
  '.docx',
  '.txt',
  '.md',
  '.jpg',
  '.jpeg',
  '.png',
  '.tif',
  '.tiff',
] as const;

/** One contract in the manifest: where its original and record are, and their SHA-256. */
export const BundleEntrySchema = z
  .object({
    id: Sha256,
    fileName: Text(255).min(1),
    /** `files/<id><ext>`: the original, named by its own SHA-256. */
    file: z.string().max(100),
    /** `records/<id>.json`. */
    record: z.string().max(100),
    recordSha256: Sha256,
  })
  .strict()
  .refine(
    (e) => BUNDLE_EXTENSIONS.some((ext) => e.file === `files/${e.id}${ext}`),
    'an original must be files/<its SHA-256><.pdf|.ofd|.docx|.txt|.md|.jpg|.jpeg|.png|.tif|.tiff>',
  )
  .refine((e) => e.record === `records/${e.id}.json`, 'a record must be records/<id>.json');

/** The manifest (`qiyue-bundle.json`), signed as its exact bytes (`qiyue-bundle.sig`). */
export const BundleManifestSchema = z
  .object({
    format: z.literal('qiyue-bundle'),
    version: z.literal(2),
    createdAt: Timestamp,
    /** The exporting installation's Ed25519 public key, SPKI PEM. */
    publicKey: Text(1000),
    contracts: z.array(BundleEntrySchema).max(10_000),
  })
  .strict();

const AnnotationChangeSchema = z
  .object({
    at: Timestamp,
    by: Person,
    action: z.enum(['created', 'updated', 'deleted', 'restored', 'conflict']),
    changes: z
      .record(z.string().max(50), z.union([Text(20_000), z.array(Text(200)).max(50)]))
      .optional(),
  })
  .strict();

const AnnotationSchema = z
  .object({
    id: z.string().regex(/^[0-9a-zA-Z-]{1,64}$/),
    anchor: AnchorSchema.extend({ lost: z.boolean().optional() }),
    comment: Text(20_000),
    tags: z.array(Text(200)).max(50),
    status: z.enum(['pending', 'question', 'confirmed']),
    reviewer: Person,
    createdAt: Timestamp,
    updatedAt: Timestamp,
    deleted: z.boolean(),
    history: z.array(AnnotationChangeSchema).max(1000),
    /** Fingerprint of the installation that brought it (set on import). */
    via: z.string().max(64).optional(),
  })
  .strict();

const ChecklistStatusSchema = z.enum(['not_started', 'in_progress', 'done', 'not_applicable']);

const ChecklistStateSchema = z
  .object({
    status: ChecklistStatusSchema,
    note: Text(2000),
    // Evidence files stay on the machine that attached them: a bundle names them, never a path.
    evidence: z
      .array(
        z
          .object({
            fileName: Text(255),
            sha256: Sha256,
            file: z.string().max(100),
            addedAt: Timestamp,
            by: Person,
          })
          .strict()
          .refine(
            (e) =>
              /^evidence\/[0-9a-f]{64}(\.[a-z0-9]{1,8})?$/.test(e.file.replaceAll('\\', '/')) &&
              e.file.replaceAll('\\', '/').startsWith(`evidence/${e.sha256}`),
            'evidence must be evidence/<its SHA-256>',
          ),
      )
      .max(100),
    history: z
      .array(
        z
          .object({ at: Timestamp, by: Person, status: ChecklistStatusSchema, note: Text(2000) })
          .strict(),
      )
      .max(1000),
  })
  .strict();

const ScenarioSchema = z
  .object({
    id: z.string().regex(/^[0-9a-zA-Z-]{1,64}$/),
    name: Text(200),
    calculator: Text(50),
    inputs: z.record(z.string().max(100), z.union([Text(1000), z.number(), z.boolean(), z.null()])),
    totalYuan: z
      .string()
      .regex(/^-?\d{1,15}\.\d{2}$/)
      .nullable(),
    summary: Text(5000),
    savedAt: Timestamp,
  })
  .strict();

const ItemId = ItemIdSchema;

const TriageStatusSchema = z.enum(['open', 'accepted', 'false_positive', 'resolved']);
const TriageChangeSchema = z
  .object({ status: TriageStatusSchema, note: Text(2000), by: Person, at: Timestamp })
  .strict();
/** A finding's triage, kept under its own key (rule + quote hash): a key that is not is refused. */
const TriageSchema = z
  .record(
    z.string().regex(/^[a-z][a-z0-9.-]{0,80}:[0-9a-f]{8}$/),
    z
      .object({
        ruleId: z.string().regex(/^[a-z][a-z0-9.-]{0,80}$/),
        quote: Text(10_000),
        status: TriageStatusSchema,
        note: Text(2000),
        by: Person,
        at: Timestamp,
        history: z.array(TriageChangeSchema).max(1000),
        via: z.string().max(64).optional(),
      })
      .strict(),
  )
  .refine((t) => Object.keys(t).length <= 10_000, 'too many triage records')
  .refine(
    (t) => Object.entries(t).every(([key, r]) => key === findingKey(r)),
    'a triage record must be kept under its finding key',
  );

/** A contract's record in a bundle: the reviewer's state, nothing the receiver computes. */
export const BundleRecordSchema = z
  .object({
    id: Sha256,
    fileName: Text(255).min(1),
    importedAt: Timestamp,
    annotations: z.array(AnnotationSchema).max(10_000),
    checklist: z.record(ItemId, ChecklistStateSchema),
    scenarios: z.array(ScenarioSchema).max(1000),
    /** Absent in bundles from a Qiyue before triage. */
    triage: TriageSchema.optional(),
    signOff: z
      .object({
        by: Person,
        at: Timestamp,
        note: Text(2000),
        via: z.string().max(64).optional(),
        signature: z
          .object({ publicKey: Text(1000), reportSha256: Sha256, value: Text(200) })
          .strict()
          .optional(),
      })
      .strict()
      .nullable(),
    events: PaymentEventsSchema,
  })
  .strict();

export type BundleManifest = z.infer<typeof BundleManifestSchema>;
export type BundleRecord = z.infer<typeof BundleRecordSchema>;
