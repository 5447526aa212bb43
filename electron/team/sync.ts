/**
 * A desktop's sync with the team server. The local store stays the working copy and works with
 * no server at all; when the server is reachable, `sync` pushes this installation's outbox and
 * pulls everyone else's changes.
 *
 * - **Outbox.** Work on a shared contract (an annotation's new version, a checklist item's
 *   state, a sign-off) becomes a signed, immutable event (`protocol.ts`) when `sync` finds it
 *   changed since it was last synced; the event is saved in the outbox (`team/state.json`, in
 *   the data folder, encrypted with it) before it is pushed, and leaves the outbox only when the
 *   server has it. A push cut short is sent again with the same event ids, which the server
 *   holds once: nothing lost, nothing doubled.
 * - **Pull.** Contracts others shared are fetched (the original; the text and report are this
 *   desktop's own analysis, as for a review bundle), events applied: annotations merged by id
 *   (`mergeAnnotations`: the later version kept, histories joined), checklist states and
 *   sign-offs the later by hybrid logical clock. An event made from a version other than the one
 *   this desktop holds (both sides changed the same item) is a conflict: the later edit is kept
 *   and the conflict written into the annotation's history for a reviewer to settle.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { ContractStore, StoredContract } from '../main/store/store';
import type { Installation } from '../main/identity';
import { mergeAnnotations, type Annotation, type SignOff } from '../../shared/domain/annotations';
import type { ChecklistState } from '../../shared/domain/checklist';
import { TeamClient } from './client';
import { QiyueError } from '../../shared/domain/errors';
import {
  ChangesSchema,
  HybridClock,
  MAX_EVENTS,
  PushResultSchema,
  eventBytes,
  type TeamEvent,
} from './protocol';

const STATE_FILE = 'team/state.json';

/** What this desktop remembers of the team server between syncs. */
const SyncStateSchema = z.object({
  /** The last change number pulled. */
  after: z.number().int(),
  /** Contracts shared with the team (by this desktop or pulled from it). */
  shared: z.array(z.string()),
  /** Per contract, the version of each item last synced: item key → [version, hlc]. */
  synced: z.record(z.string(), z.record(z.string(), z.tuple([z.string(), z.string()]))),
  outbox: z.array(z.unknown()),
  /** Events the server refused, with why (for the reviewer to see). */
  refused: z.array(z.object({ id: z.string(), reason: z.string() })),
  /** The newest HLC made or seen here. */
  clock: z.string().nullable(),
});
type SyncState = z.infer<typeof SyncStateSchema>;

const EMPTY: SyncState = { after: 0, shared: [], synced: {}, outbox: [], refused: [], clock: null };

/** What one sync did. */
export interface SyncReport {
  shared: number;
  pushed: number;
  refused: { id: string; reason: string }[];
  pulledContracts: number;
  pulledEvents: number;
  conflicts: number;
}

/** An item of a contract's work and its version: `a:<id>`, `c:<item>`, `s`. */
function itemsOf(
  c: StoredContract,
): { key: string; version: string; kind: TeamEvent['kind']; body: Record<string, unknown> }[] {
  const out: ReturnType<typeof itemsOf> = [];
  for (const a of c.annotations ?? []) {
    const { via: _via, ...rest } = a;
    out.push({ key: `a:${a.id}`, version: a.updatedAt, kind: 'annotation', body: rest });
  }
  for (const [item, state] of Object.entries(c.checklist ?? {})) {
    const last = state.history.at(-1)?.at ?? '';
    out.push({
      key: `c:${item}`,
      version: `${last}|${state.status}|${state.note}`,
      kind: 'checklist',
      body: { item, status: state.status, note: state.note, history: state.history },
    });
  }
  if (c.signOff) {
    const { via: _via, ...rest } = c.signOff;
    out.push({ key: 's', version: `${c.signOff.at}|${c.signOff.by}`, kind: 'signoff', body: rest });
  }
  return out;
}

export class TeamSync {
  private clock: HybridClock;

  constructor(
    private readonly store: ContractStore,
    private readonly installation: Installation,
    private readonly client: TeamClient,
    /** The signed-in user's name: the author of this desktop's events. */
    private readonly author: string,
  ) {
    this.clock = new HybridClock(installation.fingerprint);
  }

  private async load(): Promise<SyncState> {
    const bytes = await this.store.files.read(STATE_FILE);
    if (!bytes) return structuredClone(EMPTY);
    let json: unknown = null;
    try {
      json = JSON.parse(Buffer.from(bytes).toString('utf8'));
    } catch {
      // reported below
    }
    const parsed = SyncStateSchema.safeParse(json);
    if (!parsed.success)
      throw new QiyueError(
        'store-unreadable',
        `团队同步状态文件已损坏：${STATE_FILE} (the team sync state is damaged: ${STATE_FILE})`,
      );
    if (parsed.data.clock) this.clock.observe(parsed.data.clock);
    return parsed.data;
  }

  private async save(s: SyncState): Promise<void> {
    s.clock = this.clock.tick();
    await fs.mkdir(path.join(this.store.dataDir, 'team'), { recursive: true, mode: 0o700 });
    await this.store.files.write(STATE_FILE, new TextEncoder().encode(JSON.stringify(s)));
  }

  /** The contracts shared with the team, as this desktop knows them. */
  async sharedIds(): Promise<string[]> {
    return (await this.load()).shared;
  }

  /**
   * Shares local contracts with the team: each original and its text uploaded, the work on it
   * pushed at the next {@link sync}.
   * @throws TeamRequestError when the server refuses or cannot be reached (nothing is marked
   *   shared then)
   */
  async share(ids: string[]): Promise<void> {
    const s = await this.load();
    for (const id of ids) {
      if (s.shared.includes(id)) continue;
      const { contract, bytes } = await this.store.readOriginal(id);
      const c = await this.store.get(id);
      await this.client.request(
        'POST',
        '/v1/contracts',
        {
          id,
          fileName: contract.fileName,
          format: contract.format,
          title: contract.title ?? null,
          importedAt: contract.importedAt,
          original: Buffer.from(bytes).toString('base64'),
          text: c.text,
        },
        z.object({ id: z.string() }),
      );
      s.shared.push(id);
      await this.save(s);
    }
  }

  /**
   * Pushes this desktop's changes and pulls the team's.
   * @throws TeamRequestError when the server cannot be reached or refuses the session (what
   *   was done before is kept: the outbox is sent again next time)
   */
  async sync(): Promise<SyncReport> {
    const s = await this.load();
    const report: SyncReport = {
      shared: s.shared.length,
      pushed: 0,
      refused: [],
      pulledContracts: 0,
      pulledEvents: 0,
      conflicts: 0,
    };
    await this.collect(s);
    await this.save(s);
    // Push, a page at a time; each page leaves the outbox once the server has answered it.
    while (s.outbox.length) {
      const page = s.outbox.slice(0, MAX_EVENTS) as TeamEvent[];
      const result = await this.client.request(
        'POST',
        '/v1/events',
        { events: page },
        PushResultSchema,
      );
      const done = new Set([...result.accepted, ...result.refused.map((r) => r.id)]);
      s.outbox = s.outbox.filter((e) => !done.has((e as TeamEvent).id));
      s.refused.push(...result.refused);
      report.pushed += result.accepted.length;
      report.refused.push(...result.refused);
      await this.save(s);
      if (!done.size) break;
    }
    // Pull until nothing more waits.
    for (;;) {
      const changes = await this.client.request(
        'GET',
        `/v1/changes?after=${s.after}`,
        undefined,
        ChangesSchema,
      );
      for (const shared of changes.contracts) {
        if (!s.shared.includes(shared.id)) s.shared.push(shared.id);
        const local = (await this.store.list()).some((e) => e.id === shared.id);
        if (local) continue;
        const bytes = await this.client.raw('GET', `/v1/contracts/${shared.id}/original`);
        await this.store.importContract(shared.fileName, new Uint8Array(bytes));
        report.pulledContracts++;
      }
      const byContract = new Map<string, TeamEvent[]>();
      for (const e of changes.events) {
        this.clock.observe(e.hlc);
        if (e.installation === this.installation.fingerprint) continue;
        byContract.set(e.contractId, [...(byContract.get(e.contractId) ?? []), e]);
      }
      for (const [id, events] of byContract) {
        report.conflicts += await this.apply(s, id, events);
        report.pulledEvents += events.length;
      }
      s.after = changes.next;
      await this.save(s);
      if (!changes.more) break;
    }
    return report;
  }

  /** New events into the outbox for the work on shared contracts changed since last synced. */
  private async collect(s: SyncState): Promise<void> {
    const local = new Set((await this.store.list()).map((e) => e.id));
    for (const id of s.shared) {
      if (!local.has(id)) continue;
      const c = await this.store.get(id);
      const synced = (s.synced[id] ??= {});
      for (const item of itemsOf(c)) {
        const was = synced[item.key];
        if (was?.[0] === item.version) continue;
        const unsigned = {
          id: randomUUID(),
          contractId: id,
          kind: item.kind,
          author: this.author,
          installation: this.installation.fingerprint,
          hlc: this.clock.tick(),
          body: JSON.parse(JSON.stringify(item.body)) as Record<string, unknown>,
          base: was?.[1] ?? null,
        };
        s.outbox.push({ ...unsigned, signature: this.installation.sign(eventBytes(unsigned)) });
        synced[item.key] = [item.version, unsigned.hlc];
      }
    }
  }

  /** Applies others' events to one contract; @returns the conflicts met. */
  private async apply(s: SyncState, id: string, events: TeamEvent[]): Promise<number> {
    const synced = (s.synced[id] ??= {});
    let conflicts = 0;
    const sorted = [...events].sort((a, b) => a.hlc.localeCompare(b.hlc));
    await this.store.mergeWork(id, (c) => {
      for (const e of sorted) {
        const key =
          e.kind === 'annotation'
            ? `a:${String(e.body.id)}`
            : e.kind === 'checklist'
              ? `c:${String(e.body.item)}`
              : 's';
        const held = synced[key];
        // Made from another version than the one held here, and later than it or not: both
        // sides changed the item.
        const conflict = held !== undefined && e.base !== held[1] && e.hlc !== held[1];
        const newer = !held || e.hlc > held[1];
        if (e.kind === 'annotation') {
          const theirs = { ...(e.body as unknown as Annotation), via: e.installation };
          let merged = mergeAnnotations(c.annotations ?? [], [theirs]);
          if (conflict) {
            conflicts++;
            merged = merged.map((a) =>
              a.id === theirs.id
                ? {
                    ...a,
                    history: [
                      ...a.history,
                      { at: new Date().toISOString(), by: e.author, action: 'conflict' as const },
                    ],
                  }
                : a,
            );
          }
          c.annotations = merged;
        } else if (e.kind === 'checklist' && newer) {
          const { item, status, note, history } = e.body as unknown as {
            item: string;
          } & ChecklistState;
          const mine = c.checklist?.[item];
          c.checklist = {
            ...(c.checklist ?? {}),
            [item]: { status, note, history, evidence: mine?.evidence ?? [] },
          };
          if (conflict) conflicts++;
        } else if (e.kind === 'signoff' && newer) {
          c.signOff = { ...(e.body as unknown as SignOff), via: e.installation };
        }
        if (newer) synced[key] = [this.versionAfter(c, key), e.hlc];
      }
    });
    return conflicts;
  }

  /** The version the item `key` has in `c` now (so that applying it is not pushed back). */
  private versionAfter(c: StoredContract, key: string): string {
    return itemsOf(c).find((i) => i.key === key)?.version ?? '';
  }
}
