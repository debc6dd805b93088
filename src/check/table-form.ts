/**
 * Checks of the score table's declared form (`table:` in a rubric, src/model/table.ts) that the schema
 * cannot express: a column that needs data the rubric lacks, a field that means nothing for its column
 * kind, a group header split by another column, and the one content column every table needs.
 */
import { diag, type Diagnostic } from "../diagnostics/diagnostic.js";
import { walkRubric, type Rubric } from "../model/rubric.js";
import type { ColumnKind, TableColumn } from "../model/table.js";

export function checkTableForm(rubric: Rubric): Diagnostic[] {
  const out: Diagnostic[] = [];
  const form = rubric.table;
  if (form.isDefault) return out;
  const cols = form.columns;
  const at = (c: TableColumn) => c.source ?? rubric.source;

  const contents = cols.filter((c) => c.kind === "content");
  // Point at the second content column, or at the table when there is none.
  if (contents.length !== 1) out.push(diag("CD343", contents[1] ? at(contents[1]) : at(cols[0]!), { count: String(contents.length) }));

  const only = (c: TableColumn, field: "value" | "of" | "round", kind: ColumnKind) => {
    if (c[field] !== undefined && c.kind !== kind) out.push(diag("CD341", at(c), { field, kinds: kind, label: c.label, kind: c.kind }));
  };
  let measured = false;
  let ratio = false;
  let groups = false;
  for (const [n] of walkRubric(rubric.items)) {
    if (n.kind === "group") groups = true;
    else if (n.input === "measure" || n.input === "ratio") {
      measured = true;
      ratio ||= n.input === "ratio";
    }
  }
  const seenGroups = new Set<string>();
  cols.forEach((c, i) => {
    only(c, "value", "evidence");
    only(c, "of", "count");
    only(c, "round", "appraisal");
    if (c.kind === "evidence" && (c.value === "numerator" || c.value === "denominator" ? !ratio : !measured))
      out.push(diag("CD340", at(c), { label: c.label }));
    if (c.kind === "count" && !groups) out.push(diag("CD345", at(c), { label: c.label }));
    if (c.group !== undefined) {
      if (seenGroups.has(c.group) && cols[i - 1]?.group !== c.group) out.push(diag("CD342", at(c), { group: c.group, label: c.label }));
      seenGroups.add(c.group);
    }
  });
  return out;
}
