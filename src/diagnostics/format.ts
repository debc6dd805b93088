/**
 * Reporters: human text (default), JSON, and GitHub workflow-command annotations.
 */
import { message, type Diagnostic, type Lang } from "./diagnostic.js";

const SEVERITY: Record<Lang, Record<Diagnostic["severity"], string>> = {
  vi: { error: "lỗi", warning: "cảnh báo", info: "ghi chú" },
  en: { error: "error", warning: "warning", info: "note" },
};

export function formatText(ds: readonly Diagnostic[], lang: Lang, color = false): string {
  const paint = (code: string, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  return ds
    .map((d) => {
      const sev = SEVERITY[lang][d.severity];
      const sevColored = d.severity === "error" ? paint("31;1", sev) : d.severity === "warning" ? paint("33;1", sev) : paint("36", sev);
      return `${paint("1", `${d.pos.file}:${d.pos.line}:${d.pos.column}`)}: ${sevColored} ${d.code}: ${message(d, lang)}`;
    })
    .join("\n");
}

export function toJson(d: Diagnostic, lang: Lang): object {
  return {
    code: d.code,
    severity: d.severity,
    file: d.pos.file,
    line: d.pos.line,
    column: d.pos.column,
    ...(d.pos.endLine ? { endLine: d.pos.endLine, endColumn: d.pos.endColumn } : {}),
    message: message(d, lang),
  };
}

/** https://docs.github.com/actions/reference/workflow-commands-for-github-actions */
export function formatGithub(ds: readonly Diagnostic[], lang: Lang): string {
  const esc = (s: string) => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const prop = (s: string) => esc(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const cmd: Record<Diagnostic["severity"], string> = { error: "error", warning: "warning", info: "notice" };
  return ds
    .map((d) => {
      const props = [`file=${prop(d.pos.file)}`, `line=${d.pos.line}`, `col=${d.pos.column}`];
      if (d.pos.endLine) props.push(`endLine=${d.pos.endLine}`, `endColumn=${d.pos.endColumn}`);
      props.push(`title=${prop(d.code)}`);
      return `::${cmd[d.severity]} ${props.join(",")}::${esc(message(d, lang))}`;
    })
    .join("\n");
}

export function countBySeverity(ds: readonly Diagnostic[]): Record<Diagnostic["severity"], number> {
  const c = { error: 0, warning: 0, info: 0 };
  for (const d of ds) {
    const left = leftOut(d);
    if (!left) c[d.severity]++;
    else for (const s of ["error", "warning", "info"] as const) c[s] += left[s];
  }
  return c;
}

/** What a bound's summary (CD423, CD424: boundDiagnostics) stands for, so that counts stay true. */
function leftOut(d: Diagnostic): Record<Diagnostic["severity"], number> | undefined {
  if (d.code !== "CD423" && d.code !== "CD424") return undefined;
  return { error: Number(d.args.errors ?? 0), warning: Number(d.args.warnings ?? 0), info: Number(d.args.notes ?? 0) };
}
