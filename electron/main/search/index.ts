/**
 * Search across all contracts' clauses, from an index kept in the data folder (`search/`): an
 * inverted index of each contract's tokens (CJK bigrams, Latin words, numbers: `cjkTokens`) in
 * immutable segments (`segment.ts`), named by a manifest that also says which version of each
 * contract's text it holds. It is brought up to date with the catalog incrementally — a contract
 * imported, analysed again or removed is added or dropped, nothing is rebuilt — after each import
 * and removal and before each query (so a contract another process imported is found too).
 * Segments merge ten at a time up to {@link MAX_SEGMENT_CONTRACTS} contracts (Lucene's tiered
 * merging), so a query looks into a few dozen segments at most.
 *
 * A query takes the contracts holding every token of it, reads their clauses' texts (each
 * contract's `search.<hash>.txt`, `catalog.ts`) and keeps each clause where the query is found as
 * a phrase; the hit's anchor comes from the boxes kept at import, read for the match's characters
 * only. No original is read again (a PDF stored before boxes were kept is, once, in the parser
 * process). Groups come best first (most clauses hit), at most {@link MAX_GROUPS} of them.
 */
import path from 'node:path';
import fs from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import {
  cjkTokens,
  type SearchGroup,
  type SearchHit,
} from '../../../shared/domain/search/tokenize';
import { canonicalText } from '../../../shared/domain/text/normalize';
import {
  anchorFor,
  positionsOf,
  type Anchor,
  type PagePosition,
  type SourceDocument,
} from '../../../shared/domain/document';
import type { CatalogEntry, ContractStore } from '../store/store';
import type { SearchText } from '../store/catalog';
import { encodeSegment, Segment } from './segment';

/** The folder of the index in the data folder. */
export const SEARCH_FOLDER = 'search';
const MANIFEST = `${SEARCH_FOLDER}/manifest.json`;
/** Segments of one size class merged at once, and the size a segment grows to by merging. */
const MERGE_FACTOR = 10;
export const MAX_SEGMENT_CONTRACTS = 1000;
/** Contracts a query returns at most (newest import first). */
export const MAX_GROUPS = 100;
/**
 * Candidates (contracts holding every token) a query reads at most, newest import first: where
 * the words stand apart in most of them (响应 … 时间), a query stops there rather than reading
 * every contract, and says how many it left.
 */
export const MAX_READ = 2 * MAX_GROUPS;
/** Hits of a contract given their anchor: those the app lists (the rest are counted). */
export const ANCHORED_HITS = 8;
/** Parsed search texts kept in memory (the candidates of the last queries). */
const TEXT_CACHE = 256;

/** What the index holds: its segments and, per contract, where and which version of it. */
interface Manifest {
  version: 1;
  segments: { name: string; contracts: number }[];
  /** Contract id → the segment holding it and the content it was read from. */
  indexed: Record<string, { segment: string; content: string }>;
}

const EMPTY: Manifest = { version: 1, segments: [], indexed: {} };

export class ContractSearch {
  private manifest: Manifest | null = null;
  /** The catalog as of the last refresh (newest import first), and its generation. */
  private current: { generation: number; entries: Map<string, CatalogEntry> } | null = null;
  private readonly segments = new Map<string, Segment>();
  private readonly texts = new Map<string, SearchText>();
  /** PDFs stored before boxes were kept, read again once (in the parser process). */
  private readonly legacyDocs = new Map<string, Promise<SourceDocument | null>>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly store: ContractStore) {}

  /** Runs index work one at a time. */
  private serialize<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.queue.then(fn, fn);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Brings the index up to date with the catalog: contracts new or analysed again are added in
   * one new segment, those removed or replaced dropped, segments merged where ten of a size are.
   * @returns the catalog entries, by id
   */
  refresh(): Promise<Map<string, CatalogEntry>> {
    return this.serialize(() => this.update());
  }

  /**
   * Brings the index up to date and reads what a first query needs — every segment, and the
   * texts of the newest {@link MAX_READ} contracts (the candidates a query reads first) — so
   * that it does not wait on the disk. Run in the background when the store opens (at 10,000
   * contracts: ~46 MB of segments and ~12 MB of texts, some 200 ms). A query meanwhile waits
   * for it rather than reading the same files beside it.
   */
  warm(): Promise<void> {
    return this.serialize(async () => {
      const entries = await this.update();
      for (const s of this.manifest!.segments) await this.segment(s.name);
      let n = 0;
      for (const e of entries.values()) {
        if (n >= MAX_READ) break;
        // The texts are read synchronously (`store.searchText`): let other work in between.
        if (++n % 10 === 0) await new Promise((r) => setImmediate(r));
        await this.searchText(e);
      }
    });
  }

  private async update(): Promise<Map<string, CatalogEntry>> {
    const list = await this.store.list();
    const generation = this.store.catalogGeneration;
    // Nothing committed since the last refresh: the index is as up to date as it was.
    if (this.current && generation > 0 && this.current.generation === generation)
      return this.current.entries;
    const entries = new Map(list.map((e) => [e.id, e]));
    const m = (this.manifest ??= await this.readManifest());
    let changed = false;
    for (const [id, at] of Object.entries(m.indexed)) {
      const e = entries.get(id);
      if (!e || e.parts.content !== at.content) {
        delete m.indexed[id];
        changed = true;
      }
    }
    const missing = [...entries.values()].filter((e) => !m.indexed[e.id]);
    for (let i = 0; i < missing.length; i += MAX_SEGMENT_CONTRACTS) {
      await this.addSegment(m, missing.slice(i, i + MAX_SEGMENT_CONTRACTS));
      changed = true;
    }
    // Segments no contract is indexed in any more.
    const used = new Set(Object.values(m.indexed).map((x) => x.segment));
    const dropped = m.segments.filter((s) => !used.has(s.name));
    if (dropped.length) {
      m.segments = m.segments.filter((s) => used.has(s.name));
      changed = true;
    }
    if (changed && (await this.mergeSegments(m))) changed = true;
    if (changed)
      await this.writeManifest(
        m,
        dropped.map((s) => s.name),
      );
    this.current = { generation, entries };
    return entries;
  }

  /** Indexes `contracts` in a new segment (their tokens from their clauses' texts). */
  private async addSegment(m: Manifest, contracts: CatalogEntry[]): Promise<void> {
    const postings = new Map<string, number[]>();
    for (const [ordinal, e] of contracts.entries()) {
      const text = await this.searchText(e);
      for (const token of new Set(cjkTokens(text.text))) {
        const list = postings.get(token);
        if (list) list.push(ordinal);
        else postings.set(token, [ordinal]);
      }
    }
    const name = await this.writeSegment(
      contracts.map((e) => e.id),
      postings,
    );
    m.segments.push({ name, contracts: contracts.length });
    for (const e of contracts) m.indexed[e.id] = { segment: name, content: e.parts.content };
  }

  /**
   * Merges, while there are any, {@link MERGE_FACTOR} segments of one size class (by the
   * number of contracts they index, in powers of ten) into one, dropping what they index no
   * more; segments of {@link MAX_SEGMENT_CONTRACTS} are left as they are.
   * @returns whether any was merged
   */
  private async mergeSegments(m: Manifest): Promise<boolean> {
    let merged = false;
    for (;;) {
      const live = new Map<string, number>();
      for (const x of Object.values(m.indexed)) live.set(x.segment, (live.get(x.segment) ?? 0) + 1);
      const classes = new Map<number, { name: string; contracts: number }[]>();
      for (const s of m.segments) {
        const n = live.get(s.name) ?? 0;
        if (n >= MAX_SEGMENT_CONTRACTS) continue;
        const c = Math.floor(Math.log10(Math.max(1, n)));
        classes.set(c, [...(classes.get(c) ?? []), s]);
      }
      const full = [...classes.values()].find((list) => list.length >= MERGE_FACTOR);
      if (!full) return merged;
      const group = full.slice(0, MERGE_FACTOR);
      const ids: string[] = [];
      const postings = new Map<string, number[]>();
      for (const s of group) {
        const seg = await this.segment(s.name);
        // Ordinal in the old segment → in the new one, for contracts still indexed there.
        const remap = seg.contractIds.map((id) =>
          m.indexed[id]?.segment === s.name ? ids.push(id) - 1 : -1,
        );
        for (const [token, list] of seg.entries()) {
          const kept = list.map((o) => remap[o]).filter((o) => o >= 0);
          if (!kept.length) continue;
          const to = postings.get(token);
          if (to) to.push(...kept);
          else postings.set(token, kept);
        }
      }
      const name = await this.writeSegment(ids, postings);
      const names = new Set(group.map((s) => s.name));
      m.segments = [
        ...m.segments.filter((s) => !names.has(s.name)),
        { name, contracts: ids.length },
      ];
      for (const id of ids) m.indexed[id].segment = name;
      merged = true;
    }
  }

  private async writeSegment(ids: string[], postings: Map<string, number[]>): Promise<string> {
    const name = `seg-${randomUUID()}.bin`;
    const bytes = encodeSegment({ contractIds: ids, postings });
    await fs.mkdir(path.join(this.store.dataDir, SEARCH_FOLDER), { recursive: true, mode: 0o700 });
    await this.store.files.write(`${SEARCH_FOLDER}/${name}`, bytes);
    this.segments.set(name, new Segment(Buffer.from(bytes)));
    return name;
  }

  /** A segment, read once; one that cannot be read is indexed again at the next refresh. */
  private async segment(name: string): Promise<Segment> {
    const cached = this.segments.get(name);
    if (cached) return cached;
    const bytes = await this.store.files.read(`${SEARCH_FOLDER}/${name}`).catch(() => null);
    let seg: Segment;
    try {
      if (!bytes) throw new Error('missing');
      seg = new Segment(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    } catch {
      // Forget what it held: the next refresh indexes those contracts again.
      this.current = null;
      const m = this.manifest!;
      for (const [id, at] of Object.entries(m.indexed))
        if (at.segment === name) delete m.indexed[id];
      m.segments = m.segments.filter((s) => s.name !== name);
      return new Segment(Buffer.from(encodeSegment({ contractIds: [], postings: new Map() })));
    }
    this.segments.set(name, seg);
    return seg;
  }

  private async readManifest(): Promise<Manifest> {
    try {
      const bytes = await this.store.files.read(MANIFEST);
      const m = bytes ? (JSON.parse(Buffer.from(bytes).toString('utf8')) as Manifest) : null;
      if (m?.version === 1 && Array.isArray(m.segments) && typeof m.indexed === 'object') return m;
    } catch {
      // An unreadable manifest: the index is made again (it is derived from the store).
    }
    return structuredClone(EMPTY);
  }

  /**
   * Writes the manifest (atomically), then deletes segments it no longer names: those merged or
   * dropped now, and any another run left behind.
   */
  private async writeManifest(m: Manifest, dropped: string[]): Promise<void> {
    await fs.mkdir(path.join(this.store.dataDir, SEARCH_FOLDER), { recursive: true, mode: 0o700 });
    await this.store.files.write(MANIFEST, new TextEncoder().encode(JSON.stringify(m)));
    const named = new Set(m.segments.map((s) => s.name));
    const names = await fs.readdir(path.join(this.store.dataDir, SEARCH_FOLDER));
    for (const n of [...dropped, ...names.filter((x) => /^seg-.*\.bin$/.test(x))]) {
      if (named.has(n)) continue;
      this.segments.delete(n);
      await fs.rm(path.join(this.store.dataDir, SEARCH_FOLDER, n), { force: true });
    }
  }

  private async searchText(e: CatalogEntry): Promise<SearchText> {
    const key = `${e.id}/${e.parts.content}`;
    const hit = this.texts.get(key);
    if (hit) {
      // Most recently used last.
      this.texts.delete(key);
      this.texts.set(key, hit);
      return hit;
    }
    const text = await this.store.searchText(e);
    this.texts.set(key, text);
    if (this.texts.size > TEXT_CACHE) this.texts.delete(this.texts.keys().next().value!);
    return text;
  }

  /**
   * Searches every contract: the contracts holding every token of `q`, newest import first, are
   * read until {@link MAX_GROUPS} of them hold it as a phrase; those come grouped, most hits
   * first, each hit a clause with the match marked in its snippet and, for the first
   * {@link ANCHORED_HITS} of a contract (those the app shows), its anchor on the page.
   * @returns the groups, and how many more contracts hold the tokens and were not read
   */
  async query(q: string, limitPerContract = 50): Promise<{ groups: SearchGroup[]; more: number }> {
    const entries = await this.refresh();
    const tokens = [...new Set(cjkTokens(q))];
    if (!tokens.length) return { groups: [], more: 0 };
    // Latin letters match whatever their case (`rto` finds `RTO`): the phrase is checked on
    // lower-cased text, which keeps every offset (no letter here changes length).
    const needle = canonicalText(q).replace(/\s+/g, '').toLowerCase();
    const m = this.manifest!;
    const held = new Set<string>();
    for (const s of m.segments) {
      const seg = await this.segment(s.name);
      let hits: number[] | null = null;
      for (const t of tokens) {
        const list = seg.postings(t);
        hits = hits ? intersect(hits, list) : list;
        if (!hits.length) break;
      }
      for (const o of hits ?? []) {
        const id = seg.contractIds[o];
        if (m.indexed[id]?.segment === s.name) held.add(id);
      }
    }
    // Newest import first, as the library lists them (and the catalog's entries come).
    const candidates = [...entries.values()].filter((e) => held.has(e.id));
    const groups: SearchGroup[] = [];
    let read = 0;
    for (const e of candidates) {
      if (groups.length >= MAX_GROUPS || read >= MAX_READ) break;
      read++;
      const hits = await this.hitsIn(e, needle, limitPerContract);
      if (hits.length) groups.push({ contractId: e.id, title: e.title ?? e.fileName, hits });
    }
    groups.sort((a, b) => b.hits.length - a.hits.length);
    return { groups, more: candidates.length - read };
  }

  /** The clauses of one contract where `needle` stands, each with its first match. */
  private async hitsIn(e: CatalogEntry, needle: string, limit: number): Promise<SearchHit[]> {
    const st = await this.searchText(e);
    const text = /[a-z]/.test(needle) ? lowerAscii(st.text) : st.text;
    const found: { k: number; at: number; end: number }[] = [];
    let k = 0;
    for (let at = text.indexOf(needle); at >= 0 && found.length < limit;) {
      // The clause the match starts in (clauses in order of their start in `text`).
      while (k + 1 < st.clauses.length && st.clauses[k + 1][4] <= at) k++;
      const end = k + 1 < st.clauses.length ? st.clauses[k + 1][4] - 1 : st.text.length;
      if (at + needle.length <= end) {
        found.push({ k, at, end });
        // One hit per clause: go on from the next clause.
        at = k + 1 < st.clauses.length ? text.indexOf(needle, st.clauses[k + 1][4]) : -1;
      } else at = text.indexOf(needle, at + 1);
    }
    const docSpan = ({ k, at }: { k: number; at: number }): [number, number] => {
      const start = st.clauses[k][5] + at - st.clauses[k][4];
      return [start, start + needle.length];
    };
    const anchors = await this.anchors(e, found.slice(0, ANCHORED_HITS).map(docSpan));
    return found.map((f, i) => {
      const [clauseId, number, heading, page, from] = st.clauses[f.k];
      const [start, end] = docSpan(f);
      const quote = st.text.slice(f.at, f.at + needle.length);
      const anchor: Anchor | null =
        i < ANCHORED_HITS ? { start, end, quote, positions: anchors?.[i] ?? [] } : null;
      const lead = Math.min(f.at - from, 20);
      return {
        clauseId,
        number,
        heading,
        // The page of the match itself (a clause may run over several pages).
        page: anchor?.positions[0] ? anchor.positions[0].pageIndex + 1 : page,
        snippet: st.text.slice(f.at - lead, Math.min(f.end, f.at + needle.length + 30)),
        match: [lead, lead + needle.length],
        anchor,
      };
    });
  }

  /**
   * The rectangles of each span of a contract's text, from its kept boxes (read for those
   * characters only); for a contract stored before boxes were kept, from its document.
   */
  private async anchors(
    e: CatalogEntry,
    spans: [number, number][],
  ): Promise<PagePosition[][] | null> {
    if (!spans.length) return [];
    const boxes = await this.store.boxRanges(e, spans);
    if (boxes) return boxes.map((b, i) => positionsOf(b, spans[i][0], spans[i][0], spans[i][1]));
    // A text or Word contract has no pages to anchor on (no boxes were ever kept for it).
    if (e.format === 'txt' || e.format === 'md' || e.format === 'docx') return null;
    const doc = await this.legacyDocument(e);
    return doc && doc.boxes ? spans.map(([s, t]) => anchorFor(doc, s, t).positions) : null;
  }

  /**
   * A contract without kept boxes: a scan's OCR boxes kept where they were before, or a PDF
   * read again once, in the parser process like any untrusted file; null for anything else.
   */
  private legacyDocument(e: CatalogEntry): Promise<SourceDocument | null> {
    if (!this.legacyDocs.has(e.id)) {
      this.legacyDocs.set(
        e.id,
        (async () => {
          const c = await this.store.get(e.id);
          const boxes = await this.store.boxes(e).catch(() => null);
          if (boxes && boxes.length === c.text.length * 5)
            return { format: c.format, text: c.text, pageCount: c.pageCount, boxes };
          if (c.format !== 'pdf') return null;
          const { bytes } = await this.store.readOriginal(e.id);
          return (await this.store.parseOriginal(c.fileName, bytes)).doc;
        })().catch(() => null), // an encrypted original needs its password: no anchor then
      );
    }
    return this.legacyDocs.get(e.id)!;
  }
}

/** The values in both ascending lists. */
function intersect(a: number[], b: number[]): number[] {
  const out: number[] = [];
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    if (a[i] === b[j]) {
      out.push(a[i]);
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return out;
}

/** `text` with only its ASCII letters lower-cased (every offset kept). */
function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}
