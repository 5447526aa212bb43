/**
 * Elements of a WordprocessingML part found by name, in linear time: each `<tag …>` with its
 * content up to the first `</tag>` after it (as the lazy regex `<tag\b[^>]*>([\s\S]*?)</tag>`
 * would, so a nested element of the same name ends it). Self-closing elements (`<tag/>`) have no
 * content and are skipped. Written out rather than as that regex because the regex searches the
 * rest of the text again for every opener that has no closer (`<m:oMath/>` × 10,000 took
 * minutes); here the search stops once no closing tag is left.
 */

/** One element: its offsets in the XML, its attribute text and its content. */
export interface XmlElement {
  start: number;
  end: number;
  attrs: string;
  inner: string;
}

/** The elements named `tag` (a qualified name such as `m:oMath`), in document order. */
export function elementsOf(xml: string, tag: string): XmlElement[] {
  const out: XmlElement[] = [];
  // Attributes hold no `<` in XML, so an opener's scan stops at the next tag.
  const opener = new RegExp(`<${tag}(?=[\\s/>])([^<>]*)>`, 'g');
  const closer = `</${tag}>`;
  for (let m = opener.exec(xml); m; m = opener.exec(xml)) {
    if (m[1].endsWith('/')) continue;
    const from = m.index + m[0].length;
    const close = xml.indexOf(closer, from);
    if (close < 0) break;
    out.push({
      start: m.index,
      end: close + closer.length,
      attrs: m[1],
      inner: xml.slice(from, close),
    });
    opener.lastIndex = close + closer.length;
  }
  return out;
}

/** `xml` with each element named `tag` replaced by what `replace` makes of it. */
export function replaceElements(
  xml: string,
  tag: string,
  replace: (element: XmlElement) => string,
): string {
  const parts: string[] = [];
  let last = 0;
  for (const e of elementsOf(xml, tag)) {
    parts.push(xml.slice(last, e.start), replace(e));
    last = e.end;
  }
  parts.push(xml.slice(last));
  return parts.join('');
}
