/**
 * Search across all contracts' clauses with MiniSearch and the CJK bigram tokenizer. The index is
 * built from the store on first use and rebuilt when the set of contracts changes. Each hit keeps
 * the offsets of the query in the contract's text; the anchor (PDF rectangles of exactly those
 * characters) is computed from the document, re-read from the stored original and cached.
 */
import MiniSearch from 'minisearch';
import {
  cjkTokens,
  type SearchGroup,
  type SearchHit,
} from '../../../shared/domain/search/tokenize';
import { canonicalText } from '../../../shared/domain/text/normalize';
import { anchorFor, type Anchor, type SourceDocument } from '../../../shared/domain/document';
import type { CatalogEntry, ContractStore, StoredContract } from '../store/store';

interface Doc {
  id: string;
  contractId: string;
  clauseId: string;
  text: string;
}

export class ContractSearch {
  private index: MiniSearch<Doc> | null = null;
  private indexedIds = '';
  private docs = new Map<string, Promise<SourceDocument>>();

  constructor(private readonly store: ContractStore) {}

  /** The contracts indexed, whole, by id. */
  private contracts = new Map<string, StoredContract>();

  private async ensureIndex(entries: CatalogEntry[]): Promise<MiniSearch<Doc>> {
    const ids = entries
      .map((c) => `${c.id}/${c.parts.content}`)
      .sort()
      .join(',');
    if (this.index && ids === this.indexedIds) return this.index;
    const contracts: StoredContract[] = [];
    for (const e of entries) contracts.push(await this.store.get(e.id));
    this.contracts = new Map(contracts.map((c) => [c.id, c]));
    this.docs.clear();
    const index = new MiniSearch<Doc>({
      fields: ['text'],
      storeFields: ['contractId', 'clauseId'],
      tokenize: cjkTokens,
      processTerm: (t) => t,
      searchOptions: { combineWith: 'AND', tokenize: cjkTokens, processTerm: (t) => t },
    });
    index.addAll(
      contracts.flatMap((c) =>
        c.report.clauses.map((cl) => ({
          id: `${c.id}:${cl.id}`,
          contractId: c.id,
          clauseId: cl.id,
          text: cl.text,
        })),
      ),
    );
    this.index = index;
    this.indexedIds = ids;
    return index;
  }

  private async documentOf(e: CatalogEntry, c: StoredContract): Promise<SourceDocument | null> {
    // The boxes were kept at import; a scan stored before that has its OCR boxes kept, a PDF is
    // read again (once) in the parser process, anything else keeps its clause's anchor.
    const boxes = await this.store.boxes(e).catch(() => null);
    if (boxes && boxes.length === c.text.length * 5)
      return { format: c.format, text: c.text, pageCount: c.pageCount, boxes };
    if (c.format !== 'pdf' || e.parts.boxes) return null;
    if (!this.docs.has(c.id)) {
      this.docs.set(
        c.id,
        // Read in the parser process like any untrusted file, never in main.
        this.store
          .readOriginal(c.id)
          .then(({ bytes }) => this.store.parseOriginal(c.fileName, bytes))
          .then((parsed) => parsed.doc),
      );
    }
    try {
      return await this.docs.get(c.id)!;
    } catch {
      return null; // an encrypted original needs its password: fall back to the clause's anchor
    }
  }

  /** Searches every contract; results grouped by contract, best first, the exact match highlighted. */
  async query(q: string, limitPerContract = 50): Promise<SearchGroup[]> {
    const entries = await this.store.list();
    const index = await this.ensureIndex(entries);
    const byContract = new Map<string, SearchHit[]>();
    // Latin letters match whatever their case (`rto` finds `RTO`): the phrase is checked on
    // lower-cased text, which keeps every offset (no letter here changes length).
    const needle = canonicalText(q).replace(/\s+/g, '').toLowerCase();
    for (const r of index.search(q)) {
      const c = this.contracts.get(r.contractId as string)!;
      const clause = c.report.clauses.find((x) => x.id === r.clauseId)!;
      const at = /[a-z]/.test(needle)
        ? lowerAscii(clause.text).indexOf(needle)
        : clause.text.indexOf(needle);
      if (at < 0) continue; // bigrams matched out of order: not the phrase
      const hits = byContract.get(c.id) ?? [];
      if (hits.length >= limitPerContract) continue;
      const start = clause.anchor.start + at;
      const doc = await this.documentOf(
        entries.find((e) => e.id === c.id)!,
        c,
      );
      const anchor = doc
        ? anchorFor(doc, start, start + needle.length)
        : { ...clause.anchor, start, end: start + needle.length, quote: needle };
      hits.push({
        clauseId: clause.id,
        number: clause.number,
        heading: clause.heading,
        // The page of the match itself (a clause may run over several pages).
        page: anchor.positions[0] ? anchor.positions[0].pageIndex + 1 : clause.page,
        snippet: clause.text.slice(Math.max(0, at - 20), at + needle.length + 30),
        match: [Math.min(at, 20), Math.min(at, 20) + needle.length],
        anchor,
      });
      byContract.set(c.id, hits);
    }
    return [...byContract.entries()].map(([contractId, hits]) => ({
      contractId,
      title:
        this.contracts.get(contractId)!.report.contract.title ??
        this.contracts.get(contractId)!.fileName,
      hits: hits.sort((a, b) => (a.page ?? 0) - (b.page ?? 0)),
    }));
  }
}

/** `text` with only its ASCII letters lower-cased (every offset kept). */
function lowerAscii(text: string): string {
  return text.replace(/[A-Z]+/g, (m) => m.toLowerCase());
}
