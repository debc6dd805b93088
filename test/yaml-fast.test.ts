/**
 * The fast YAML reader (src/read/yaml-fast.ts) against the `yaml` library: whatever the fast reader
 * accepts, it must read exactly as the library does (data and every node offset), and it must accept
 * the files we actually have, or it saves nothing.
 */
import fc from "fast-check";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { readPlainYaml, resolvePlain } from "../src/read/yaml-fast.js";
import { fromYamlDocument } from "../src/read/yaml-tree.js";

const ROOT = join(import.meta.dirname, "..");

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return yamlFiles(p);
    return /\.ya?ml$/.test(name) ? [p] : [];
  });
}

/** Read with the library as src/read/yaml-source.ts does; undefined when it reports an error. */
function viaLibrary(text: string) {
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false, strict: true });
  if (doc.errors.length > 0 || doc.warnings.length > 0) return undefined;
  return { root: fromYamlDocument(doc), data: doc.toJS({ maxAliasCount: 100 }) };
}

/** The property: if the fast reader accepts a text, the library reads the same data and offsets. Returns whether it was accepted. */
function agrees(text: string): boolean {
  const fast = readPlainYaml(text);
  if (!fast) return false;
  const lib = viaLibrary(text);
  expect(lib, `the library refuses what the fast reader accepted:\n${text}`).toBeDefined();
  expect(fast.data, text).toEqual(lib!.data);
  expect(fast.root, text).toEqual(lib!.root);
  return true;
}

describe("fast YAML reader", () => {
  it("reads every assessment and appraisal of content/ exactly as the yaml library does", () => {
    // Survey files are lists of flow mappings, one row per line: like rubrics, they go to the library.
    const files = yamlFiles(join(ROOT, "content/assessments")).filter((f) => !f.endsWith(".survey.yaml"));
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      expect(agrees(text), `${f} is refused by the fast reader`).toBe(true);
    }
    // Rubrics use flow mappings ({ min: 0, max: 100 }): they go to the library, once per process.
    for (const f of yamlFiles(join(ROOT, "content/rubrics"))) agrees(readFileSync(f, "utf8"));
  });

  it("agrees with the library on every test fixture it accepts", () => {
    const files = yamlFiles(join(ROOT, "test/fixtures"));
    let accepted = 0;
    for (const f of files) if (agrees(readFileSync(f, "utf8").normalize("NFC"))) accepted++;
    console.log(`fixtures: ${accepted} of ${files.length} accepted`);
    // Most fixtures are ordinary block YAML; the invalid ones go to the library for their messages.
    expect(accepted).toBeGreaterThan(files.length / 3);
  });

  it("resolves plain scalars by the YAML 1.2 core schema", () => {
    const cases: [string, unknown][] = [
      ["3", 3],
      ["-0", -0],
      ["+12", 12],
      ["0o17", 15],
      ["0x1F", 31],
      ["1.50", 1.5],
      [".5", 0.5],
      ["1e3", 1000],
      ["-.inf", -Infinity],
      [".NaN", NaN],
      ["~", null],
      ["Null", null],
      ["TRUE", true],
      ["false", false],
      ["2021-11-19", "2021-11-19"],
      ["1.1.1", "1.1.1"],
      ["nope", "nope"],
      ["0o8", "0o8"],
      ["tru", "tru"],
      ["<<a|b>>", "<<a|b>>"],
    ];
    for (const [s, v] of cases) {
      expect(resolvePlain(s), s).toEqual(v);
      expect(parseDocument(`x: ${s}`).toJS().x, s).toEqual(v);
    }
  });

  it("refuses what it does not read, leaving it to the library", () => {
    for (const text of [
      "a: [1, 2]\n",
      "a: {b: 1}\n",
      "a: &x 1\nb: *x\n",
      "a: !!str 1\n",
      'a: "x\\"y"\n',
      "a: >\n  folded\n",
      "a: |+\n  kept\n",
      "a: b\n  continued\n",
      "a: 'two\n  lines'\n",
      "a:\tb\n",
      "a: 1\r\nb: 2\r\n",
      "---\na: 1\n",
      "%YAML 1.2\n---\na: 1\n",
      "a: 1\na: 2\n",
      "2.1: x\n",
      "__proto__: 1\n",
      "a: b: c\n",
      "  a: 1\n",
      "just a scalar\n",
      "a: |\n\n  leading blank\n",
    ]) {
      expect(readPlainYaml(text), JSON.stringify(text)).toBeUndefined();
    }
  });

  it("agrees with the library on generated block YAML", () => {
    const word = fc.constantFrom(
      "a",
      "b",
      "tên",
      "1.1.1",
      "2.1",
      "x y",
      "ĐH",
      "null",
      "~",
      "true",
      "3",
      "-4",
      "0x1F",
      "1e3",
      ".5",
      "<<x>>",
      "a:b",
      "a #b",
      "a#b",
      "-x",
      "?x",
      ":x",
      "a,b",
      "[x",
      "'q'",
      '"q"',
      "it's",
      "",
      " ",
    );
    const plain = fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => ws.join(" "));
    const scalar = fc.oneof(
      plain,
      word.map((w) => `"${w}"`),
      word.map((w) => `'${w.replaceAll("'", "''")}'`),
      fc.tuple(plain, fc.constantFrom("", " ", "  ")).map(([p, s]) => `${p}${s}# c`),
    );
    const comment = fc.tuple(fc.nat(6), fc.constantFrom("# note", "#", "# a: b")).map(([n, c]) => " ".repeat(n) + c);
    const blank = fc.constantFrom("", " ", "    ");
    type Gen = (indent: number, depth: number) => fc.Arbitrary<string[]>;
    const literal = (indent: number) =>
      fc
        .tuple(
          fc.constantFrom("|", "|-", "| # c"),
          fc.integer({ min: 1, max: 3 }),
          fc.array(
            fc.oneof(
              plain,
              fc.constant(""),
              fc.constant("# not a comment"),
              plain.map((p) => `  ${p}`),
            ),
            { minLength: 1, maxLength: 4 },
          ),
          fc.constantFrom([], [""], ["", ""]),
        )
        .filter(([, , lines]) => lines[0] !== "")
        .map(([h, extra, lines, trailing]) => [h, ...[...lines, ...trailing].map((l) => (l === "" ? "" : " ".repeat(indent + extra) + l))]);
    const node: Gen = (indent, depth) =>
      depth <= 0 ? fc.constant([]) : fc.oneof({ arbitrary: mapOf(indent, depth), weight: 3 }, { arbitrary: seqOf(indent, depth), weight: 2 });
    // A value after "key:" or "- ": the text on the same line, then the lines of a nested block.
    const value = (indent: number, depth: number) =>
      fc.oneof(
        scalar.map((s) => ({ inline: ` ${s}`, lines: [] as string[] })),
        fc.constantFrom({ inline: "", lines: [] as string[] }, { inline: "  # empty", lines: [] as string[] }),
        literal(indent).map(([h, ...lines]) => ({ inline: ` ${h}`, lines })),
        fc.integer({ min: 1, max: 3 }).chain((d) => node(indent + d, depth - 1).map((lines) => ({ inline: "", lines }))),
      );
    const keyText = fc.constantFrom("a", "b", "c", "tên", '"1.1"', "'x y'", '"2.1"', "k-1", "k_2", "d");
    const extras = fc.array(fc.oneof(comment, blank), { maxLength: 2 });
    const mapOf = (indent: number, depth: number): fc.Arbitrary<string[]> =>
      fc
        .uniqueArray(fc.tuple(keyText, value(indent, depth), extras), { minLength: 1, maxLength: 4, selector: ([k]) => k.replace(/["']/g, "") })
        .map((entries) => entries.flatMap(([k, v, ex]) => [`${" ".repeat(indent)}${k}:${v.inline}`, ...v.lines, ...ex]));
    const seqOf = (indent: number, depth: number): fc.Arbitrary<string[]> =>
      fc
        .array(fc.tuple(value(indent, depth), extras), { minLength: 1, maxLength: 3 })
        .map((items) => items.flatMap(([v, ex]) => [`${" ".repeat(indent)}-${v.inline}`, ...v.lines, ...ex]));
    let accepted = 0;
    let total = 0;
    fc.assert(
      fc.property(mapOf(0, 3), fc.boolean(), (lines, finalNewline) => {
        total++;
        if (agrees(lines.join("\n") + (finalNewline ? "\n" : ""))) accepted++;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 1500) },
    );
    // Most generated documents are inside the subset, so the comparison is not vacuous.
    console.log(`generated: ${accepted} of ${total} accepted`);
    expect(accepted / total).toBeGreaterThan(0.3);
  });

  it("agrees with the library on the example assessment after random one-line edits", () => {
    const example = readFileSync(join(ROOT, "content/assessments/2021/van-phong-ubnd-tinh.yaml"), "utf8");
    const lines = example.split("\n");
    const pieces = ["", " ", "  ", "-", "- ", ":", ": ", "#", " #", "|", "|-", '"', "'", "x", "\n", "\n  ", "\n\n", "  - a", "k: v"];
    let accepted = 0;
    fc.assert(
      fc.property(fc.nat(lines.length - 1), fc.nat(200), fc.nat(3), fc.constantFrom(...pieces), (li, col, cut, piece) => {
        const line = lines[li]!;
        const at = Math.min(col, line.length);
        const edited = [...lines];
        edited[li] = line.slice(0, at) + piece + line.slice(Math.min(line.length, at + cut));
        if (agrees(edited.join("\n"))) accepted++;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 400) },
    );
    console.log(`edited: ${accepted} accepted`);
    expect(accepted).toBeGreaterThan(50);
  });
});
