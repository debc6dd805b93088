/**
 * The package around the body: content types, relationships, styles (document defaults), settings,
 * font table, headers, the section properties and the document element. Written as templates: the
 * `docx` package would make the same parts (test/docx-reference.test.ts compares them with what docx
 * writes for the same document), but its object model costs about 10 ms per document warm and over
 * 100 ms on first use, most of a whole build's budget, for parts that are nearly constant.
 */
import type { DocMeta, Section, Twips } from "../../document/model.js";
import type { DocxContext } from "./context.js";
import { paragraphXml } from "./paragraphs.js";
import { halfPoints } from "./units.js";
import { escapeAttr } from "./xml.js";

const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.wordprocessingml";

export const WML_NS = `xmlns:w="${W}" xmlns:r="${R}"`;

/** Width between the margins, as the page is printed (landscape swaps width and height). */
export function textWidth(s: Section): Twips {
  const p = s.page;
  return (p.orientation === "landscape" ? p.height : p.width) - p.margin.left - p.margin.right;
}

/** Header part names of section `i`: its default and first-page headers. */
export function headerNames(i: number): [string, string] {
  return [`header${2 * i + 1}.xml`, `header${2 * i + 2}.xml`];
}

const FIXED_RELS = ["styles", "settings", "fontTable"] as const;

/** rIds in word/_rels/document.xml.rels: rId1–3 the fixed parts, then two headers per section. */
const headerRid = (i: number, first: boolean) => `rId${FIXED_RELS.length + 1 + 2 * i + (first ? 1 : 0)}`;

export function contentTypes(sections: number): string {
  let x = `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`;
  x += '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>';
  x += '<Default Extension="xml" ContentType="application/xml"/>';
  x += `<Override PartName="/word/document.xml" ContentType="${CT}.document.main+xml"/>`;
  x += `<Override PartName="/word/styles.xml" ContentType="${CT}.styles+xml"/>`;
  x += `<Override PartName="/word/settings.xml" ContentType="${CT}.settings+xml"/>`;
  x += `<Override PartName="/word/fontTable.xml" ContentType="${CT}.fontTable+xml"/>`;
  for (let i = 0; i < sections; i++) for (const h of headerNames(i)) x += `<Override PartName="/word/${h}" ContentType="${CT}.header+xml"/>`;
  x += '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>';
  x += '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>';
  return x + "</Types>";
}

export function packageRels(): string {
  return (
    `${DECL}<Relationships xmlns="${PKG_RELS}">` +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
    "</Relationships>"
  );
}

export function documentRels(sections: number): string {
  let x = `${DECL}<Relationships xmlns="${PKG_RELS}">`;
  FIXED_RELS.forEach((t, i) => (x += `<Relationship Id="rId${i + 1}" Type="${REL}/${t}" Target="${t}.xml"/>`));
  for (let i = 0; i < sections; i++) {
    const [def, first] = headerNames(i);
    x += `<Relationship Id="${headerRid(i, false)}" Type="${REL}/header" Target="${def}"/>`;
    x += `<Relationship Id="${headerRid(i, true)}" Type="${REL}/header" Target="${first}"/>`;
  }
  return x + "</Relationships>";
}

export function appProperties(): string {
  return `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>chamdiem</Application></Properties>`;
}

/** Word 2013+ layout (compatibility mode 15), as docx and current Word write it. */
export function settings(): string {
  return (
    `${DECL}<w:settings ${WML_NS}>` +
    '<w:defaultTabStop w:val="720"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    "</w:settings>"
  );
}

/** The document font, described so Word can substitute it faithfully where it is missing. */
export function fontTable(meta: DocMeta): string {
  const f = escapeAttr(meta.font);
  const tnr =
    meta.font === "Times New Roman"
      ? '<w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/>'
      : "";
  return `${DECL}<w:fonts ${WML_NS}><w:font w:name="${f}">${tnr}</w:font></w:fonts>`;
}

/**
 * Document defaults: the model's font on every script slot (ascii/hAnsi/cs/eastAsia), black, the
 * document's commonest size (context.ts), its language; paragraphs with no spacing of their own
 * (every paragraph of the model states its spacing; Word's 8 pt after would otherwise creep in).
 */
export function styles(meta: DocMeta, ctx: DocxContext): string {
  const f = escapeAttr(meta.font);
  const lang = escapeAttr(meta.language);
  const sz = halfPoints(ctx.defaultSize);
  return (
    `${DECL}<w:styles ${WML_NS}>` +
    "<w:docDefaults><w:rPrDefault><w:rPr>" +
    `<w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:eastAsia="${f}" w:cs="${f}"/>` +
    `<w:color w:val="000000"/><w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/>` +
    `<w:lang w:val="${lang}" w:eastAsia="${lang}" w:bidi="${lang}"/>` +
    "</w:rPr></w:rPrDefault>" +
    '<w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault>' +
    "</w:docDefaults>" +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    "</w:styles>"
  );
}

/** Section `i`'s two headers: [default, first page]. The page number is a centred PAGE field. */
export function headers(s: Section, ctx: DocxContext): [string, string] {
  const pn = s.pageNumber;
  const empty = `${DECL}<w:hdr ${WML_NS}><w:p/></w:hdr>`;
  if (!pn) return [empty, empty];
  const style = { size: pn.size };
  const numbered = `${DECL}<w:hdr ${WML_NS}>${paragraphXml({ kind: "paragraph", style: { align: pn.align, ...style }, runs: [{ kind: "pageNumber", style }] }, textWidth(s), ctx)}</w:hdr>`;
  return [numbered, pn.hideOnFirstPage ? empty : numbered];
}

/**
 * Section properties (CT_SectPr order): its headers, page size (printed width × height, with the
 * orientation), margins, w:pgNumType w:start="1" when the section restarts the page numbers (an
 * appendix in its document's file), and w:titlePg when page 1 hides its number (the first-page header
 * is empty).
 */
export function sectionProperties(s: Section, i: number): string {
  const p = s.page;
  const landscape = p.orientation === "landscape";
  const [w, h] = landscape ? [p.height, p.width] : [p.width, p.height];
  const m = p.margin;
  return (
    "<w:sectPr>" +
    `<w:headerReference w:type="default" r:id="${headerRid(i, false)}"/>` +
    `<w:headerReference w:type="first" r:id="${headerRid(i, true)}"/>` +
    `<w:pgSz w:w="${w}" w:h="${h}" w:orient="${landscape ? "landscape" : "portrait"}"/>` +
    `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${p.headerDistance}" w:footer="${p.headerDistance}" w:gutter="0"/>` +
    (s.restartPageNumbers ? '<w:pgNumType w:start="1"/>' : "") +
    (s.pageNumber?.hideOnFirstPage ? "<w:titlePg/>" : "") +
    '<w:docGrid w:linePitch="360"/>' +
    "</w:sectPr>"
  );
}

/** document.xml: each section's body, its properties in a last paragraph (the last section's in w:body). */
export function documentXml(sections: readonly Section[], bodies: readonly string[]): string {
  let x = `${DECL}<w:document ${WML_NS}><w:body>`;
  sections.forEach((s, i) => {
    x += bodies[i]!;
    const props = sectionProperties(s, i);
    x += i < sections.length - 1 ? `<w:p><w:pPr>${props}</w:pPr></w:p>` : props;
  });
  return x + "</w:body></w:document>";
}
