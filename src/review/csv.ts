/** RFC 4180 CSV: fields with a comma, quote or line break are quoted, quotes doubled; lines end in "\n". */
export function csvField(v: string | number): string {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(fields: readonly (string | number)[]): string {
  return fields.map(csvField).join(",");
}
