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
import { diag, listed, PER_CODE_LIMIT, type Arg, type Diagnostic } from "../diagnostics/diagnostic.js";
import { posOf, type PathSegment, type YamlSource } from "../read/yaml-source.js";

type ValidateFn = ((data: unknown, ctx?: object) => boolean) & { errors?: ErrorObject[] | null };

/** A compiled schema: the validation function and the schema it came from (for error details). */
export interface Validator {
  validate: ValidateFn;
  schema: object;
  /** Called once after the first validation (saves V8's code cache of a cached validator). */
  afterFirstUse?: () => void;
  /** The maps validated entry by entry (see compileSchema's `keyed`). */
  keyed?: KeyedMap[];
}

/**
 * A map with one property per criterion (an assessment's answers), validated entry by entry. ajv
 * writes one block of code per property into the map's validation function, with each property's
 * schema inlined: a rubric of 10 000 criteria gave a 6,7 MB schema, 6 s and 700 MB of compilation
 * and a function whose frame overflowed the stack when called. Instead, the compiled schema keeps the
 * map's keys (`properties: { id: true }`, so `required` and `additionalProperties` still apply) and
 * the distinct entry schemas, without their editor annotations, as `$defs` exported from the same
 * compiled code; each present entry is validated by its shape's function, in the schema's order, and
 * its errors are given the schema paths the whole schema would have (for the descriptions quoted).
 */
interface KeyedMap extends KeyedAt {
  /** The map's key → the export validating its entries, in the schema's order. */
  shapeOf: Map<string, string>;
  parts: Record<string, ValidateFn>;
}

/** Where a keyed map is: in the schema, and in the data ("*": every item of a list). */
export interface KeyedAt {
  /** Segments from the schema's root to the map's schema, e.g. ["properties", "answers"]. */
  schema: readonly string[];
  /** The data path of the map(s), e.g. ["answers"] or ["rounds", "*", "criteria"]. */
  data: readonly string[];
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
/** Compiled code by schema text; `afterFirstUse` is cleared here once it has run. */
interface Compiled {
  validate: ValidateFn;
  parts?: Record<string, ValidateFn>;
  afterFirstUse?: () => void;
}
const byText = new Map<string, Compiled>();
const runtimeRequire = createRequire(import.meta.url);

/**
 * Compile once per schema. The same rubric may be read again in one process (tests, many runs), giving
 * an equal schema object with the same $id, which ajv would refuse to add twice: equal schemas share a
 * validator, and a changed schema replaces the old one under its $id.
 *
 * `keyed`: maps whose entries are validated one by one (see KeyedMap). The schema then needs an $id.
 */
export function compileSchema(schema: object, cache?: ValidatorCache, keyed?: readonly KeyedAt[]): Validator {
  const known = compiled.get(schema);
  if (known) return known;
  const split = keyed ? splitKeyed(schema, keyed) : undefined;
  const target = split ? split.schema : schema;
  const text = JSON.stringify(target);
  const c = byText.get(text) ?? compileText(target, text, cache, split?.names);
  const v: Validator = { validate: c.validate, schema };
  if (c.afterFirstUse) {
    const shared = c;
    v.afterFirstUse = () => {
      const after = shared.afterFirstUse;
      shared.afterFirstUse = undefined;
      after?.();
    };
  }
  if (split) v.keyed = keyed!.map((at, i) => ({ ...at, shapeOf: split.shapeOf[i]!, parts: c.parts! }));
  compiled.set(schema, v);
  return v;
}

/** Compiles (or loads from the cache) the code of a schema's text; with `parts`, of its keyed entries too. */
function compileText(target: object, text: string, cache: ValidatorCache | undefined, parts: readonly string[] | undefined): Compiled {
  const key = cache ? createHash("sha256").update(JSON.stringify(AJV_OPTIONS)).update(EDITOR_KEYWORDS.join()).update(text).digest("hex").slice(0, 32) : "";
  const code = cache?.get(key);
  const loaded = code ? loadStandalone(code, key, cache!, parts) : undefined;
  if (loaded) {
    byText.set(text, loaded);
    return loaded;
  }
  const a = getAjv();
  const id = (target as { $id?: string }).$id;
  if (id && a.getSchema(id)) a.removeSchema(id);
  // Fragments compiled for an earlier schema under this $id stay in ajv's refs: drop them too.
  if (id) for (const ref of Object.keys(a.refs)) if (ref.startsWith(id + "#")) a.removeSchema(ref);
  const fn = a.compile(target);
  const made: Compiled = { validate: fn as unknown as ValidateFn };
  if (parts) {
    const refs: Record<string, string> = { default: id! };
    made.parts = {};
    for (const name of parts) {
      refs[name] = `${id}#/$defs/${name}`;
      made.parts[name] = a.getSchema(refs[name]) as unknown as ValidateFn;
    }
    if (cache) cache.set(key, standaloneCodeOf(a, refs));
  } else if (cache) {
    cache.set(key, standaloneCodeOf(a, fn));
  }
  byText.set(text, made);
  return made;
}

/** Annotations (for editors and readers), which validation ignores and which make every entry's schema unique. */
const ANNOTATIONS = new Set(["title", "description", ...EDITOR_KEYWORDS]);
/** Keywords whose value is data or a map of names, where keys are not keywords. */
const NAME_MAPS = new Set(["properties", "patternProperties", "$defs", "dependentSchemas"]);
const DATA_VALUES = new Set(["enum", "const", "default", "examples"]);

function withoutAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (!schema || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(schema)) {
    if (ANNOTATIONS.has(k)) continue;
    if (DATA_VALUES.has(k)) out[k] = v;
    else if (NAME_MAPS.has(k) && v && typeof v === "object") {
      const names: Record<string, unknown> = {};
      for (const [name, sub] of Object.entries(v)) names[name] = withoutAnnotations(sub);
      out[k] = names;
    } else out[k] = withoutAnnotations(v);
  }
  return out;
}

/** Keywords whose subschemas may evaluate properties of the object they sit in. */
const APPLICATORS = [
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "if",
  "then",
  "else",
  "$ref",
  "$dynamicRef",
  "dependentSchemas",
  "patternProperties",
  "additionalProperties",
];

/** The schema to compile for keyed maps (KeyedMap): their entries become shared `$defs`. */
function splitKeyed(schema: object, maps: readonly KeyedAt[]): { schema: object; shapeOf: Map<string, string>[]; names: string[] } {
  type S = Record<string, unknown>;
  const root: S = { ...(schema as S) };
  const defs: S = {};
  const byShape = new Map<string, string>();
  const shapeOf = maps.map((at) => {
    // Copy the objects along the path (the schema given is shared), then replace the map's entries.
    let node = root;
    for (const seg of at.schema) {
      const child: S = { ...(node[seg] as S) };
      node[seg] = child;
      node = child;
    }
    const shapes = new Map<string, string>();
    const keys: Record<string, true> = {};
    for (const [key, sub] of Object.entries((node.properties as S | undefined) ?? {})) {
      const shape = withoutAnnotations(sub);
      const text = JSON.stringify(shape);
      let name = byShape.get(text);
      if (!name) {
        name = `keyedEntry${byShape.size}`;
        byShape.set(text, name);
        defs[name] = shape;
      }
      shapes.set(key, name);
      keys[key] = true;
    }
    node.properties = keys;
    // The generated maps say unevaluatedProperties for editors (assessment-schema.ts, answers). Beside
    // `properties` and no applicator it means what additionalProperties means, but ajv compiles it into
    // one comparison per name, an expression 10 000 deep that overflowed the stack, where
    // additionalProperties looks the name up. Both give CD202.
    if (node.unevaluatedProperties === false && !APPLICATORS.some((k) => k in node)) {
      delete node.unevaluatedProperties;
      node.additionalProperties = false;
    }
    return shapes;
  });
  // After the paths were copied (a map may lie under $defs): the shapes join the definitions.
  root.$defs = { ...(root.$defs as S | undefined), ...defs };
  return { schema: root, shapeOf, names: [...byShape.values()] };
}

/** The maps at a data path ("*": each item of a list), with their instance paths. */
function mapsAt(data: unknown, path: readonly string[], at = 0, pointer = ""): { map: Record<string, unknown>; pointer: string }[] {
  if (at === path.length) return data && typeof data === "object" && !Array.isArray(data) ? [{ map: data as Record<string, unknown>, pointer }] : [];
  if (!data || typeof data !== "object") return [];
  const seg = path[at]!;
  if (seg === "*") return Array.isArray(data) ? data.flatMap((item, i) => mapsAt(item, path, at + 1, `${pointer}/${i}`)) : [];
  if (Array.isArray(data)) return [];
  return mapsAt((data as Record<string, unknown>)[seg], path, at + 1, `${pointer}/${escapePointer(seg)}`);
}

/** Errors of keyed maps' entries (KeyedMap), with the schema paths of the whole schema. */
function keyedErrors(keyed: KeyedMap, data: unknown, out: ErrorObject[]): void {
  const schemaBase = "#" + keyed.schema.map((s) => "/" + escapePointer(s)).join("") + "/properties/";
  for (const { map: entries, pointer: base } of mapsAt(data, keyed.data)) {
    for (const [key, name] of keyed.shapeOf) {
      const value = entries[key];
      if (value === undefined) continue;
      const fn = keyed.parts[name]!;
      const at = escapePointer(key);
      const entryPath = `${base}/${at}`;
      if (fn(value, { instancePath: entryPath, parentData: entries, parentDataProperty: key, rootData: data })) continue;
      for (const e of fn.errors ?? []) {
        // Paths are relative to the entry's schema, or to a $ref'd definition (score → points) whose
        // error deeper down names no property: that one is placed at its reference (its description).
        let rest = e.schemaPath.replace(/^#/, "");
        const below = e.instancePath.length > entryPath.length ? e.instancePath.slice(entryPath.length + 1).split("/") : [];
        if (below.length > 0 && !rest.startsWith(`/properties/${below[0]}/`)) rest = below.map((seg) => `/properties/${seg}`).join("") + rest;
        out.push({ ...e, schemaPath: schemaBase + at + rest });
      }
    }
  }
}

function escapePointer(s: string): string {
  return s.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** ajv's standalone generator (a CommonJS default export, typed as a namespace under NodeNext). */
const standaloneCodeOf = (standalone as unknown as { default: (a: Ajv2020, fn: unknown) => string }).default;

/**
 * Evaluates a cached standalone validator. Compiled through vm.Script with V8's code cache of its last
 * use: the assessment validator is ≈ 390 KB of code, and compiling it lazily took ≈ 20 ms of every
 * check of one assessment. The code cache is written after the first validation, so it holds the
 * functions that validation compiled.
 */
function loadStandalone(code: string, key: string, cache: ValidatorCache, parts?: readonly string[]): Compiled | undefined {
  try {
    const cachedData = cache.getCompiled?.(key);
    const script = new Script(`(function (module, exports, require) {${code}\n})`, { filename: `chamdiem-validator-${key}.cjs`, cachedData });
    const m: { exports: unknown } = { exports: {} };
    (script.runInThisContext() as (m: unknown, e: unknown, r: unknown) => void)(m, m.exports, runtimeRequire);
    const exports = m.exports as Record<string, unknown>;
    const fn = exports.default ?? m.exports;
    if (typeof fn !== "function") return undefined;
    const found: Record<string, ValidateFn> = {};
    for (const name of parts ?? []) {
      if (typeof exports[name] !== "function") return undefined;
      found[name] = exports[name] as ValidateFn;
    }
    const save = cache.setCompiled && (!cachedData || script.cachedDataRejected) ? () => cache.setCompiled!(key, script.createCachedData()) : undefined;
    return { validate: fn as ValidateFn, ...(parts ? { parts: found } : {}), ...(save ? { afterFirstUse: save } : {}) };
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
  let errors = valid ? [] : (v.validate.errors ?? []);
  if (v.keyed) {
    const more: ErrorObject[] = [];
    for (const k of v.keyed) keyedErrors(k, src.data, more);
    if (more.length > 0) errors = errors.concat(more);
  }
  if (v.afterFirstUse) {
    const after = v.afterFirstUse;
    v.afterFirstUse = undefined;
    after();
  }
  if (errors.length === 0) return [];
  // An anyOf/oneOf failure says it all: drop its branches' errors at the same place.
  const unions = new Set(errors.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf").map((e) => e.instancePath));
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // "Did you mean" is looked for among every allowed name (10 000 criterion ids in a large rubric's
  // maps): for as many unknown names as a file lists of one code (PER_CODE_LIMIT), not for each of 100 000.
  const hints = { left: PER_CODE_LIMIT };
  for (const e of errors) {
    if (unions.has(e.instancePath) && e.keyword !== "anyOf" && e.keyword !== "oneOf") continue;
    if (e.keyword === "if") continue;
    const d = toDiagnostic(e, v.schema, src, hooks, hints);
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

function toDiagnostic(e: ErrorObject, schema: object, src: YamlSource, hooks: SchemaErrorHooks, hints: { left: number }): Diagnostic {
  const path = pointerToPath(e.instancePath);
  const p = e.params as Record<string, unknown>;
  const value = valueAt(src.data, path);
  const parentSchema = keywordSchema(schema, e, path);
  // A key written with nothing after its colon (YAML null) where a value is expected: say so, instead
  // of the type or alternative it fails.
  const field = path[path.length - 1];
  if (value === null && field !== undefined && e.keyword !== "required" && !e.keyword.endsWith("Properties")) {
    return diag("CD210", posOf(src, path, true), { field: String(field) });
  }
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
      const near = hints.left-- > 0 ? closest(key, allowed) : undefined;
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
        allowed: listed((p.allowedValues as unknown[]).slice(0, PER_CODE_LIMIT + 1).map(String)),
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
    case "format": {
      // The value, then what the field's description says it should look like ("1", "1.1", …).
      const desc = (parentSchema as { description?: string } | undefined)?.description;
      const detail: Arg = desc ? { vi: `“${short(value)}”; ${desc}`, en: `“${short(value)}” (${desc})` } : `“${short(value)}”`;
      return diag("CD206", posOf(src, path), { detail });
    }
    default:
      return diag("CD208", posOf(src, path), { detail: describe(parentSchema, e.keyword, schema) });
  }
}

/**
 * The schema's own (Vietnamese) description of a field explains what was expected; English falls back
 * to the keyword. The root's description (what the whole file is) explains nothing about a value.
 */
function describe(parentSchema: unknown, fallback: string, root?: object): Arg {
  const desc = parentSchema === root ? undefined : (parentSchema as { description?: string } | undefined)?.description;
  return desc ? { vi: desc, en: `${fallback} (${desc})` } : fallback;
}

function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let v = data;
  for (const seg of path) v = v && typeof v === "object" ? (v as Record<string, unknown>)[String(seg)] : undefined;
  return v;
}

/**
 * The schema object holding the failed keyword. ajv's schemaPath ("#/properties/x/enum") minus the
 * keyword, when it is a path from the root. A keyword inside a `$ref`'d definition that ajv did not
 * inline (AJV_OPTIONS.inlineRefs) has a path relative to the definition ("#/pattern" for a rubric's
 * `$defs/id`), which read from the root would name the root itself and quote the whole file's
 * description. So the schema found from the data path (instanceSchema) comes first, when it holds the
 * keyword; ajv's path otherwise (a keyword inside an anyOf branch, which the data path cannot choose).
 */
function keywordSchema(schema: object, e: ErrorObject, path: readonly PathSegment[]): unknown {
  const found = instanceSchema(schema, path);
  return found && typeof found === "object" && e.keyword in found ? found : schemaAt(schema, e.schemaPath);
}

/** A local `$ref` ("#/$defs/id") resolved, repeatedly; anything else as it is. */
function deref(root: object, s: unknown): unknown {
  for (let i = 0; i < 16 && s && typeof s === "object" && typeof (s as { $ref?: unknown }).$ref === "string"; i++) {
    const ref = (s as { $ref: string }).$ref;
    if (!ref.startsWith("#")) return s;
    s = schemaAt(root, ref + "/x"); // schemaAt drops the last segment
  }
  return s;
}

/**
 * The schema that applies to the value at a data path, following `properties`, `items` and local
 * `$ref`s (enough for the patterns of chamdiem's schemas; undefined where a branch would be needed).
 */
function instanceSchema(root: object, path: readonly PathSegment[]): unknown {
  let s = deref(root, root);
  for (const seg of path) {
    if (!s || typeof s !== "object") return undefined;
    const o = s as { properties?: Record<string, unknown>; items?: unknown; additionalProperties?: unknown };
    const next =
      o.properties && Object.hasOwn(o.properties, String(seg))
        ? o.properties[String(seg)]
        : /^\d+$/.test(String(seg)) && o.items
          ? o.items
          : o.additionalProperties;
    s = deref(root, next);
  }
  return s;
}

/** The schema object holding the failed keyword: ajv's schemaPath ("#/properties/x/enum") minus the keyword. */
function schemaAt(schema: object, schemaPath: string): unknown {
  const segs = pointerToPath(schemaPath.replace(/^#/, "")).slice(0, -1);
  let s: unknown = schema;
  for (const seg of segs) s = s && typeof s === "object" ? (s as Record<string, unknown>)[String(seg)] : undefined;
  return s;
}

function short(v: unknown): string {
  const s = typeof v === "string" ? v : (JSON.stringify(v) ?? String(v));
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
