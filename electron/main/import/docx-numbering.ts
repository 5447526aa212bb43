/**
 * Word's automatic numbering, which mammoth does not render: Chinese contracts number their
 * clauses with it (`(1)`, `1.`, `第一条`, `①`), and without the labels the clause tree is lost.
 * Reads `word/numbering.xml` and the `w:numPr` of each paragraph in `word/document.xml` and
 * renders each numbered paragraph's label (`lvlText` with `numFmt`), in document order.
 */
import JSZip from 'jszip';
import Nzh from 'nzh';
import { NUMERALS } from '../../../shared/domain/lexicon/numerals';
import { elementsOf } from './xml-elements';

/** 〇 … 九 by value, for numbers written digit by digit (`二〇二五`). */
const DIGIT_WORDS = [...'〇'].concat(
  [1, 2, 3, 4, 5, 6, 7, 8, 9].map(
    (v) => NUMERALS.find((n) => n.value === v && n.kind === 'digit')!.char,
  ),
);

interface Level {
  start: number;
  numFmt: string;
  lvlText: string;
}

/** Chinese counting numerals (`十二`, `一百零五`), written by nzh. */
function chineseCounting(n: number): string {
  return n <= 0 || !Number.isSafeInteger(n) ? String(n) : (Nzh.cn.encodeS(n) as string);
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographTraditional':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return chineseCounting(n);
    case 'ideographDigital':
      return String(n)
        .split('')
        .map((d) => DIGIT_WORDS[Number(d)])
        .join('');
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return n >= 1 && n <= 20 ? String.fromCharCode(0x2460 + n - 1) : String(n);
    case 'lowerLetter':
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case 'upperLetter':
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case 'decimalFullWidth':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    default:
      return String(n);
  }
}

/** Text, a tab or a picture: what makes mammoth keep a paragraph. */
const HAS_CONTENT = /<w:t\b[^>]*>[^<]|<w:tab\/>|<w:drawing\b|<w:pict\b|<w:sym\b/;

/** Word's list levels are 0 to 8 (ECMA-376 §17.9.3); anything else (`w:ilvl="999…9"`) is none. */
function levelOf(value: string): number | null {
  return /^[0-8]$/.test(value) ? Number(value) : null;
}

/** A list's first number: a whole number up to a million, else 1. */
function startOf(value: string | null): number {
  const n = value === null ? 1 : Number(value);
  return Number.isInteger(n) && n >= 0 && n <= 1_000_000 ? n : 1;
}

/** The longest list label rendered (`%1.%2.%3.` is 9). */
const MAX_LABEL = 32;

function attr(xml: string, name: string): string | null {
  const m = new RegExp(`<w:${name}\\b[^>]*?w:val="([^"]*)"`).exec(xml);
  return m ? m[1] : null;
}

/**
 * The rendered list label of every paragraph that has Word numbering, in document order
 * (`''` for bullets). Returns an empty list when the package has no numbering part.
 */
export async function docxListLabels(data: Uint8Array): Promise<string[]> {
  const zip = await JSZip.loadAsync(data);
  const numberingXml = await zip.file('word/numbering.xml')?.async('string');
  const documentXml = await zip.file('word/document.xml')?.async('string');
  if (!numberingXml || !documentXml) return [];
  const abstract = new Map<string, Map<number, Level>>();
  for (const m of numberingXml.matchAll(
    /<w:abstractNum\b[^>]*w:abstractNumId="([^"]+)"[^>]*>([\s\S]*?)<\/w:abstractNum>/g,
  )) {
    const levels = new Map<number, Level>();
    for (const l of m[2].matchAll(/<w:lvl\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvl>/g)) {
      const ilvl = levelOf(l[1]);
      if (ilvl === null) continue;
      const lvlText = attr(l[2], 'lvlText') ?? '';
      levels.set(ilvl, {
        start: startOf(attr(l[2], 'start')),
        numFmt: attr(l[2], 'numFmt') ?? 'decimal',
        // A label is a few characters (`%1.`, `第%1条`); a longer one is not rendered.
        lvlText: lvlText.length <= MAX_LABEL ? lvlText : '',
      });
    }
    abstract.set(m[1], levels);
  }
  const nums = new Map<string, string>();
  const overrides = new Map<string, Map<number, number>>();
  for (const m of numberingXml.matchAll(
    /<w:num\b[^>]*w:numId="([^"]+)"[^>]*>([\s\S]*?)<\/w:num>/g,
  )) {
    const a = attr(m[2], 'abstractNumId');
    if (a) nums.set(m[1], a);
    const starts = new Map<number, number>();
    for (const o of m[2].matchAll(
      /<w:lvlOverride\b[^>]*w:ilvl="(\d+)"[^>]*>([\s\S]*?)<\/w:lvlOverride>/g,
    )) {
      const v = attr(o[2], 'startOverride');
      const ilvl = levelOf(o[1]);
      if (v && ilvl !== null) starts.set(ilvl, startOf(v));
    }
    overrides.set(m[1], starts);
  }
  const counters = new Map<string, number[]>();
  const labels: string[] = [];
  for (const { inner } of elementsOf(documentXml, 'w:p')) {
    const numPr = /<w:numPr>([\s\S]*?)<\/w:numPr>/.exec(inner);
    if (!numPr) continue;
    // mammoth drops an empty paragraph, list item or not (an empty bullet between numbered items),
    // so it takes no label, or every label after it would land on the wrong item.
    if (!HAS_CONTENT.test(inner)) continue;
    const numId = attr(numPr[1], 'numId');
    const ilvl = levelOf(attr(numPr[1], 'ilvl') ?? '0');
    if (!numId || numId === '0') continue;
    const levels = abstract.get(nums.get(numId) ?? '');
    const level = ilvl === null ? undefined : levels?.get(ilvl);
    if (!levels || !level || ilvl === null) {
      labels.push('');
      continue;
    }
    // Each w:num is one list instance (pandoc and Word restart numbering per instance through
    // w:startOverride); counting per instance matches what the reader sees.
    const key = numId;
    const c = counters.get(key) ?? [];
    const first = (k: number) => overrides.get(numId)?.get(k) ?? levels.get(k)?.start ?? 1;
    for (let k = 0; k < ilvl; k++) if (c[k] === undefined) c[k] = first(k);
    c[ilvl] = c[ilvl] === undefined ? first(ilvl) : c[ilvl] + 1;
    c.length = ilvl + 1;
    counters.set(key, c);
    if (level.numFmt === 'bullet' || level.numFmt === 'none') {
      labels.push('');
      continue;
    }
    labels.push(
      level.lvlText.replace(/%(\d)/g, (_, d: string) => {
        const k = Number(d) - 1;
        return formatNumber(c[k] ?? 1, levels.get(k)?.numFmt ?? 'decimal');
      }),
    );
  }
  return labels;
}
