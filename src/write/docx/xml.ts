/** Escaping for WordprocessingML text and attribute values (control characters are not allowed in XML 1.0). */

const ESC: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

export function escapeText(s: string): string {
  return s.replace(/[&<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESC[c] ?? "");
}

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\x00-\x08\x0B\x0C\x0E-\x1F]/g, (c) => ESC[c] ?? "");
}
