/**
 * JSON Schema validation with ajv, turning ajv's error objects into positioned diagnostics.
 * Messages are built from `keyword` + `params` (never from ajv's English text), and each error points
 * at the offending YAML node: the extra key for additionalProperties, the parent for required.
 */
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { Script } from "node:vm";
import { Ajv2020, type ErrorObject } from "ajv/dist/2020.js";
import * as standalone from "ajv/dist/standalone/index.js";
import { diag, type Arg, type Diagnostic } from "../diagnostics/diagnostic.js";
import { posOf, type PathSegment, type YamlSource } from "../read/yaml-source.js";

/** A compiled schema: the validation function and the schema it came from (for error details). */
export interface Validator {
  validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
  schema: object;
  /** Called once after the first validation (saves V8's code cache of a cached validator). */
  afterFirstUse?: () => void;
}

/**
 * Where compiled validators may be kept between runs (the CLI gives a folder under
 * node_modules/.cache; tests give none). Compiling the generated schema costs tens of milliseconds,
 * loading ajv's standalone code for it a few: a large share of a `check` run.
 */
export interface ValidatorCache {
  get(key: string): string | undefined;
  set(key: string, code: string): void;
  /** V8's code cache of a validator's code, as it was after its first use (optional). */
  getCompiled?(key: string): Uint8Array | undefined;
  setCompiled?(key: string, data: Uint8Array): void;
}

const AJV_OPTIONS = {
  allErrors: true,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
  // Shared $refs become function calls instead of being inlined at each of the ~100 places that use
  // them, and ajv's name-optimisation pass is skipped: compile time halves, validation is as fast.
  inlineRefs: false,
  code: { optimize: false, source: true },
} as const;
const EDITOR_KEYWORDS = ["markdownDescription", "markdownEnumDescriptions", "enumDescriptions", "defaultSnippets", "errorMessage"];

let ajv: Ajv2020 | undefined;

export function getAjv(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020(AJV_OPTIONS);
    // Keywords read by editors (yaml-language-server), ignored by validation.
    for (const k of EDITOR_KEYWORDS) ajv.addKeyword(k);
  }
  return ajv;
}

const compiled = new WeakMap<object, Validator>();
const byText = new Map<string, Validator>();
const runtimeRequire = createRequire(import.meta.url);

/**
 * Compile once per schema. The same rubric may be read again in one process (tests, many runs), giving
 * an equal schema object with the same $id, which ajv would refuse to add twice: equal schemas share a
 * validator, and a changed schema replaces the old one under its $id.
 */
export function compileSchema(schema: object, cache?: ValidatorCache): Validator {
  const known = compiled.get(schema);
  if (known) return known;
  const text = JSON.stringify(schema);
  let v = byText.get(text);
  if (!v) {
    const key = cache ? createHash("sha256").update(JSON.stringify(AJV_OPTIONS)).update(EDITOR_KEYWORDS.join()).update(text).digest("hex").slice(0, 32) : "";
    const code = cache?.get(key);
    const loaded = code ? loadStandalone(code, key, cache!) : undefined;
    if (loaded) {
      v = { validate: loaded.validate, schema, afterFirstUse: loaded.afterFirstUse };
    } else {
      const a = getAjv();
      const id = (schema as { $id?: string }).$id;
      if (id && a.getSchema(id)) a.removeSchema(id);
      const fn = a.compile(schema);
      v = { validate: fn, schema };
      if (cache) cache.set(key, standaloneCodeOf(a, fn));
    }
    byText.set(text, v);
  }
  compiled.set(schema, v);
  return v;
}

/** ajv's standalone generator (a CommonJS default export, typed as a namespace under NodeNext). */
const standaloneCodeOf = (standalone as unknown as { default: (a: Ajv2020, fn: unknown) => string }).default;

/**
 * Evaluates a cached standalone validator. Compiled through vm.Script with V8's code cache of its last
 * use: the assessment validator is ≈ 390 KB of code, and compiling it lazily took ≈ 20 ms of every
 * check of one assessment. The code cache is written after the first validation, so it holds the
 * functions that validation compiled.
 */
function loadStandalone(code: string, key: string, cache: ValidatorCache): { validate: Validator["validate"]; afterFirstUse?: () => void } | undefined {
  try {
    const cachedData = cache.getCompiled?.(key);
    const script = new Script(`(function (module, exports, require) {${code}\n})`, { filename: `chamdiem-validator-${key}.cjs`, cachedData });
    const m: { exports: unknown } = { exports: {} };
    (script.runInThisContext() as (m: unknown, e: unknown, r: unknown) => void)(m, m.exports, runtimeRequire);
    const fn = (m.exports as { default?: unknown }).default ?? m.exports;
    if (typeof fn !== "function") return undefined;
    const save = cache.setCompiled && (!cachedData || script.cachedDataRejected) ? () => cache.setCompiled!(key, script.createCachedData()) : undefined;
    return { validate: fn as Validator["validate"], afterFirstUse: save };
  } catch {
    return undefined; // a damaged cache entry is recompiled
  }
}

/** Hooks that let a caller give some errors a more specific code (e.g. an unknown criterion id). */
export interface SchemaErrorHooks {
  additional?(path: PathSegment[], key: string): Diagnostic | undefined;
  required?(path: PathSegment[], key: string): Diagnostic | undefined;
}

const TYPE_NAMES: Record<string, { vi: string; en: string }> = {
  string: { vi: "chuỗi văn bản", en: "a string" },
  number: { vi: "số", en: "a number" },
  integer: { vi: "số nguyên", en: "an integer" },
  object: { vi: "bảng khóa: giá trị", en: "a mapping" },
  array: { vi: "danh sách", en: "a list" },
  boolean: { vi: "true hoặc false", en: "true or false" },
  null: { vi: "giá trị rỗng", en: "null" },
};

export function validateWithSchema(v: Validator, src: YamlSource, hooks: SchemaErrorHooks = {}): Diagnostic[] {
  const valid = v.validate(src.data);
  if (v.afterFirstUse) {
    const after = v.afterFirstUse;
    v.afterFirstUse = undefined;
    after();
  }
  if (valid) return [];
  const errors = v.validate.errors ?? [];
  // An anyOf/oneOf failure says it all: drop its branches' errors at the same place.
  const unions = new Set(errors.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf").map((e) => e.instancePath));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    if (unions.has(e.instancePath) && e.keyword !== "anyOf" && e.keyword !== "oneOf") continue;
    if (e.keyword === "if") continue;
    const d = toDiagnostic(e, v.schema, src, hooks);
    const key = `${d.code}:${d.pos.line}:${d.pos.column}:${JSON.stringify(d.args)}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}

export function pointerToPath(pointer: string): PathSegment[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function toDiagnostic(e: ErrorObject, schema: object, src: YamlSource, hooks: SchemaErrorHooks): Diagnostic {
  const path = pointerToPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  const value = valueAt(src.data, path);
  const parentSchema = schemaAt(schema, e.schemaPath);
  switch (e.keyword) {
    case "required": {
      const key = String(p.missingProperty);
      return hooks.required?.(path, key) ?? diag("CD201", posOf(src, path, true), { field: key });
    }
    case "additionalProperties":
    case "unevaluatedProperties": {
      const key = String(p.additionalProperty ?? p.unevaluatedProperty);
      const custom = hooks.additional?.(path, key);
      if (custom) return custom;
      const allowed = Object.keys((parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const near = closest(key, allowed);
      const hint: Arg = near ? { vi: `; có phải “${near}”?`, en: `; did you mean “${near}”?` } : "";
      return diag("CD202", posOf(src, [...path, key], true), { field: key, hint });
    }
    case "type": {
      const types = String(p.type).split(",");
      const expected = {
        vi: types.map((t) => TYPE_NAMES[t]?.vi ?? t).join(" hoặc "),
        en: types.map((t) => TYPE_NAMES[t]?.en ?? t).join(" or "),
      };
      return diag("CD203", posOf(src, path), { expected });
    }
    case "enum":
      return diag("CD204", posOf(src, path), {
        value: short(value),
        allowed: (p.allowedValues as unknown[]).map(String).join(", "),
      });
    case "const":
      return diag("CD204", posOf(src, path), { value: short(value), allowed: String(p.allowedValue) });
    case "minimum":
    case "maximum":
    case "exclusiveMinimum":
    case "exclusiveMaximum": {
      const op = String(p.comparison);
      return diag("CD205", posOf(src, path), { op, limit: String(p.limit) });
    }
    case "minItems":
      return diag("CD207", posOf(src, path), { limit: String(p.limit) });
    case "minLength":
      return diag("CD209", posOf(src, path));
    case "pattern":
    case "format":
      return diag("CD206", posOf(src, path), { detail: describe(parentSchema, short(value)) });
    default:
      return diag("CD208", posOf(src, path), { detail: describe(parentSchema, e.keyword) });
  }
}

/** The schema's own (Vietnamese) description explains what was expected; English falls back to the keyword. */
function describe(parentSchema: unknown, fallback: string): Arg {
  const desc = (parentSchema as { description?: string } | undefined)?.description;
  return desc ? { vi: desc, en: `${fallback} (${desc})` } : fallback;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let v = data;
  for (const seg of path) v = v && typeof v === "object" ? (v as Record<string, unknown>)[String(seg)] : undefined;
  return v;
}

/** The schema object holding the failed keyword: ajv's schemaPath ("#/properties/x/enum") minus the keyword. */
function schemaAt(schema: object, schemaPath: string): unknown {
  const segs = pointerToPath(schemaPath.replace(/^#/, "")).slice(0, -1);
  let s: unknown = schema;
  for (const seg of segs) s = s && typeof s === "object" ? (s as Record<string, unknown>)[String(seg)] : undefined;
  return s;
}

function short(v: unknown): string {
  const s = typeof v === "string" ? v : JSON.stringify(v) ?? String(v);
  return s.length > 60 ? s.slice(0, 57) + "…" : s;
}

/** The allowed name closest to a misspelt one (edit distance ≤ 2), for "did you mean". */
export function closest(word: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  for (const o of options) {
    const d = editDistance(word.toLowerCase(), o.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = o;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagPrev = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diagPrev + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagPrev = tmp;
    }
  }
  return prev[b.length]!;
}
