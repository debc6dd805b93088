/**
 * Vietnamese error messages for editors. yaml-language-server writes its own English text ("Incorrect
 * type", "Property x is not allowed", "Missing property") unless the failing schema has an
 * `errorMessage`, which then replaces it for type, enum, const and pattern errors and, on an object,
 * for its missing and unknown keys too (one text for all of them: it must be true of each). minimum,
 * maximum, minLength, minItems and uniqueItems stay English: the server has no message keyword for
 * them. ajv (and so `chamdiem check`, whose messages come from the diagnostics catalogue) ignores the
 * keyword (registered in schema-validate.ts).
 *
 * The messages are derived from each field's schema (its type, keys and description), so a field
 * added to a generator gets one without more code; a generator's own `errorMessage` always wins.
 */

type Schema = Record<string, unknown>;

export interface MessageLabels {
  /** What the whole file is, e.g. "Tệp bản tự chấm". */
  root: string;
  /** How to name each `$defs` entry's value (the definitions are shared: they have no key of their own). */
  defs?: Record<string, string>;
}

/** A copy of `schema` with an `errorMessage` on every node that can fail with a type, enum, const, pattern or key error. */
export function withEditorMessages<T extends object>(schema: T, labels: MessageLabels): T {
  const root = walk(schema as Schema, labels.root, undefined) as Schema;
  const defs = root.$defs as Record<string, Schema> | undefined;
  if (defs) {
    root.$defs = Object.fromEntries(Object.entries(defs).map(([name, d]) => [name, walk(d, labels.defs?.[name] ?? `“${name}”`, undefined)]));
  }
  return root as T;
}

/** The keys of a map keyed by criterion id carry a `propertyNames` rule: its entries are named by their id. */
function isCriterionMap(s: Schema): boolean {
  return typeof s.propertyNames === "object" && s.propertyNames !== null;
}

function walk(node: unknown, label: string, criterion: string | undefined): unknown {
  if (!node || typeof node !== "object" || Array.isArray(node)) return node;
  const s: Schema = { ...(node as Schema) };
  if (s.errorMessage === undefined) {
    const m = derive(s, label);
    if (m) s.errorMessage = m;
  }
  if (s.properties && typeof s.properties === "object") {
    const map = isCriterionMap(s);
    s.properties = Object.fromEntries(
      Object.entries(s.properties as Record<string, unknown>).map(([k, sub]) =>
        map ? [k, walk(sub, `Tiêu chí ${k}`, k)] : [k, walk(sub, `“${k}”${criterion ? ` của tiêu chí ${criterion}` : ""}`, criterion)],
      ),
    );
  }
  if (s.items && typeof s.items === "object") s.items = walk(s.items, `Mỗi mục của ${label}`, criterion);
  for (const k of ["anyOf", "oneOf"] as const) {
    const branches = s[k];
    if (!Array.isArray(branches)) continue;
    // The server reports the best-matching branch's own errors: each branch says what the field needs.
    s[k] = branches.map((b) => {
      const w = walk(b, label, criterion) as Schema;
      return s.errorMessage !== undefined && typeof w === "object" ? { ...w, errorMessage: s.errorMessage } : w;
    });
  }
  return s;
}

function derive(s: Schema, label: string): string | undefined {
  const d = typeof s.description === "string" ? ` ${s.description}` : "";
  if (s.const !== undefined) return `${label} phải là ${String(s.const)}.${d}`;
  if (Array.isArray(s.enum)) {
    const list = s.enum.map(String).join(", ");
    return `${label} phải là một trong: ${list}${list.endsWith(".") ? "" : "."}`;
  }
  const type = s.type;
  if (Array.isArray(type)) {
    const t = [...type].sort().join(",");
    if (t === "null,string") return `${label} phải là văn bản hoặc để trống.${d}`;
    return undefined;
  }
  switch (type) {
    case "object":
      return objectMessage(s, label);
    case "string":
      return typeof s.pattern === "string" ? `${label} chưa đúng định dạng.${d}` : `${label} phải là văn bản.${d}`;
    case "integer":
      return `${label} phải là số nguyên.${d}`;
    case "number":
      return `${label} phải là số.${d}`;
    case "array":
      return `${label} phải là danh sách, mỗi mục một dòng bắt đầu bằng “- ”.${d}`;
    default:
      return undefined;
  }
}

/** One text for a wrong type, a missing key and an unknown key of the same object: it lists the keys. */
function objectMessage(s: Schema, label: string): string | undefined {
  const keys = Object.keys((s.properties as Schema | undefined) ?? {});
  if (keys.length === 0) return undefined;
  const required = Array.isArray(s.required) ? (s.required as string[]) : [];
  const optional = keys.filter((k) => !required.includes(k));
  if (required.length === 0) return `${label} chỉ có các khóa ${optional.join(", ")} (tùy chọn); kiểm tra tên khóa.`;
  const rest = optional.length > 0 ? ` và ${optional.join(", ")} (tùy chọn)` : "";
  return `${label} gồm các khóa ${required.join(", ")} (bắt buộc)${rest}; kiểm tra tên khóa và các khóa còn thiếu.`;
}
