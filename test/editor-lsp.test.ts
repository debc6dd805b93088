/**
 * The generated editor schemas as an editor really shows them: the real yaml-language-server (dev
 * dependency, started from node_modules over stdio) validates the example files and edited copies
 * of them. The copies are opened with their text only (nothing is written); their `$schema` modeline
 * points at the checked-in schemas in schema/generated, which CI keeps current (`schema --check`).
 */
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CRITERION_KEYS } from "../src/check/assessment-schema.js";
import { EXAMPLE_ASSESSMENT, ROOT, readExampleText } from "./helpers/example.js";
import { YamlLanguageServer, type LspDiagnostic } from "./helpers/lsp-client.js";

const EXAMPLE_APPRAISAL = "content/assessments/2021/van-phong-ubnd-tinh.appraisal.yaml";
const ASSESSMENT_SCHEMA = join(ROOT, "schema/generated/dvcq-qng-2021.assessment.schema.json");
const APPRAISAL_SCHEMA = join(ROOT, "schema/generated/dvcq-qng-2021.appraisal.schema.json");
/** Where the edited copies claim to live (they are never written: the server reads the text sent). */
const VIRTUAL = join(ROOT, "test/fixtures/editor");

let server: YamlLanguageServer;
let scratch: string;

beforeAll(async () => {
  server = new YamlLanguageServer(ROOT);
  await server.start();
  scratch = mkdtempSync(join(tmpdir(), "chamdiem-editor-"));
});

afterAll(async () => {
  await server?.stop();
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** `text` with `from` replaced by `to`; fails if `from` is not there once (the example changed). */
function edit(text: string, from: string, to: string): string {
  const at = text.indexOf(from);
  expect(at, `not in the example: ${from}`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(from, at + 1), `twice in the example: ${from}`).toBe(-1);
  return text.slice(0, at) + to + text.slice(at + from.length);
}

/** The 1-based line of the only line containing `needle`. */
function lineOf(text: string, needle: string): number {
  const lines = text.split("\n");
  const found = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  expect(found, `lines with ${needle}`).toHaveLength(1);
  return found[0];
}

/** The example file with its modeline pointing at `schema` by absolute path. */
function withSchema(text: string, schema: string): string {
  return text.replace(/^# yaml-language-server: \$schema=.*$/m, `# yaml-language-server: $schema=${schema}`);
}

/** Diagnostics as "line: message", sorted by line, for whole-list comparison. */
function shown(diagnostics: LspDiagnostic[]): string[] {
  return diagnostics
    .map((d) => ({ line: d.range.start.line + 1, message: d.message }))
    .sort((a, b) => a.line - b.line || a.message.localeCompare(b.message))
    .map((d) => `${d.line}: ${d.message}`);
}

const VIETNAMESE = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
const QUOTES = CRITERION_KEYS.errorMessage;

describe("yaml-language-server with the generated schemas", () => {
  it("the example assessment and appraisal, with their own relative modelines, show no diagnostics", async () => {
    for (const file of [EXAMPLE_ASSESSMENT, EXAMPLE_APPRAISAL]) {
      const text = readExampleText(file);
      expect(text.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=\.\.\/\.\.\/\.\.\/schema\/generated\//);
      expect(shown(await server.open(join(ROOT, file), text))).toEqual([]);
      server.close(join(ROOT, file));
    }
  });

  it("an assessment's wrong type, unknown key, unknown option, missing key and bad date are flagged in Vietnamese at their lines", async () => {
    let text = withSchema(readExampleText(EXAMPLE_ASSESSMENT), ASSESSMENT_SCHEMA);
    text = edit(text, "  number: 1880\n", '  number: "một"\n');
    text = edit(text, "  agency: Văn phòng\n", "  agency: Văn phòng\n  agnecy: Văn phòng\n");
    text = edit(text, "  symbol: BC-VP\n", "");
    text = edit(text, "  date: 2021-11-19\n", "  date: 19/11/2021\n");
    text = edit(text, '  "1.1.1":\n    option: a\n    score: 3\n', '  "1.1.1":\n    option: d\n    score: ba\n');
    text = edit(text, '  "1.1.2":\n    value: 100\n', '  "1.1.2":\n    value: "một trăm"\n');
    const report =
      "“report” gồm các khóa number, symbol, place, date, summary, body, recipients, archive, signer (bắt buộc) và to (tùy chọn); kiểm tra tên khóa và các khóa còn thiếu.";
    const got = shown(await server.open(join(VIRTUAL, "errors.yaml"), text));
    expect(got).toEqual(
      [
        `${lineOf(text, "agnecy:")}: “unit” gồm các khóa name, agency (bắt buộc) và superior (tùy chọn); kiểm tra tên khóa và các khóa còn thiếu.`,
        // the missing key (symbol) is reported at its parent's key
        `${lineOf(text, "report:")}: ${report}`,
        `${lineOf(text, "number:")}: “number” phải là số nguyên. Số văn bản, ví dụ 1880 (số nhỏ hơn 10 được in thêm số 0 phía trước).`,
        `${lineOf(text, "date: 19/11/2021")}: “date” là ngày ban hành dạng năm-tháng-ngày, ví dụ 2021-11-19, hoặc chỉ ghi năm, ví dụ 2023.`,
        `${lineOf(text, "option: d")}: “option” của tiêu chí 1.1.1 phải là một trong: a, b, c.`,
        `${lineOf(text, "score: ba")}: Điểm phải là số, tối đa 2 chữ số thập phân (ví dụ 3, 0.5 hoặc "0,5").`,
        `${lineOf(text, 'value: "một trăm"')}: Giá trị đo của tiêu chí 1.1.2 phải là số, tối đa 2 chữ số thập phân (0,00–100,00 %).`,
      ].sort((a, b) => parseInt(a) - parseInt(b) || a.localeCompare(b)),
    );
    for (const line of got) expect(line).toMatch(VIETNAMESE);
  });

  it('an unknown criterion id and a missing one are flagged in Vietnamese; a quoted "2.1" beside an unquoted 2.10 stays clean', async () => {
    let text = withSchema(readExampleText(EXAMPLE_ASSESSMENT), ASSESSMENT_SCHEMA);
    text = edit(text, '  "2.2":\n', '  2.10:\n    option: a\n  "9.9.9":\n    option: a\n  "2.2":\n');
    const answers = `Mục answers gồm đúng một mục cho mỗi tiêu chí thành phần của bộ tiêu chí dvcq-qng-2021, theo mã đặt trong dấu nháy kép (ví dụ "1.1.1"): kiểm tra mã tiêu chí và các tiêu chí còn thiếu (lệnh “npx chamdiem check” nêu rõ từng mã).`;
    expect(shown(await server.open(join(VIRTUAL, "ids.yaml"), text))).toEqual([
      `${lineOf(text, "2.10:")}: ${QUOTES}`,
      `${lineOf(text, '"9.9.9":')}: ${answers}`,
    ]);
    expect(lineOf(text, '"2.1":')).toBeLessThan(lineOf(text, "2.10:"));

    // A leaf left out: the same message, at `answers:`.
    const start = text.indexOf('  "10.3":\n');
    const missing = text.slice(0, start) + text.slice(start).replace(/^ {2}"10\.3":\n(?: {4}.*\n| {6}.*\n|\n)*/, "");
    expect(missing).not.toContain('"10.3"');
    expect(shown(await server.open(join(VIRTUAL, "missing.yaml"), missing))).toEqual([
      `${lineOf(missing, "answers:")}: ${answers}`,
      `${lineOf(missing, "2.10:")}: ${QUOTES}`,
      `${lineOf(missing, '"9.9.9":')}: ${answers}`,
    ]);
  });

  it('with additionalProperties on the answers (the schema before the fix) the server flags the valid quoted "2.1"', async () => {
    // Why the criterion maps use unevaluatedProperties: this pins the server behaviour they avoid.
    const schema = JSON.parse(readFileSync(ASSESSMENT_SCHEMA, "utf8"));
    delete schema.properties.answers.unevaluatedProperties;
    delete schema.properties.answers.errorMessage;
    schema.properties.answers.additionalProperties = false;
    const old = join(scratch, "old.assessment.schema.json");
    writeFileSync(old, JSON.stringify(schema));
    const text = edit(withSchema(readExampleText(EXAMPLE_ASSESSMENT), old), '  "2.2":\n', '  2.10:\n    option: a\n  "2.2":\n');
    expect(shown(await server.open(join(VIRTUAL, "old-schema.yaml"), text))).toEqual([
      `${lineOf(text, '"2.1":')}: Property 2.1 is not allowed.`,
      `${lineOf(text, "2.10:")}: ${QUOTES}`,
    ]);
  });

  it("an appraisal's bad date, unknown key, unknown option, score on a group and criterion ids are flagged in Vietnamese", async () => {
    let text = withSchema(readExampleText(EXAMPLE_APPRAISAL), APPRAISAL_SCHEMA);
    text = edit(text, "    date: 2021-12-06\n", "    date: 6/12/2021\n");
    text = edit(text, "    by: ", "    bi: ");
    text = edit(text, '      "4.2.1":\n        option: b\n', '      "4.2.1":\n        option: z\n');
    text = edit(
      text,
      '      "4.2.3":\n        value: 10\n',
      '      "4":\n        score: 3\n      "2.1":\n        option: a\n      2.10:\n        option: b\n      "9.9":\n        opinion: Không có.\n      "4.2.3":\n        value: 10\n',
    );
    const got = shown(await server.open(join(VIRTUAL, "errors.appraisal.yaml"), text));
    expect(got).toEqual([
      `${lineOf(text, "date: 6/12/2021")}: Ngày ghi dạng năm-tháng-ngày, ví dụ 2021-12-06.`,
      `${lineOf(text, "bi: ")}: Mỗi lần thẩm định (mục của “rounds”) gồm các khóa round, date, criteria (bắt buộc) và by, document, conclusion, ineligible, response (tùy chọn); kiểm tra tên khóa và các khóa còn thiếu.`,
      `${lineOf(text, "option: z")}: “option” của tiêu chí 4.2.1 phải là một trong: a, b.`,
      `${lineOf(text, "score: 3")}: Tiêu chí 4 là nhóm tiêu chí: điểm được tính từ các tiêu chí thành phần, chỉ ghi được ý kiến (khóa opinion); kiểm tra tên khóa.`,
      `${lineOf(text, "2.10:")}: ${QUOTES}`,
      `${lineOf(text, '"9.9":')}: Mục criteria chỉ có các tiêu chí và nhóm tiêu chí của bộ tiêu chí dvcq-qng-2021, theo mã đặt trong dấu nháy kép (ví dụ "1.1.1"): kiểm tra mã tiêu chí.`,
    ]);
    expect(lineOf(text, '"2.1":')).toBe(lineOf(text, "2.10:") - 2);
  });
});
