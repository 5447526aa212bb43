/**
 * What a desktop and the team's sync service say to each other (JSON over HTTPS), checked with
 * zod on both sides, and the team event: an immutable record of one piece of work on a contract
 * (an annotation's version, a checklist item's state, a sign-off), signed by the installation
 * that made it, ordered by a hybrid logical clock (Kulkarni et al., "Logical Physical Clocks",
 * 2014), so that merging is a union and a field edited on two machines keeps the later edit.
 */
import { z } from 'zod';
import { verifySignature } from '../main/identity';

/** Largest original a desktop uploads (the import limit), and a request's largest body. */
export const MAX_ORIGINAL_BYTES = 64 * 1024 * 1024;
export const MAX_BODY_BYTES = 96 * 1024 * 1024;
/** Events in one push or pull at most. */
export const MAX_EVENTS = 500;

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
const fingerprint = z.string().regex(/^[0-9A-F]{4}( [0-9A-F]{4}){7}$/);
/** `<ms, 13 digits>-<counter, 6 digits>-<fingerprint without spaces>`: sorts as it orders. */
const hlc = z.string().regex(/^\d{13}-\d{6}-[0-9A-F]{32}$/);
const name = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[^\p{Cc}]+$/u);

/** What a team event records (its body, by kind). */
export const EventKind = z.enum(['annotation', 'checklist', 'signoff']);
export type EventKind = z.infer<typeof EventKind>;

/** One team event as the installation signed it. */
export const TeamEventSchema = z
  .object({
    id: z.uuid(),
    contractId: hex64,
    kind: EventKind,
    /** The author's user name (the service checks it is the signed-in user's). */
    author: name,
    installation: fingerprint,
    hlc,
    /** The item's state as the author left it (an annotation, a checklist state, a sign-off). */
    body: z.record(z.string(), z.unknown()),
    /** The HLC of the version this one was made from, when it changed an earlier one. */
    base: hlc.nullable(),
    signature: z.string().max(200),
  })
  .strict();
export type TeamEvent = z.infer<typeof TeamEventSchema>;

/** The bytes an event's signature covers: every field but the signature, in a fixed order. */
export function eventBytes(e: Omit<TeamEvent, 'signature'>): Uint8Array {
  return new TextEncoder().encode(
    JSON.stringify([
      'qiyue-team-event/1',
      e.id,
      e.contractId,
      e.kind,
      e.author,
      e.installation,
      e.hlc,
      e.base,
      canonical(e.body),
    ]),
  );
}

/** JSON with object keys sorted at every depth, so both sides sign and check the same bytes. */
export function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  if (v && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v);
}

/** Whether `e`'s signature is `publicKey`'s (SPKI PEM). */
export function eventSignatureValid(e: TeamEvent, publicKey: string): boolean {
  const { signature, ...rest } = e;
  return verifySignature(publicKey, eventBytes(rest), signature);
}

/**
 * A hybrid logical clock: wall-clock milliseconds, a counter for events in the same
 * millisecond or when a peer's clock ran ahead, and the installation that ticked it.
 */
export class HybridClock {
  private ms = 0;
  private counter = 0;

  constructor(
    private readonly node: string,
    private readonly now: () => number = Date.now,
  ) {}

  /** The next timestamp, later than every one made or seen here. */
  tick(): string {
    const wall = this.now();
    if (wall > this.ms) [this.ms, this.counter] = [wall, 0];
    else this.counter++;
    return this.format();
  }

  /** Takes in a timestamp seen from another installation. */
  observe(stamp: string): void {
    const [ms, counter] = stamp.split('-').map(Number);
    if (ms > this.ms || (ms === this.ms && counter > this.counter))
      [this.ms, this.counter] = [ms, counter];
  }

  private format(): string {
    return `${String(this.ms).padStart(13, '0')}-${String(this.counter).padStart(6, '0')}-${this.node.replaceAll(' ', '')}`;
  }
}

export const SignInSchema = z
  .object({
    name,
    password: z.string().min(1).max(200),
    publicKey: z.string().max(1000),
    /** Milliseconds since 1970 when signed; within five minutes of the service's clock. */
    at: z.number().int(),
    /** The installation's signature of `qiyue-team-signin/1|<name>|<at>`: it holds the key. */
    proof: z.string().max(200),
  })
  .strict();

export const SessionSchema = z
  .object({
    token: z.string(),
    user: z.object({
      name,
      department: z.string(),
      role: z.enum(['reviewer', 'section_chief', 'auditor']),
    }),
  })
  .strict();
export type Session = z.infer<typeof SessionSchema>;

export const ContractUploadSchema = z
  .object({
    id: hex64,
    fileName: name.max(255),
    format: z.string().max(10),
    title: z.string().max(500).nullable(),
    importedAt: z.iso.datetime(),
    /** base64 of the original's bytes; its SHA-256 must be `id`. */
    original: z.string().max(Math.ceil(MAX_ORIGINAL_BYTES / 3) * 4),
    text: z.string().max(16 * 1024 * 1024),
  })
  .strict();
export type ContractUpload = z.infer<typeof ContractUploadSchema>;

export const PushSchema = z.object({ events: z.array(TeamEventSchema).max(MAX_EVENTS) }).strict();

export const PushResultSchema = z
  .object({
    accepted: z.array(z.string()),
    refused: z.array(z.object({ id: z.string(), reason: z.string() })),
  })
  .strict();
export type PushResult = z.infer<typeof PushResultSchema>;

/** A shared contract as a pull lists it (its original fetched apart). */
export const SharedContractSchema = z
  .object({
    id: hex64,
    fileName: z.string(),
    format: z.string(),
    title: z.string().nullable(),
    importedAt: z.string(),
    importedBy: z.string(),
    size: z.number().int(),
  })
  .strict();
export type SharedContract = z.infer<typeof SharedContractSchema>;

export const ChangesSchema = z
  .object({
    contracts: z.array(SharedContractSchema),
    events: z.array(TeamEventSchema),
    /** Pass as `after` to the next pull; equal to the one passed when nothing came. */
    next: z.number().int(),
    /** Whether more are waiting. */
    more: z.boolean(),
  })
  .strict();
export type Changes = z.infer<typeof ChangesSchema>;

export const SearchResultSchema = z
  .object({
    hits: z.array(
      z
        .object({
          id: z.string(),
          title: z.string().nullable(),
          fileName: z.string(),
          snippet: z.string(),
        })
        .strict(),
    ),
  })
  .strict();
export type TeamSearchResult = z.infer<typeof SearchResultSchema>;
