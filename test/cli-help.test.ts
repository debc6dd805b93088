/** Each command's own help: `chamdiem help X` and `X --help` print it, with every flag the command reads. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../src/cli/main.js";
import { ROOT } from "./helpers/example.js";

async function run(args: string[]) {
  const out: string[] = [];
  const io = { cwd: ROOT, env: {}, isTTY: false, stdout: (s: string) => void out.push(s), stderr: (s: string) => void out.push(s) };
  const code = await main(args, io);
  return { code, out: out.join("\n") };
}

/** The flags a command's source reads (`values.x`, `flags.has("x")`), plus --format and --lang, which every command takes. */
function flagsRead(command: string): string[] {
  const src = readFileSync(join(ROOT, "src/cli/commands", `${command}.ts`), "utf8");
  const names = new Set<string>(["lang"]);
  for (const m of src.matchAll(/values\.([a-z]+)|values\["([a-z-]+)"\]|flags\.has\("([a-z-]+)"\)/g)) names.add(m[1] ?? m[2] ?? m[3]!);
  if (/values;\s*$/m.test(src)) for (const m of src.matchAll(/\bv\.([a-z]+)/g)) names.add(m[1]!);
  if (/planInputs\(/.test(src)) names.add("rubrics");
  return [...names].filter((n) => n !== "help");
}

const COMMANDS = ["check", "build", "schema", "diff", "show", "summary", "init", "codes"];

describe("help of each command", () => {
  for (const c of COMMANDS) {
    it(`${c}: help ${c} and ${c} --help print the same page, listing every flag ${c} reads`, async () => {
      const a = await run(["help", c]);
      const b = await run([c, "--help"]);
      expect(a.code).toBe(0);
      expect(b).toEqual(a);
      expect(a.out).toContain(`chamdiem ${c}`);
      for (const flag of flagsRead(c)) expect(a.out, `--${flag}`).toMatch(new RegExp(`--${flag}\\b`));
      const en = await run(["help", c, "--lang", "en"]);
      expect(en.out).toMatch(/^Usage: /);
      expect(en.out).not.toEqual(a.out);
    });
  }

  it("the general page names every command and how to get a command's help", async () => {
    const r = await run(["help"]);
    expect(r.code).toBe(0);
    for (const c of COMMANDS) expect(r.out).toContain(`chamdiem ${c}`);
    expect(r.out).toContain("chamdiem help LỆNH");
  });

  it("help for an unknown command prints the general page and exits 2", async () => {
    const r = await run(["help", "nope"]);
    expect(r.code).toBe(2);
    expect(r.out).toContain("Cách dùng:");
  });
});
