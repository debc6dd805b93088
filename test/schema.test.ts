import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { generateAppraisalSchema } from "../src/check/appraisal-schema.js";
import { generateAssessmentSchema } from "../src/check/assessment-schema.js";
import { getAjv } from "../src/check/schema-validate.js";
import { ROOT, loadExampleScored } from "./helpers/example.js";

const rubricSchema = JSON.parse(readFileSync(join(ROOT, "schema/rubric.schema.json"), "utf8"));

describe("JSON Schemas", () => {
  // One invalid schema switches off all editor help for a file (docs/dependencies.md): validate them all.
  it("the rubric schema and the generated assessment schema are valid 2020-12 schemas", () => {
    const meta = new Ajv2020({ strict: false });
    const generated = generateAssessmentSchema(loadExampleScored().rubric);
    for (const s of [rubricSchema, generated, generateAppraisalSchema(loadExampleScored().rubric)]) {
      expect(meta.validateSchema(s), JSON.stringify(meta.errors)).toBe(true);
    }
  });

  it("the generated schema knows every leaf id, its options and value ranges, with Vietnamese descriptions", () => {
    const s = generateAssessmentSchema(loadExampleScored().rubric) as any;
    const answers = s.properties.answers;
    expect(answers.required).toHaveLength(40);
    // unevaluatedProperties, not additionalProperties: see test/editor-lsp.test.ts ("2.1" and 2.10).
    expect(answers.unevaluatedProperties).toBe(false);
    expect(answers.additionalProperties).toBeUndefined();
    const leaf = answers.properties["1.1.1"];
    expect(leaf.properties.option.enum).toEqual(["a", "b", "c"]);
    expect(leaf.properties.option.markdownEnumDescriptions[0]).toBe("Ban hành kịp thời và đủ các nội dung: 3,00");
    expect(leaf.markdownDescription).toContain("Ban hành Kế hoạch thực hiện công tác dân vận hàng năm");
    const measure = answers.properties["3.2.1"].properties.value.anyOf[0];
    expect(measure).toMatchObject({ type: "number", minimum: 0, maximum: 100 });
    expect(Object.keys(answers.properties["3.1.2"].properties.options.properties)).toEqual(["a", "b"]);
  });

  it("maps keyed by criterion id tell a quoted id from an unquoted number, with a Vietnamese message at the key", () => {
    // yaml-language-server validates each key's own node against propertyNames, and an unquoted
    // `2.10:` is the number 2.1 there (its Property-not-allowed message named another key's id).
    const rubric = loadExampleScored().rubric;
    const names = (generateAssessmentSchema(rubric) as any).properties.answers.propertyNames;
    const keyValid = new Ajv2020({ strict: false }).compile(names);
    expect(keyValid("1.1.1")).toBe(true);
    expect(keyValid("10.3")).toBe(true);
    expect(keyValid(10.3)).toBe(false);
    expect(keyValid(2.1)).toBe(false);
    expect(names.errorMessage).toMatch(/^Mã tiêu chí phải đặt trong dấu nháy kép, ví dụ "2\.10": không có dấu nháy, YAML đọc mã thành một số/);
    const round = (generateAppraisalSchema(rubric) as any).$defs.round.properties;
    expect(round.criteria.propertyNames).toEqual(names);
    expect(round.response.properties.criteria.propertyNames).toEqual(names);
    // ajv (check) sees string keys only: the keyword passes every key there, and strict mode accepts errorMessage.
    const validate = getAjv().compile({ ...generateAssessmentSchema(rubric), $id: "test-only-keys" });
    validate({ answers: { "1.1.1": {} } });
    expect(validate.errors!.some((e) => e.keyword === "propertyNames")).toBe(false);
  });

  it("ajv rejects an unknown id and a wrong type with the generated schema", () => {
    const validate = getAjv().compile({ ...generateAssessmentSchema(loadExampleScored().rubric), $id: "test-only" });
    const ok = { rubric: "dvcq-qng-2021", year: 2021, unit: { name: "A", agency: "B" }, report: {}, answers: { "9.9.9": {}, "1.1.1": { option: 3 } } };
    expect(validate(ok)).toBe(false);
    const kinds = validate.errors!.map((e) => `${e.keyword}:${e.instancePath}`);
    expect(kinds).toContain("unevaluatedProperties:/answers");
    expect(kinds).toContain("enum:/answers/1.1.1/option");
  });

  it("every field that can fail in the editor with a type, value or key error has a Vietnamese errorMessage", () => {
    // yaml-language-server replaces its English text by a schema's errorMessage (see test/editor-lsp.test.ts
    // for the server itself); minimum/maximum/minLength have no such keyword and are not checked here.
    const rubric = loadExampleScored().rubric;
    const vietnamese = /[àáảãạăắằẳẵặâấầẩẫậđèéẻẽẹêếềểễệìíỉĩịòóỏõọôốồổỗộơớờởỡợùúủũụưứừửữựỳýỷỹỵ]/i;
    for (const schema of [generateAssessmentSchema(rubric), generateAppraisalSchema(rubric)]) {
      const missing: string[] = [];
      let checked = 0;
      const walk = (s: any, at: string): void => {
        if (!s || typeof s !== "object") return;
        if ("type" in s || "enum" in s || "const" in s || "required" in s) {
          checked++;
          if (typeof s.errorMessage !== "string" || !vietnamese.test(s.errorMessage)) missing.push(at);
        }
        for (const [k, sub] of Object.entries(s.properties ?? {})) walk(sub, `${at}/properties/${k}`);
        for (const [k, sub] of Object.entries(s.$defs ?? {})) walk(sub, `${at}/$defs/${k}`);
        if (s.items) walk(s.items, `${at}/items`);
        if (s.propertyNames) walk(s.propertyNames, `${at}/propertyNames`);
        for (const [i, sub] of (s.anyOf ?? []).entries()) walk(sub, `${at}/anyOf/${i}`);
      };
      walk(schema, "#");
      expect(missing).toEqual([]);
      expect(checked).toBeGreaterThan(100);
    }
  });

  it("an object's one message names its keys, true of a missing key and of a misspelt one alike", () => {
    const s = generateAssessmentSchema(loadExampleScored().rubric) as any;
    expect(s.properties.unit.errorMessage).toBe("“unit” gồm các khóa name, agency (bắt buộc) và superior (tùy chọn); kiểm tra tên khóa và các khóa còn thiếu.");
    expect(s.properties.report.properties.signer.properties.prefix.errorMessage).toBe("“prefix” phải là một trong: KT., TM., Q., TL., TUQ.");
    const measure = s.properties.answers.properties["1.1.2"];
    // The server reports the failing anyOf branch's own message: both branches carry the object's.
    expect(measure.anyOf.map((b: any) => b.errorMessage)).toEqual([measure.errorMessage, measure.errorMessage]);
    expect(measure.properties.value.anyOf[1].errorMessage).toBe("Giá trị đo của tiêu chí 1.1.2 phải là số, tối đa 2 chữ số thập phân (0,00–100,00 %).");
    // A generator's own message wins over the derived one.
    expect(s.$defs.markdown.errorMessage).toMatch(/^Giải trình phải là văn bản \(Markdown\)/);
  });
});
