/**
 * One segment of the persisted search index (`index.ts`): for a set of contracts, each token's
 * list of the contracts whose clauses hold it (an inverted index at contract level, as Lucene's
 * segments are at document level). Immutable once written; a query looks a token up by binary
 * search in the sorted term table and decodes only that token's postings.
 *
 * Layout, little-endian:
 *
 *   "QYS1" | u32 contracts | u32 terms | u32 header length | header (JSON: the contract ids,
 *   in ordinal order) | u32 term offsets [terms + 1] | u32 posting offsets [terms + 1] |
 *   terms (UTF-8, sorted by their bytes) | postings (per term: ascending contract ordinals,
 *   delta-coded as unsigned LEB128 varints)
 *
 * Why not MiniSearch's JSON: it is rebuilt or parsed whole (29 s to rebuild at 1,000 contracts,
 * seconds to load), where this is read as bytes and looked into.
 */

const MAGIC = 'QYS1';

/** The contracts of a segment and, per token, the ordinals of those that hold it. */
export interface SegmentInput {
  contractIds: string[];
  /** Token → ascending ordinals into `contractIds`. */
  postings: Map<string, number[]>;
}

/** Encodes a segment (see module doc). */
export function encodeSegment({ contractIds, postings }: SegmentInput): Uint8Array {
  const terms = [...postings.keys()]
    .map((t) => [t, Buffer.from(t, 'utf8')] as const)
    .sort((a, b) => Buffer.compare(a[1], b[1]));
  const header = Buffer.from(JSON.stringify(contractIds), 'utf8');
  const termBytes = Buffer.concat(terms.map(([, b]) => b));
  const lists = terms.map(([t]) => varints(postings.get(t)!));
  const postingBytes = Buffer.concat(lists);
  const n = terms.length;
  const fixed = 16 + header.length + 8 * (n + 1);
  const out = Buffer.alloc(fixed + termBytes.length + postingBytes.length);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(contractIds.length, 4);
  out.writeUInt32LE(n, 8);
  out.writeUInt32LE(header.length, 12);
  header.copy(out, 16);
  let at = 16 + header.length;
  let termAt = 0;
  let postAt = 0;
  for (let i = 0; i <= n; i++) {
    out.writeUInt32LE(termAt, at + 4 * i);
    out.writeUInt32LE(postAt, at + 4 * (n + 1) + 4 * i);
    if (i < n) {
      termAt += terms[i][1].length;
      postAt += lists[i].length;
    }
  }
  at = fixed;
  termBytes.copy(out, at);
  postingBytes.copy(out, at + termBytes.length);
  return out;
}

/** Ascending integers, delta-coded as LEB128 varints. */
function varints(sorted: number[]): Buffer {
  const out: number[] = [];
  let last = 0;
  for (const v of sorted) {
    let d = v - last;
    last = v;
    while (d >= 0x80) {
      out.push((d & 0x7f) | 0x80);
      d >>>= 7;
    }
    out.push(d);
  }
  return Buffer.from(out);
}

/**
 * A segment read from its bytes.
 * @throws Error `not a search segment` for bytes that are not one (the caller rebuilds it)
 */
export class Segment {
  readonly contractIds: string[];
  private readonly terms: number;
  private readonly termOffsets: number;
  private readonly postOffsets: number;
  private readonly termBase: number;
  private readonly postBase: number;

  constructor(private readonly buf: Buffer) {
    if (buf.length < 16 || buf.toString('latin1', 0, 4) !== MAGIC)
      throw new Error('not a search segment');
    const count = buf.readUInt32LE(4);
    this.terms = buf.readUInt32LE(8);
    const headerLength = buf.readUInt32LE(12);
    this.contractIds = JSON.parse(buf.toString('utf8', 16, 16 + headerLength)) as string[];
    if (this.contractIds.length !== count) throw new Error('not a search segment');
    this.termOffsets = 16 + headerLength;
    this.postOffsets = this.termOffsets + 4 * (this.terms + 1);
    this.termBase = this.postOffsets + 4 * (this.terms + 1);
    this.postBase = this.termBase + buf.readUInt32LE(this.termOffsets + 4 * this.terms);
    if (this.postBase + buf.readUInt32LE(this.postOffsets + 4 * this.terms) !== buf.length)
      throw new Error('not a search segment');
  }

  /** The ordinals of the contracts holding `token` (ascending); empty when none does. */
  postings(token: string): number[] {
    const key = Buffer.from(token, 'utf8');
    let lo = 0;
    let hi = this.terms - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const a = this.termBase + this.buf.readUInt32LE(this.termOffsets + 4 * mid);
      const b = this.termBase + this.buf.readUInt32LE(this.termOffsets + 4 * (mid + 1));
      const c = Buffer.compare(this.buf.subarray(a, b), key);
      if (c === 0) return this.decode(mid);
      if (c < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return [];
  }

  /** Every term with its postings, for merging segments. */
  *entries(): Generator<[string, number[]]> {
    for (let i = 0; i < this.terms; i++) {
      const a = this.termBase + this.buf.readUInt32LE(this.termOffsets + 4 * i);
      const b = this.termBase + this.buf.readUInt32LE(this.termOffsets + 4 * (i + 1));
      yield [this.buf.toString('utf8', a, b), this.decode(i)];
    }
  }

  private decode(i: number): number[] {
    const end = this.postBase + this.buf.readUInt32LE(this.postOffsets + 4 * (i + 1));
    const out: number[] = [];
    let at = this.postBase + this.buf.readUInt32LE(this.postOffsets + 4 * i);
    let last = 0;
    while (at < end) {
      let v = 0;
      let shift = 0;
      let byte: number;
      do {
        byte = this.buf[at++];
        v += (byte & 0x7f) * 2 ** shift;
        shift += 7;
      } while (byte & 0x80);
      last += v;
      out.push(last);
    }
    return out;
  }
}
