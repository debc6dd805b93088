/**
 * The PDF layout's warnings (src/layout, src/write/pdf renderPdf) as diagnostics (CD804–CD808), and
 * how fonts are named in messages. Pure: the positions come from the document model (a paragraph's
 * `source`) or, where it has none, the top of the input the document was made from, with the
 * document's name in the message.
 */
import { diag, type Arg, type Diagnostic } from "../diagnostics/diagnostic.js";
import type { FaceKey } from "../fonts/fontset.js";
import type { LayoutWarning } from "../layout/types.js";
import type { SourcePos } from "../model/source.js";

/**
 * A face set in chamdiem.yaml: the setting ("fonts.bold"), the path as written and as resolved, and
 * where it is written.
 */
export interface FontOrigin {
  setting: string;
  file: string;
  path: string;
  pos: SourcePos;
}

export interface LayoutDiagnosticContext {
  /** The output file's name, e.g. "bieu-cham-diem.pdf". */
  document: string;
  /** The input the document is made from (positions fall back to its first line). */
  file: string;
  /** The faces set in chamdiem.yaml (the others are Tinos). */
  fontOrigins?: Partial<Record<FaceKey, FontOrigin>>;
  /** Characters already reported for a face before the build (CD803): not repeated per document. */
  reported?: Partial<Record<FaceKey, readonly number[]>>;
}

/** At most this many characters are listed in a message; the count gives the rest. */
const LISTED = 12;

const FACE_NAMES: Record<FaceKey, { vi: string; en: string }> = {
  regular: { vi: "thường", en: "regular" },
  bold: { vi: "đậm", en: "bold" },
  italic: { vi: "nghiêng", en: "italic" },
  boldItalic: { vi: "đậm nghiêng", en: "bold italic" },
};

/** A face for messages: “fonts.bold” (path) when configured, else Tinos and its style. */
export function faceName(face: FaceKey, origins?: Partial<Record<FaceKey, FontOrigin>>): Arg {
  const o = origins?.[face];
  if (o) return `“${o.setting}” (${o.file})`;
  return { vi: `Tinos (chữ ${FACE_NAMES[face].vi})`, en: `Tinos (${FACE_NAMES[face].en})` };
}

/** The first characters of a list, visible ones as they are, the others as U+XXXX; "…" for the rest. */
export function listChars(codePoints: readonly number[]): string {
  const shown = codePoints.slice(0, LISTED).map((cp) => {
    const ch = String.fromCodePoint(cp);
    return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch) ? ch : `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  });
  return shown.join(" ") + (codePoints.length > LISTED ? " …" : "");
}

export function layoutDiagnostics(warnings: readonly LayoutWarning[], ctx: LayoutDiagnosticContext): Diagnostic[] {
  const top: SourcePos = { file: ctx.file, line: 1, column: 1 };
  const document = ctx.document;
  const out: Diagnostic[] = [];
  // Overflowing lines: one diagnostic, at the first paragraph that has a position, with the count.
  let overflowAt: SourcePos | undefined;
  let overflows = 0;
  let merged = false;
  for (const w of warnings) {
    switch (w.kind) {
      case "glyph": {
        if (!w.face || !w.codePoints) break;
        const known = new Set(ctx.reported?.[w.face] ?? []);
        const missing = w.codePoints.filter((cp) => !known.has(cp));
        if (missing.length)
          out.push(diag("CD804", top, { document, count: missing.length, chars: listChars(missing), face: faceName(w.face, ctx.fontOrigins) }));
        break;
      }
      case "line":
        overflows++;
        overflowAt ??= w.source;
        break;
      case "page":
        out.push(diag("CD806", w.source ?? top, { document, page: w.page ?? 0 }));
        break;
      case "cells":
        out.push(diag("CD807", w.source ?? top, { document, row: w.row ?? 0 }));
        break;
      case "merge":
        if (!merged) out.push(diag("CD808", w.source ?? top, { document }));
        merged = true;
        break;
    }
  }
  if (overflows) out.push(diag("CD805", overflowAt ?? top, { document, count: overflows }));
  return out;
}
