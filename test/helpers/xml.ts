/**
 * A small XML tree parser for tests that compare XML parts by structure, not by their serialised text
 * (attribute order, quoting, `<a/>` against `<a></a>` and character references mean nothing).
 * node_modules holds no XML parser, so this one covers what the parts we write and read contain:
 * the declaration, elements, attributes, text, the five predefined entities and character references,
 * comments, CDATA sections and processing instructions. It throws on what is not well formed
 * (a mismatched or unclosed tag, a duplicate attribute, an unknown entity, a stray `<` or `&`).
 */

export interface XmlElement {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
}

export type XmlNode = XmlElement | string;

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(s: string, at: number): string {
  return s.replace(/&([^;&<]*);|&/g, (m, ref: string | undefined) => {
    if (ref === undefined) throw new Error(`XML: bare & near offset ${at}`);
    if (ref.startsWith("#x")) return String.fromCodePoint(parseInt(ref.slice(2), 16));
    if (ref.startsWith("#")) return String.fromCodePoint(parseInt(ref.slice(1), 10));
    const e = ENTITIES[ref];
    if (e === undefined) throw new Error(`XML: unknown entity ${m} near offset ${at}`);
    return e;
  });
}

const NAME = /[A-Za-z_:][\w.:-]*/y;
const ATTR = /\s+([A-Za-z_:][\w.:-]*)\s*=\s*(?:"([^"<]*)"|'([^'<]*)')/y;

/** Parses a document and returns its root element. */
export function parseXml(xml: string): XmlElement {
  let i = 0;
  const root: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const top = () => stack[stack.length - 1]!;
  while (i < xml.length) {
    const lt = xml.indexOf("<", i);
    const end = lt < 0 ? xml.length : lt;
    if (end > i) {
      const text = decode(xml.slice(i, end), i);
      if (stack.length > 1) top().children.push(text);
      else if (text.trim()) throw new Error(`XML: text outside the root element at ${i}`);
    }
    if (lt < 0) break;
    i = lt;
    if (xml.startsWith("<?", i)) {
      const close = xml.indexOf("?>", i);
      if (close < 0) throw new Error(`XML: unclosed processing instruction at ${i}`);
      i = close + 2;
    } else if (xml.startsWith("<!--", i)) {
      const close = xml.indexOf("-->", i);
      if (close < 0) throw new Error(`XML: unclosed comment at ${i}`);
      i = close + 3;
    } else if (xml.startsWith("<![CDATA[", i)) {
      const close = xml.indexOf("]]>", i);
      if (close < 0) throw new Error(`XML: unclosed CDATA section at ${i}`);
      top().children.push(xml.slice(i + 9, close));
      i = close + 3;
    } else if (xml.startsWith("</", i)) {
      NAME.lastIndex = i + 2;
      const m = NAME.exec(xml);
      const close = xml.indexOf(">", i);
      if (!m || close < 0 || xml.slice(NAME.lastIndex, close).trim()) throw new Error(`XML: bad end tag at ${i}`);
      const open = stack.pop()!;
      if (stack.length === 0 || open.name !== m[0]) throw new Error(`XML: </${m[0]}> at ${i} closes <${open.name}>`);
      i = close + 1;
    } else {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(xml);
      if (!m) throw new Error(`XML: bad start tag at ${i}`);
      const el: XmlElement = { name: m[0], attrs: {}, children: [] };
      let j = NAME.lastIndex;
      for (;;) {
        ATTR.lastIndex = j;
        const a = ATTR.exec(xml);
        if (!a) break;
        if (a[1]! in el.attrs) throw new Error(`XML: duplicate attribute ${a[1]} at ${j}`);
        el.attrs[a[1]!] = decode(a[2] ?? a[3] ?? "", j);
        j = ATTR.lastIndex;
      }
      const rest = /\s*(\/?)>/y;
      rest.lastIndex = j;
      const r = rest.exec(xml);
      if (!r) throw new Error(`XML: bad start tag <${el.name} at ${i}`);
      if (stack.length === 1 && root.children.length > 0) throw new Error(`XML: a second root element at ${i}`);
      top().children.push(el);
      if (!r[1]) stack.push(el);
      i = rest.lastIndex;
    }
  }
  if (stack.length > 1) throw new Error(`XML: <${top().name}> is never closed`);
  const only = root.children[0];
  if (typeof only !== "object") throw new Error("XML: no root element");
  return only;
}

/** The child elements of `el`, optionally only those named `name`. */
export function childElements(el: XmlElement, name?: string): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c === "object" && (name === undefined || c.name === name));
}

/** The first descendant element named `name` (depth first, document order). */
export function findElement(el: XmlElement, name: string): XmlElement | undefined {
  for (const c of childElements(el)) {
    if (c.name === name) return c;
    const d = findElement(c, name);
    if (d) return d;
  }
  return undefined;
}

/** Every descendant element named `name`, in document order. */
export function findElements(el: XmlElement, name: string, out: XmlElement[] = []): XmlElement[] {
  for (const c of childElements(el)) {
    if (c.name === name) out.push(c);
    findElements(c, name, out);
  }
  return out;
}

/** The concatenated text of an element and its descendants. */
export function textOf(el: XmlNode): string {
  return typeof el === "string" ? el : el.children.map(textOf).join("");
}
