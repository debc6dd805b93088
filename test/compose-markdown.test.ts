/**
 * Markdown → document model: every mdast node type in the handler table renders or yields a CD6xx
 * diagnostic, and no text is lost.
 */
import type { Root } from "mdast";
import { describe, expect, it } from "vitest";
import { renderMarkdown, type MarkdownStyle } from "../src/compose/markdown/index.js";
import { HANDLERS } from "../src/compose/markdown/handlers.js";
import type { Diagnostic } from "../src/diagnostics/diagnostic.js";
import type { Block, Paragraph, Table } from "../src/document/model.js";
import type { Markdown } from "../src/model/assessment.js";
import { parseMarkdown } from "../src/read/markdown.js";
import { md } from "./fixtures/compose/scored.js";
import { paragraphs, plainText, text } from "./fixtures/compose/model-query.js";
import { codes, codesAt } from "./helpers/diagnostics.js";

const STYLE: MarkdownStyle = {
  paragraph: { align: "justify", size: 14, indentFirstLine: 720, spaceAfter: 120, lineSpacing: 1.2 },
  run: { size: 14 },
  width: 9298,
};

const ORIGIN = { file: "a.yaml", line: 20, column: 7, indent: 6, block: true };

function render(m: Markdown | string): { blocks: Block[]; diagnostics: Diagnostic[] } {
  const source = typeof m === "string" ? parseMarkdown(m, ORIGIN).md : m;
  const diagnostics: Diagnostic[] = [];
  return { blocks: renderMarkdown(source, STYLE, diagnostics), diagnostics };
}

function fromRoot(root: Root): Markdown {
  return { text: "", root, origin: ORIGIN };
}

const pos = (line: number, column: number) => ({ start: { line, column, offset: 0 }, end: { line, column: column + 1, offset: 1 } });

interface Case {
  name: string;
  covers: string[];
  input: string | Markdown;
  /** Text that must appear in the rendered output. */
  text: string;
  codes?: string[];
  check?: (blocks: Block[]) => void;
}

const firstRuns = (blocks: Block[]) => (blocks[0] as Paragraph).runs;

const CASES: Case[] = [
  { name: "paragraph and text", covers: ["root", "paragraph", "text"], input: "Đoạn văn\nnối dòng.", text: "Đoạn văn nối dòng." },
  {
    name: "emphasis",
    covers: ["emphasis"],
    input: "a *nghiêng* <i>cũng nghiêng</i>",
    text: "a nghiêng cũng nghiêng",
    check: (b) =>
      expect(
        firstRuns(b)
          .filter((r) => r.kind === "text" && r.style.italic)
          .map((r) => (r.kind === "text" ? r.text : "")),
      ).toEqual(["nghiêng", "cũng nghiêng"]),
  },
  {
    name: "strong",
    covers: ["strong"],
    input: "a **đậm** <b>đậm</b>",
    text: "a đậm đậm",
    check: (b) =>
      expect(
        firstRuns(b)
          .filter((r) => r.kind === "text" && r.style.bold)
          .map((r) => (r.kind === "text" ? r.text : "")),
      ).toEqual(["đậm", "đậm"]),
  },
  {
    name: "underline, subscript, superscript (from the reader's whitelisted HTML)",
    covers: ["underline", "subscript", "superscript"],
    input: "<u>gạch</u> H<sub>2</sub>O m<sup>2</sup>",
    text: "gạch H2O m2",
    check: (b) => {
      const runs = firstRuns(b);
      expect(runs.find((r) => r.kind === "text" && r.text === "gạch")!.style.underline).toBe(true);
      expect(runs.find((r) => r.kind === "text" && r.text === "2" && r.style.vertAlign === "sub")).toBeDefined();
      expect(runs.find((r) => r.kind === "text" && r.text === "2" && r.style.vertAlign === "super")).toBeDefined();
    },
  },
  {
    name: "hard breaks (two spaces, backslash, <br>)",
    covers: ["break"],
    input: "một  \nhai\\\nba<br>bốn",
    text: "một\nhai\nba\nbốn",
    check: (b) => expect(firstRuns(b).filter((r) => r.kind === "break")).toHaveLength(3),
  },
  {
    name: "lists print as NĐ 30 dashes and numbers, nested with '+'",
    covers: ["list", "listItem"],
    input: "- một\n- hai\n  - con\n\n3. ba\n4. bốn\n\n- [x] xong\n",
    text: "- một\n- hai\n+ con\n3. ba\n4. bốn\n- [x] xong",
    check: (b) => {
      const ps = paragraphs(b);
      expect(ps[0]!.style.indentFirstLine).toBe(720);
      expect(ps[2]!.style.indentFirstLine).toBe(720 + 360);
    },
  },
  {
    name: "a list item outside a list",
    covers: ["listItem"],
    input: fromRoot({
      type: "root",
      children: [{ type: "listItem", spread: false, children: [{ type: "paragraph", children: [{ type: "text", value: "lẻ" }] }] }],
    } as Root),
    text: "- lẻ",
  },
  {
    name: "heading",
    covers: ["heading"],
    input: "# I. KẾT QUẢ\n\nNội dung",
    text: "I. KẾT QUẢ\nNội dung",
    check: (b) => {
      const h = b[0] as Paragraph;
      expect(h.style.keepNext).toBe(true);
      expect(h.runs.every((r) => r.kind !== "text" || r.style.bold)).toBe(true);
    },
  },
  {
    name: "blockquote",
    covers: ["blockquote"],
    input: "> trích dẫn",
    text: "trích dẫn",
    check: (b) => expect((b[0] as Paragraph).style.indentLeft).toBe(567),
  },
  { name: "inline code", covers: ["inlineCode"], input: "mã `x = 1` đây", text: "mã x = 1 đây", codes: ["CD604"] },
  { name: "code block", covers: ["code"], input: "```\ndòng 1\ndòng 2\n```", text: "dòng 1\ndòng 2", codes: ["CD604"] },
  {
    name: "yaml node (front matter from another parser)",
    covers: ["yaml"],
    input: fromRoot({ type: "root", children: [{ type: "yaml", value: "khóa: giá trị", position: pos(1, 1) }] } as Root),
    text: "khóa: giá trị",
    codes: ["CD604"],
  },
  { name: "link: its address follows", covers: ["link"], input: "[Cổng](https://dichvucong.gov.vn)", text: "Cổng (https://dichvucong.gov.vn)" },
  {
    name: "autolink: the address once",
    covers: ["link"],
    input: "https://dichvucong.gov.vn",
    text: "https://dichvucong.gov.vn",
    check: (b) => expect(plainText(b)).toBe("https://dichvucong.gov.vn"),
  },
  {
    name: "reference link and definition",
    covers: ["linkReference", "definition"],
    input: "Xem [Cổng][c].\n\n[c]: https://dichvucong.gov.vn\n",
    text: "Xem Cổng (https://dichvucong.gov.vn).",
    codes: [],
  },
  { name: "unused definition", covers: ["definition"], input: "Chữ.\n\n[x]: https://a.vn\n", text: "Chữ.", codes: ["CD610"] },
  {
    name: "thematic break: a short centred rule",
    covers: ["thematicBreak"],
    input: "a\n\n---\n\nb",
    text: "a\n\nb",
    check: (b) => {
      const rule = b[1] as Paragraph;
      expect(rule.runs).toEqual([]);
      expect(rule.rule!.width).toBe(Math.round(9298 / 3));
      expect(rule.style.align).toBe("center");
    },
  },
  {
    name: "GFM table",
    covers: ["table", "tableRow", "tableCell"],
    input: "| Cột 1 | Cột 2 |\n|:--|--:|\n| a | b |\n",
    text: "Cột 1\nCột 2\na\nb",
    check: (b) => {
      const t = b[0] as Table;
      expect(t.kind).toBe("table");
      expect(t.columns.reduce((x, y) => x + y, 0)).toBe(9298);
      expect(t.headerRows).toBe(1);
      expect(t.borders).not.toBeNull();
      const head = t.rows[0]!.cells[0]!.blocks[0] as Paragraph;
      expect(head.runs[0]!.style.bold).toBe(true);
      expect((t.rows[1]!.cells[1]!.blocks[0] as Paragraph).style.align).toBe("right");
    },
  },
  {
    name: "table rows and cells met alone",
    covers: ["tableRow", "tableCell"],
    input: fromRoot({
      type: "root",
      children: [{ type: "tableRow", children: [{ type: "tableCell", children: [{ type: "text", value: "ô lẻ" }] }] }],
    } as unknown as Root),
    text: "ô lẻ",
  },
  { name: "strikethrough", covers: ["delete"], input: "~~bỏ~~ giữ", text: "bỏ giữ", codes: ["CD605"] },
  { name: "image: alt text", covers: ["image"], input: "![Sơ đồ tổ chức](so-do.png)", text: "Sơ đồ tổ chức", codes: ["CD603"] },
  { name: "image reference", covers: ["imageReference"], input: "![Sơ đồ][s]\n\n[s]: so-do.png\n", text: "Sơ đồ", codes: ["CD603"] },
  {
    name: "footnotes",
    covers: ["footnoteReference", "footnoteDefinition"],
    input: "Văn bản[^a].\n\n[^a]: Ghi chú.\n",
    text: "Văn bản1.\n1 Ghi chú.",
    check: (b) => expect(firstRuns(b).find((r) => r.kind === "text" && r.text === "1")!.style.vertAlign).toBe("super"),
  },
  {
    name: "raw HTML left by the reader prints literally",
    covers: ["html"],
    input: fromRoot({
      type: "root",
      children: [
        {
          type: "paragraph",
          children: [
            { type: "html", value: "<span>", position: pos(1, 3) },
            { type: "text", value: "x" },
          ],
        },
      ],
    } as Root),
    text: "<span>x",
    codes: ["CD606"],
  },
  {
    name: "an HTML comment is left out, with a note",
    covers: ["html"],
    input: fromRoot({
      type: "root",
      children: [
        {
          type: "paragraph",
          children: [
            { type: "text", value: "a" },
            { type: "html", value: "<!-- ghi chú -->", position: pos(1, 2) },
          ],
        },
      ],
    } as Root),
    text: "a",
    codes: ["CD607"],
  },
  {
    name: "an unknown node type prints its text",
    covers: ["(fallback)"],
    input: fromRoot({
      type: "root",
      children: [{ type: "paragraph", children: [{ type: "mathInline", value: "x^2", position: pos(1, 1) }] }],
    } as unknown as Root),
    text: "x^2",
    codes: ["CD608"],
  },
];

describe("markdown handlers", () => {
  it("the table has a handler for every node type, and every one is exercised below", () => {
    const covered = new Set(CASES.flatMap((c) => c.covers));
    for (const type of Object.keys(HANDLERS)) expect(covered, `no test case for ${type}`).toContain(type);
  });

  for (const c of CASES) {
    it(c.name, () => {
      const { blocks, diagnostics } = render(c.input);
      expect(plainText(blocks)).toContain(c.text);
      if (c.codes) expect(codes(diagnostics)).toEqual(c.codes);
      else expect(diagnostics).toEqual([]);
      for (const d of diagnostics) expect(d.code).toMatch(/^CD6\d\d$/);
      c.check?.(blocks);
    });
  }

  it("diagnostics and paragraphs carry file positions (block scalar origin)", () => {
    // Line 1 of the text is line 20 of the file; columns shift by the block indent (6).
    const { blocks, diagnostics } = render("Một.\n\nHai ~~ba~~.\n");
    expect(codesAt(diagnostics)).toEqual(["CD605@22:11"]);
    const [p1, p2] = blocks as Paragraph[];
    expect(p1!.source).toMatchObject({ file: "a.yaml", line: 20, column: 7 });
    expect(p2!.source).toMatchObject({ line: 22, column: 7, endLine: 22 });
  });

  it("whitespace: soft breaks and repeated spaces print as one space, edges trimmed", () => {
    const { blocks } = render("  a   b\n   c \t d  ");
    expect(text(blocks[0] as Paragraph)).toBe("a b c d");
  });

  it("text is normalised to NFC", () => {
    const decomposed = "Vie\u0302\u0323t Nam";
    const { blocks } = render(md(decomposed));
    expect(text(blocks[0] as Paragraph)).toBe("Việt Nam");
  });

  it("adjacent runs of one style merge", () => {
    const { blocks } = render("a *b* c");
    expect((blocks[0] as Paragraph).runs.map((r) => (r.kind === "text" ? r.text : ""))).toEqual(["a ", "b", " c"]);
  });
});
