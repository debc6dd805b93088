/**
 * Issue 14, point 4: a two-level signature ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH",
 * nd30 E) is written with `on_behalf_of`, not with a line break inside `authority`, which is an error
 * naming the new field (CD435); `prefix: TM.` under `on_behalf_of` repeats the TM. line (CD436).
 */
import { describe, expect, it } from "vitest";
import { composeReport } from "../src/compose/index.js";
import { signerLines } from "../src/compose/signature-block.js";
import { runChecks } from "../src/pipeline/run-checks.js";
import { paragraphs, text } from "./fixtures/compose/model-query.js";
import { COMPOSE_OPTIONS, smallScored } from "./fixtures/compose/scored.js";
import { EXAMPLE_ASSESSMENT, EXAMPLE_RUBRIC, input, readExampleText } from "./helpers/example.js";

const SIGNER = "  signer:\n    title: CHÁNH VĂN PHÒNG\n    name: Phạm Xuân Duệ\n";

function withSigner(lines: string): string {
  const t = readExampleText(EXAMPLE_ASSESSMENT);
  expect(t).toContain(SIGNER);
  return t.replace(SIGNER, `  signer:\n${lines}    name: Phạm Xuân Duệ\n`);
}

function errors(text: string) {
  return runChecks([input(EXAMPLE_RUBRIC), input(EXAMPLE_ASSESSMENT, text)]).diagnostics.filter((d) => d.severity === "error");
}

/** 1-based line and column of the first occurrence of `needle`. */
function where(text: string, needle: string) {
  const i = text.indexOf(needle);
  const before = text.slice(0, i);
  return { line: before.split("\n").length, column: i - before.lastIndexOf("\n") };
}

describe("a two-level signer", () => {
  it("prints TM. <collective>, then KT. <authority>, then the title, each on its own line, upper case", () => {
    expect(signerLines({ onBehalfOf: "Ủy ban nhân dân", prefix: "KT.", authority: "Chủ tịch", title: "Phó Chủ tịch", name: "A" })).toEqual([
      "TM. ỦY BAN NHÂN DÂN",
      "KT. CHỦ TỊCH",
      "PHÓ CHỦ TỊCH",
    ]);
    // The head of the collective signing himself: no prefix.
    expect(signerLines({ onBehalfOf: "Ủy ban nhân dân", title: "Chủ tịch", name: "A" })).toEqual(["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]);
  });

  it("the report's signature column has the three lines, then the name", () => {
    const { doc, diagnostics } = composeReport(
      smallScored({ signer: { onBehalfOf: "ỦY BAN NHÂN DÂN", prefix: "KT.", authority: "CHỦ TỊCH", title: "PHÓ CHỦ TỊCH", name: "Nguyễn Văn A" } }),
      COMPOSE_OPTIONS,
    );
    expect(diagnostics).toEqual([]);
    const closing = doc.sections[0]!.blocks.at(-1)!;
    expect(closing.kind).toBe("table");
    const right = closing.kind === "table" ? paragraphs(closing.rows[0]!.cells[1]!.blocks).map(text) : [];
    expect(right).toEqual(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A"]);
  });

  it("checks without errors in the example", () => {
    const t = withSigner("    on_behalf_of: ỦY BAN NHÂN DÂN\n    prefix: KT.\n    authority: CHỦ TỊCH\n    title: PHÓ CHỦ TỊCH\n");
    expect(errors(t)).toEqual([]);
  });

  it("a line break inside authority is CD435 at the field, naming on_behalf_of", () => {
    for (const authority of ['"ỦY BAN NHÂN DÂN\\nKT. CHỦ TỊCH"', "|\n      ỦY BAN NHÂN DÂN\n      KT. CHỦ TỊCH"]) {
      const t = withSigner(`    prefix: TM.\n    authority: ${authority}\n    title: PHÓ CHỦ TỊCH\n`);
      const d = errors(t);
      expect(d.map((x) => x.code)).toEqual(["CD435"]);
      const field = where(t, `authority: ${authority}`);
      expect({ line: d[0]!.pos.line, column: d[0]!.pos.column }).toEqual({ line: field.line, column: field.column + "authority: ".length });
      expect(d[0]!.args).toEqual({ field: "authority" });
    }
    // A block scalar's final newline is not a line break inside the value.
    expect(errors(withSigner("    prefix: KT.\n    authority: |\n      CHÁNH VĂN PHÒNG\n    title: PHÓ CHÁNH VĂN PHÒNG\n"))).toEqual([]);
  });

  it("TM. under on_behalf_of is CD436 at the prefix", () => {
    const t = withSigner("    on_behalf_of: Ủy ban nhân dân\n    prefix: TM.\n    authority: CHỦ TỊCH\n    title: PHÓ CHỦ TỊCH\n");
    const d = errors(t);
    expect(d.map((x) => [x.code, x.pos.line, x.pos.column])).toEqual([["CD436", where(t, "TM.").line, where(t, "TM.").column]]);
    expect(d[0]!.args).toEqual({ collective: "ỦY BAN NHÂN DÂN" });
  });
});
