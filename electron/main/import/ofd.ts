/**
 * OFD import (GB/T 33190-2016, the fixed-layout format of 数科 and 福昕 readers): an adapter that
 * reads each page's text objects into positioned runs for the page-layout layer
 * (`shared/domain/layout/`), as the PDF importer does, so an OFD contract gives the same
 * `SourceDocument` with character boxes and the same analysis.
 *
 * Written here over jszip and fast-xml-parser because no maintained package reads OFD text in
 * Node (ofd.js is a licence-gated browser viewer). What is read: `OFD.xml` → `DocBody/DocRoot`
 * → `Document.xml` (page size from `CommonData/PageArea/PhysicalBox`, templates, pages) → each
 * page's `Content/Layer`, `PageBlock`s nested to any depth, its templates' content beneath it;
 * each `TextObject`'s `Boundary` (its origin), `CTM`, `Size` and its `TextCode`s with `X`/`Y` and
 * `DeltaX`/`DeltaY` (including the `g` repeat form). OFD measures in millimetres from the top
 * left, y down; runs are given in PDF points from the bottom left, y up.
 */
import JSZip from 'jszip';
import { XMLParser } from 'fast-xml-parser';
import { BoxTable, type SourceDocument } from '../../../shared/domain/document';
import { QiyueError } from '../../../shared/domain/errors';
import { pageLines, type TextRun } from '../../../shared/domain/layout/lines';
import {
  layoutDocument,
  withoutFurniture,
  type PageLines,
} from '../../../shared/domain/layout/document';
import { checkInflatedSize } from './zip-limits';
import type { PageGraphics } from '../../../shared/domain/layout/page-view';
import { ocrDrawnPage, throwIfCancelled, type ImportHooks } from '../ocr/index';
import { sealName, signerOf } from './ofd-seal';
import { MAX_PDF_PAGES, MAX_PDF_TEXT_ITEMS } from './pdf';

/** How deep elements may nest in an OFD part, page blocks included. */
const MAX_NESTING = 256;

/** The refusal of a part nested past {@link MAX_NESTING}. */
const tooDeep = (part: string) =>
  new QiyueError(
    'too-complex',
    `OFD 文件结构过于复杂：页面内容的元素嵌套超过 ${MAX_NESTING} 层，可能是结构异常的文件；请用原软件重新导出后再导入 (too complex: elements of ${part} nested more than ${MAX_NESTING} deep)`,
  );

/** Points per millimetre. */
const PT = 72 / 25.4;

/** A parsed XML node in document order (fast-xml-parser's `preserveOrder` form). */
type XNode = { [tag: string]: XNode[] | string | Record<string, string> | undefined } & {
  ':@'?: Record<string, string>;
};

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  htmlEntities: true,
  // Elements nested deeper than this are refused (a page's content is a few levels deep).
  maxNestedTags: MAX_NESTING,
});

/**
 * The refusal of a damaged OFD: `why` in Chinese, `part` (a path in the package, `OFD.xml`) in
 * the English only, for whoever reports the file.
 */
const corrupt = (why: string, part = '', cause?: unknown) =>
  new QiyueError(
    'corrupt',
    `OFD 文件已损坏，无法读取（${why}）；请用生成它的软件重新导出后再导入 (the OFD file is damaged${part ? `: ${part}` : ''})`,
    cause === undefined ? undefined : { cause },
  );

function tagOf(n: XNode): string {
  for (const k of Object.keys(n)) if (k !== ':@') return k;
  return '';
}
function kids(n: XNode): XNode[] {
  const v = n[tagOf(n)];
  return Array.isArray(v) ? v : [];
}
function attr(n: XNode, name: string): string | undefined {
  return n[':@']?.[name];
}
/** The child elements of `nodes` named `tag`. */
function named(nodes: XNode[], tag: string): XNode[] {
  return nodes.filter((n) => tagOf(n) === tag);
}
/** The first descendant path `tags` under `nodes` (`['CommonData', 'PageArea']`). */
function path(nodes: XNode[], ...tags: string[]): XNode | undefined {
  let cur: XNode | undefined;
  let level = nodes;
  for (const t of tags) {
    cur = named(level, t)[0];
    if (!cur) return undefined;
    level = kids(cur);
  }
  return cur;
}
/** The text content of a node (its text children joined). */
function textOf(n: XNode | undefined): string {
  if (!n) return '';
  return kids(n)
    .map((c) => (typeof c['#text'] === 'string' ? c['#text'] : ''))
    .join('');
}
/** The numbers of a space-separated list (`0 0 210 297`); NaN entries dropped. */
function numbers(s: string | undefined): number[] {
  return (s ?? '')
    .trim()
    .split(/\s+/)
    .map(Number)
    .filter((x) => Number.isFinite(x));
}

/**
 * A `DeltaX`/`DeltaY` list with the `g` form expanded (`g 3 1.5` is `1.5 1.5 1.5`), at most
 * `max` values (a TextCode's characters bound it; a hostile `g 1e9 1` does not run on).
 */
export function expandDeltas(s: string | undefined, max: number): number[] {
  const tokens = (s ?? '').trim().split(/\s+/).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length && out.length < max; i++) {
    if (tokens[i] === 'g') {
      const n = Math.min(Number(tokens[i + 1]), max - out.length);
      const v = Number(tokens[i + 2]);
      i += 2;
      if (!Number.isFinite(n) || !Number.isFinite(v)) continue;
      for (let k = 0; k < n; k++) out.push(v);
    } else if (Number.isFinite(Number(tokens[i]))) out.push(Number(tokens[i]));
  }
  return out;
}

/** A part's XML, parsed; DTDs refused (an OFD part never needs one; entity bombs live there). */
async function parsePart(zip: JSZip, name: string): Promise<XNode[] | null> {
  const file = zip.file(name.replace(/^\/+/, ''));
  if (!file) return null;
  let xml: string;
  try {
    xml = await file.async('string');
  } catch (err) {
    throw corrupt('包中的部件无法解压', name, err);
  }
  if (/<!DOCTYPE|<!ENTITY/i.test(xml)) throw corrupt('部件含有文档类型定义', name);
  try {
    return parser.parse(xml) as XNode[];
  } catch (err) {
    if (/nested tags/i.test((err as Error).message)) throw tooDeep(name);
    throw corrupt('部件不是有效的 XML', name, err);
  }
}

/** `loc` (a BaseLoc) as a path in the package: absolute, or relative to `dir`. */
function resolve(dir: string, loc: string): string {
  const parts = (loc.startsWith('/') ? loc : `${dir}/${loc}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (!p || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

/** What a page holds: text runs, its graphics, and whether anything is drawn without text. */
interface PageContent {
  runs: TextRun[];
  drawn: boolean;
  graphics: PageGraphics;
  /** The page's images, by resource id, placed in points (resolved to data URLs afterwards). */
  imageRefs: { id: string; x: number; y: number; width: number; height: number }[];
  /** Path commands read so far on the page (see {@link MAX_PATH_COMMANDS}). */
  pathCommands?: number;
}

/** The most path commands read on one page (a page's frame and tables take a few hundred). */
const MAX_PATH_COMMANDS = 200_000;

/** An OFD colour (`Value="r g b"`, 0–255) as CSS, or null when absent. */
function colourOf(n: XNode | undefined): string | null {
  if (!n) return null;
  const [r = 0, g = 0, b = 0] = numbers(attr(n, 'Value'));
  const c = (v: number) => Math.max(0, Math.min(255, Math.round(v)));
  return `rgb(${c(r)}, ${c(g)}, ${c(b)})`;
}

/**
 * A PathObject as SVG path data in points from the page's top left: its `AbbreviatedData`
 * (`S`/`M` move, `L` line, `Q` quadratic, `B` cubic, `A` arc — drawn as a line to its end —,
 * `C` close) through its `CTM`, offset by its `Boundary`. Stroked unless `Stroke="false"`,
 * filled when `Fill="true"`; colours default to black; line width in mm (default 0.353).
 */
function pathOf(obj: XNode, out: PageContent): void {
  const [bx = 0, by = 0] = numbers(attr(obj, 'Boundary'));
  const ctm = numbers(attr(obj, 'CTM'));
  const [a, b, c, d, e, f] = ctm.length === 6 ? ctm : [1, 0, 0, 1, 0, 0];
  const at = (x: number, y: number) =>
    `${((bx + a * x + c * y + e) * PT).toFixed(2)} ${((by + b * x + d * y + f) * PT).toFixed(2)}`;
  const tokens = textOf(path(kids(obj), 'AbbreviatedData'))
    .trim()
    .split(/\s+/);
  const parts: string[] = [];
  const count = { S: 2, M: 2, L: 2, Q: 4, B: 6, A: 7, C: 0 } as Record<string, number>;
  for (let i = 0; i < tokens.length;) {
    const op = tokens[i++];
    const n = count[op];
    if (n === undefined) continue;
    const v = tokens.slice(i, i + n).map(Number);
    i += n;
    if (v.some((x) => !Number.isFinite(x))) break;
    if (op === 'S' || op === 'M') parts.push(`M ${at(v[0], v[1])}`);
    else if (op === 'L') parts.push(`L ${at(v[0], v[1])}`);
    else if (op === 'Q') parts.push(`Q ${at(v[0], v[1])} ${at(v[2], v[3])}`);
    else if (op === 'B') parts.push(`C ${at(v[0], v[1])} ${at(v[2], v[3])} ${at(v[4], v[5])}`);
    else if (op === 'A') parts.push(`L ${at(v[5], v[6])}`);
    else parts.push('Z');
  }
  if (!parts.length || !/^M/.test(parts[0])) return;
  out.pathCommands = (out.pathCommands ?? 0) + parts.length;
  if (out.pathCommands > MAX_PATH_COMMANDS) return;
  const kid = kids(obj);
  const stroke = attr(obj, 'Stroke') !== 'false';
  const fill = attr(obj, 'Fill') === 'true';
  out.graphics.paths.push({
    d: parts.join(' '),
    stroke: stroke ? (colourOf(path(kid, 'StrokeColor')) ?? 'rgb(0, 0, 0)') : null,
    fill: fill ? (colourOf(path(kid, 'FillColor')) ?? 'rgb(0, 0, 0)') : null,
    width: (Number(attr(obj, 'LineWidth')) || 0.353) * PT,
  });
}

/** An ImageObject: the unit square through its `CTM`, offset by its `Boundary`, in points. */
function imageOf(obj: XNode, out: PageContent): void {
  const id = attr(obj, 'ResourceID');
  if (!id) return;
  const [bx = 0, by = 0] = numbers(attr(obj, 'Boundary'));
  const ctm = numbers(attr(obj, 'CTM'));
  const [a, b, c, d, e, f] = ctm.length === 6 ? ctm : [1, 0, 0, 1, 0, 0];
  const xs = [e, a + e, c + e, a + c + e].map((x) => bx + x);
  const ys = [f, b + f, d + f, b + d + f].map((y) => by + y);
  out.imageRefs.push({
    id,
    x: Math.min(...xs) * PT,
    y: Math.min(...ys) * PT,
    width: (Math.max(...xs) - Math.min(...xs)) * PT,
    height: (Math.max(...ys) - Math.min(...ys)) * PT,
  });
}

/**
 * The runs of one layer tree (layers, page blocks, text objects) appended to `out`, in drawing
 * order, on a page `height` mm high.
 */
function collect(nodes: XNode[], height: number, out: PageContent, depth = 0): void {
  if (depth > MAX_NESTING) throw tooDeep('页面');
  for (const n of nodes) {
    const tag = tagOf(n);
    if (tag === 'Layer' || tag === 'PageBlock') collect(kids(n), height, out, depth + 1);
    else if (tag === 'TextObject') textRuns(n, height, out);
    else if (tag === 'PathObject' || tag === 'ImageObject' || tag === 'CompositeObject') {
      out.drawn = true;
      if (tag === 'PathObject') pathOf(n, out);
      else if (tag === 'ImageObject') imageOf(n, out);
    }
    if (out.runs.length > MAX_PDF_TEXT_ITEMS)
      throw new QiyueError(
        'too-complex',
        `OFD 文字内容过于复杂：超过 ${MAX_PDF_TEXT_ITEMS} 个文字片段上限；请用原软件重新导出后再导入 (too complex: more than ${MAX_PDF_TEXT_ITEMS} characters)`,
      );
  }
}

/** The largest seal or signature file read for its names (a seal is some kilobytes). */
const MAX_SEAL_BYTES = 1024 * 1024;

/**
 * The package's electronic seals (`Signs/Sign_N/Signature.xml`), each with the seal's name and
 * the signer's certificate subject where its files give them ({@link sealName},
 * {@link signerOf}); null for what cannot be read. Nothing is verified.
 */
async function sealsOf(zip: JSZip): Promise<{ name: string | null; signer: string | null }[]> {
  const out: { name: string | null; signer: string | null }[] = [];
  for (const entry of zip.file(/(^|\/)Signs\/Sign_[^/]+\/Signature\.xml$/)) {
    const seal = { name: null as string | null, signer: null as string | null };
    out.push(seal);
    let xml: XNode[] | null = null;
    try {
      xml = await parsePart(zip, entry.name);
    } catch {
      continue; // a damaged signature file: the seal is still counted
    }
    const sig = kids(named(xml ?? [], 'Signature')[0] ?? {});
    const read = async (loc: string) => {
      const file = loc && zip.file(resolve('', loc));
      if (!file) return null;
      const bytes = await file.async('uint8array');
      return bytes.length <= MAX_SEAL_BYTES ? bytes : null;
    };
    const esl = await read(
      textOf(path(kids(path(sig, 'SignedInfo') ?? {}), 'Seal', 'BaseLoc')).trim(),
    );
    const value = await read(textOf(path(sig, 'SignedValue')).trim());
    try {
      if (esl) seal.name = sealName(esl);
      if (value) seal.signer = signerOf(value);
    } catch {
      // Not a seal as the standards lay it out: counted, not named.
    }
  }
  return out;
}

/** The most image bytes an OFD's pages show (the rest are left undrawn): 16 MiB. */
const MAX_IMAGE_BYTES = 16 * 1024 * 1024;

/**
 * The document's images by resource id: the `MultiMedia` entries of its `DocumentRes` and
 * `PublicRes` files whose media is a PNG or JPEG (by its bytes, not its name).
 */
async function mediaFiles(
  zip: JSZip,
  docDir: string,
  commonData: XNode[],
): Promise<Map<string, { type: string; bytes: Uint8Array }>> {
  const out = new Map<string, { type: string; bytes: Uint8Array }>();
  const resFiles = [...named(commonData, 'DocumentRes'), ...named(commonData, 'PublicRes')]
    .map((n) => textOf(n).trim())
    .filter(Boolean);
  for (const loc of resFiles) {
    const resPath = resolve(docDir, loc);
    const res = await parsePart(zip, resPath);
    if (!res) continue;
    const resNode = named(res, 'Res')[0];
    const resDir = resolve(
      resPath.split('/').slice(0, -1).join('/'),
      (resNode && attr(resNode, 'BaseLoc')) ?? '',
    );
    for (const m of named(kids(path(kids(resNode ?? {}), 'MultiMedias') ?? {}), 'MultiMedia')) {
      const id = attr(m, 'ID');
      const file = textOf(path(kids(m), 'MediaFile')).trim();
      if (!id || !file) continue;
      const entry = zip.file(resolve(resDir, file));
      if (!entry) continue;
      const bytes = await entry.async('uint8array');
      const type =
        bytes[0] === 0x89 && bytes[1] === 0x50
          ? 'image/png'
          : bytes[0] === 0xff && bytes[1] === 0xd8
            ? 'image/jpeg'
            : null;
      if (type) out.set(id, { type, bytes });
    }
  }
  return out;
}

/** One run per character of a TextObject, in PDF points (see module doc). */
function textRuns(obj: XNode, height: number, out: PageContent): void {
  const [bx = 0, by = 0] = numbers(attr(obj, 'Boundary'));
  const size = Number(attr(obj, 'Size')) || 3.5;
  const ctm = numbers(attr(obj, 'CTM'));
  const [a, b, c, d, e, f] = ctm.length === 6 ? ctm : [1, 0, 0, 1, 0, 0];
  const scale = Math.hypot(a, b) || 1;
  const glyphHeight = size * (Math.hypot(c, d) || 1);
  let x = 0;
  let y = 0;
  for (const code of named(kids(obj), 'TextCode')) {
    const str = textOf(code);
    const chars = [...str];
    if (attr(code, 'X') !== undefined) x = Number(attr(code, 'X')) || 0;
    if (attr(code, 'Y') !== undefined) y = Number(attr(code, 'Y')) || 0;
    const dx = expandDeltas(attr(code, 'DeltaX'), chars.length);
    const dy = expandDeltas(attr(code, 'DeltaY'), chars.length);
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i];
      const advance = dx[i] ?? dx[dx.length - 1] ?? (ch.charCodeAt(0) > 0x2e80 ? size : size / 2);
      // Object space → the boundary's space (CTM) → the page (the boundary's origin).
      const px = bx + a * x + c * y + e;
      const py = by + b * x + d * y + f;
      out.runs.push({
        str: ch,
        x: px * PT,
        y: (height - py) * PT,
        width: Math.max(0, advance * scale * PT),
        height: glyphHeight * PT,
      });
      x += advance;
      y += dy[i] ?? 0;
    }
  }
}

/**
 * Imports an OFD file's text.
 * @param data the file's bytes (not retained)
 * @returns the document with per-character boxes in PDF points; `pageCount` is the OFD's
 * @throws QiyueError `corrupt` (not a ZIP, no `OFD.xml`, a part that is not XML), `too-complex`
 *   (a zip bomb, too many pages or characters), `encrypted` (an encrypted OFD), `no-text-layer`
 *   (no text codes, and OCR read nothing in what the pages draw), `ocr-unavailable`, `cancelled`
 *
 * A page with no text codes that draws paths or images (glyphs as outlines: a scan in OFD form)
 * is drawn and read by OCR ({@link ocrDrawnPage}); `hooks` hears as its OCR begins.
 */
export async function importOfd(
  data: Uint8Array,
  hooks: ImportHooks = {},
): Promise<SourceDocument> {
  checkInflatedSize(data);
  try {
    return await readOfd(data, hooks);
  } catch (err) {
    // A structure no check above foresaw (an attribute where an element should be): damaged.
    if (err instanceof QiyueError) throw err;
    throw corrupt('结构不符合 GB/T 33190', '', err);
  }
}

async function readOfd(data: Uint8Array, hooks: ImportHooks): Promise<SourceDocument> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(data);
  } catch (err) {
    throw corrupt('不是有效的 ZIP 包', '', err);
  }
  const root = await parsePart(zip, 'OFD.xml');
  if (!root) throw corrupt('缺少入口文件', 'OFD.xml');
  const body = path(root, 'OFD', 'DocBody');
  const docRoot = textOf(body && path(kids(body), 'DocRoot')).trim();
  if (!body || !docRoot) throw corrupt('入口文件没有指明文档', 'OFD.xml DocRoot');
  const docPath = resolve('', docRoot);
  const docDir = docPath.split('/').slice(0, -1).join('/');
  const doc = await parsePart(zip, docPath);
  if (!doc) throw corrupt('缺少文档描述', docPath);
  const document = kids(named(doc, 'Document')[0] ?? {});
  if (
    path(document, 'Encryptions') ||
    path(kids(body), 'Encryptions') ||
    zip.file(/Encryptions?\.xml$/i).length
  )
    throw new QiyueError(
      'encrypted',
      'OFD 文件已加密，契阅暂不能读取加密的 OFD；请导出未加密的副本后再导入 (the OFD is encrypted)',
    );
  const physical = (nodes: XNode[]) => numbers(textOf(path(nodes, 'PageArea', 'PhysicalBox')));
  const [, , defaultWidth = 210, defaultHeight = 297] = physical(
    kids(path(document, 'CommonData') ?? {}),
  );
  const templates = new Map<string, string>();
  for (const t of named(kids(path(document, 'CommonData') ?? {}), 'TemplatePage'))
    templates.set(attr(t, 'ID') ?? '', resolve(docDir, attr(t, 'BaseLoc') ?? ''));
  const pageRefs = named(kids(path(document, 'Pages') ?? {}), 'Page');
  if (pageRefs.length > MAX_PDF_PAGES)
    throw new QiyueError(
      'too-complex',
      `OFD 页数过多：共 ${pageRefs.length} 页，超过 ${MAX_PDF_PAGES} 页上限；请拆分后分别导入 (too many pages)`,
    );
  const media = await mediaFiles(zip, docDir, kids(path(document, 'CommonData') ?? {}));
  const table = new BoxTable();
  const pages: PageLines[] = [];
  const graphics: PageGraphics[] = [];
  let imageBytes = 0;
  let drawn = false;
  const ocrPages: number[] = [];
  for (const [index, ref] of pageRefs.entries()) {
    const loc = resolve(docDir, attr(ref, 'BaseLoc') ?? '');
    const page = await parsePart(zip, loc);
    if (!page) throw corrupt(`缺少第 ${index + 1} 页`, loc);
    const pageNode = kids(named(page, 'Page')[0] ?? {});
    const [, , ownWidth, ownHeight] = numbers(textOf(path(pageNode, 'Area', 'PhysicalBox')));
    const height = ownHeight ?? defaultHeight;
    const content: PageContent = {
      runs: [],
      drawn: false,
      graphics: { paths: [], images: [] },
      imageRefs: [],
    };
    // The page's templates beneath it, then its own content.
    for (const t of named(pageNode, 'Template')) {
      const tLoc = templates.get(attr(t, 'TemplateID') ?? '');
      const tPage = tLoc ? await parsePart(zip, tLoc) : null;
      const tContent = tPage && path(kids(named(tPage, 'Page')[0] ?? {}), 'Content');
      if (tContent) collect(kids(tContent), height, content);
    }
    const own_ = path(pageNode, 'Content');
    if (own_) collect(kids(own_), height, content);
    drawn ||= content.drawn;
    for (const ref of content.imageRefs) {
      const file = media.get(ref.id);
      if (!file || imageBytes + file.bytes.length > MAX_IMAGE_BYTES) continue;
      imageBytes += file.bytes.length;
      const { id: _id, ...box } = ref;
      content.graphics.images.push({
        href: `data:${file.type};base64,${Buffer.from(file.bytes).toString('base64')}`,
        ...box,
      });
    }
    graphics.push(content.graphics);
    const pageWidth = (ownWidth ?? defaultWidth) * PT;
    // A page that draws but has no text codes (glyphs as outlines or images) is read by OCR.
    if (
      !content.runs.some((r) => r.str.trim()) &&
      (content.graphics.paths.length || content.graphics.images.length)
    ) {
      throwIfCancelled(hooks);
      hooks.onProgress?.({ phase: 'ocr', page: index + 1, pages: pageRefs.length });
      const read = await ocrDrawnPage(content.graphics, pageWidth, height * PT);
      if (read.some((r) => r.str.trim())) {
        content.runs = read;
        ocrPages.push(index + 1);
      }
    }
    pages.push({
      lines: withoutFurniture(pageLines(content.runs, index, table), height * PT),
      height: height * PT,
      width: pageWidth,
    });
  }
  const laidOut = layoutDocument(pages, table, 'ofd', pageRefs.length);
  if (!laidOut)
    throw new QiyueError(
      'no-text-layer',
      drawn
        ? 'OFD 文件中没有可识别的文字：没有文字编码，按图形绘制的页面经文字识别（OCR）也未读出文字 (the OFD has no text codes, and OCR found no text in what its pages draw)'
        : 'OFD 文件中没有文字 (the OFD holds no text)',
    );
  laidOut.graphics = graphics;
  if (ocrPages.length) laidOut.ocrPages = ocrPages;
  const seals = await sealsOf(zip);
  if (seals.length) {
    const named = seals.filter((x) => x.name || x.signer);
    const who = named
      .map((x) => `“${x.name ?? '未具名印章'}”${x.signer ? `（签章人证书：${x.signer}）` : ''}`)
      .join('、');
    const whoEn = named
      .map(
        (x) =>
          `"${x.name ?? 'unnamed seal'}"${x.signer ? ` (signer's certificate: ${x.signer})` : ''}`,
      )
      .join(', ');
    laidOut.warnings = [
      `文件带有 ${seals.length} 个电子签章（GB/T 38540）${who ? `：${who}` : ''}，契阅未验证签章的有效性 (the file carries ${seals.length} electronic seal(s)${whoEn ? `: ${whoEn}` : ''}, not verified)`,
    ];
  }
  if (ocrPages.length)
    laidOut.warnings = [
      ...(laidOut.warnings ?? []),
      `第 ${ocrPages.join('、')} 页没有文字编码，其文字由 OCR 从页面图形识别，可能有误读，请对照原件核对 (pages ${ocrPages.join(', ')} have no text codes: their text was read by OCR from what they draw)`,
    ];
  return laidOut;
}
