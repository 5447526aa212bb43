/**
 * One language at a time: every word the interface shows goes through i18next, with complete
 * Chinese and English locales. Fails on a key missing from either locale, a key the code uses
 * that neither has, a Chinese string written into a component, Chinese in the English locale,
 * or an error code without words.
 */
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import zh from '../../renderer/src/locales/zh-CN.json';
import en from '../../renderer/src/locales/en.json';
import { QIYUE_ERROR_CODES } from '../../shared/domain/errors';
import { ZH_VOCAB } from '../../renderer/src/i18n';
import { ZH_CALC_WORDS, ZH_PAYMENT_WORDS } from '../../shared/domain/calculators/words';
import { EN_CALC_WORDS, EN_PAYMENT_WORDS } from '../../shared/domain/calculators/words-en';

const CJK = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;
const PLURAL = /_(zero|one|two|few|many|other)$/;

/** Every leaf key of a locale, plural forms folded into their base key. */
function keys(o: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(o)) {
    if (v && typeof v === 'object')
      for (const [kk, vv] of keys(v, `${prefix}${k}.`)) out.set(kk, vv);
    else out.set(`${prefix}${k}`.replace(PLURAL, ''), String(v));
  }
  return out;
}

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return /\.(ts|tsx)$/.test(e.name) ? [p] : [];
  });
}

const FILES = sources('renderer/src').map((file) => ({
  file,
  ast: ts.createSourceFile(
    file,
    fs.readFileSync(file, 'utf8'),
    ts.ScriptTarget.Latest,
    true,
    file.endsWith('.tsx') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  ),
}));

function visit(node: ts.Node, f: (n: ts.Node) => void): void {
  f(node);
  node.forEachChild((c) => visit(c, f));
}

const ZH = keys(zh);
const EN = keys(en);
// The vocabularies' Chinese come from shared/domain/labels.ts (i18n.ts).
for (const [k, v] of keys(ZH_VOCAB, 'vocab.')) ZH.set(k, v);

describe('the interface languages', () => {
  it('zh-CN and en have the same keys', () => {
    expect([...ZH.keys()].filter((k) => !EN.has(k))).toEqual([]);
    expect([...EN.keys()].filter((k) => !ZH.has(k))).toEqual([]);
  });

  it('every key the code names is in both locales', () => {
    const used = new Set<string>();
    for (const { ast } of FILES)
      visit(ast, (n) => {
        // t('a.b'), t("a.b", …), i18nKey="a.b"
        if (
          ts.isCallExpression(n) &&
          ts.isIdentifier(n.expression) &&
          n.expression.text === 't' &&
          n.arguments[0] &&
          ts.isStringLiteralLike(n.arguments[0])
        )
          used.add(n.arguments[0].text);
      });
    expect(used.size).toBeGreaterThan(300);
    expect([...used].filter((k) => !ZH.has(k) || !EN.has(k))).toEqual([]);
  });

  it('no component writes Chinese itself', () => {
    const found: string[] = [];
    for (const { file, ast } of FILES)
      visit(ast, (n) => {
        const text =
          ts.isStringLiteralLike(n) || ts.isJsxText(n)
            ? n.text
            : ts.isTemplateHead(n) || ts.isTemplateMiddle(n) || ts.isTemplateTail(n)
              ? n.text
              : null;
        if (text && CJK.test(text)) {
          const { line } = ast.getLineAndCharacterOfPosition(n.getStart());
          found.push(`${file}:${line + 1}: ${text.trim().slice(0, 40)}`);
        }
      });
    expect(found).toEqual([]);
  });

  it('the English locale has no Chinese, but where it shows Chinese input', () => {
    // The written-amount converter's example is what a reviewer types: Chinese numerals; each
    // language is named in itself in the language menu.
    const CHINESE_INPUT = new Set([
      'calc.writtenPlaceholder',
      'languages.zh-CN',
      'search.placeholder',
    ]);
    const chinese = [...EN].filter(([k, v]) => CJK.test(v) && !CHINESE_INPUT.has(k));
    expect(chinese.map(([k]) => k)).toEqual([]);
  });

  it('the calculators’ English words hold no Chinese, the Chinese no English sentence', () => {
    const sample = (w: object): string[] =>
      Object.values(w).flatMap((v) =>
        typeof v === 'function'
          ? [
              String(
                v.length === 4
                  ? v('x', '2026-01-01', 3, 'workday')
                  : v.length === 2
                    ? v(true, 5)
                    : v(5),
              ),
            ]
          : typeof v === 'object'
            ? sample(v)
            : [String(v)],
      );
    for (const text of [...sample(EN_CALC_WORDS), ...sample(EN_PAYMENT_WORDS)])
      expect(text).not.toMatch(CJK);
    for (const text of [...sample(ZH_CALC_WORDS), ...sample(ZH_PAYMENT_WORDS)])
      expect(text).toMatch(CJK);
    expect(Object.keys(EN_PAYMENT_WORDS).sort()).toEqual(Object.keys(ZH_PAYMENT_WORDS).sort());
  });

  it('has words for every error code in both languages', () => {
    for (const code of QIYUE_ERROR_CODES) {
      expect(ZH.get(`errors.${code}`), code).toMatch(CJK);
      expect(EN.get(`errors.${code}`), code).toMatch(/^[A-Z]/);
    }
  });
});
