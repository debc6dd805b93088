/**
 * The compose stage's diagnostics without fonts: what composing the two documents reports about an
 * assessment (unknown or unfillable {{…}} placeholders CD601/CD602, Markdown the documents cannot
 * print CD603–CD608, unused link definitions CD610, the "Như trên" recipient CD609). `check` and
 * `summary` report these as `build` does, so a file `check` passes is a file `build` builds.
 *
 * They depend on the text only, never on widths (compose measures text for rule lengths and column
 * fitting alone), so a rough measurer serves; `build` takes the same diagnostics from composing the
 * real documents (pipeline/render.ts) and runs the checks with `compose: false`.
 */
import { DOCUMENTS } from "../compose/index.js";
import type { Diagnostic } from "../diagnostics/diagnostic.js";
import type { MeasureText } from "../document/model.js";
import { VI_NUMBERS } from "../model/points.js";
import type { ScoredAssessment } from "../model/scored.js";

/** Half an em per character: any positive width does (see above). */
const roughMeasure: MeasureText = (text, style) => text.length * style.size * 0.5;

export function composeDiagnostics(scored: ScoredAssessment): Diagnostic[] {
  const opts = { measure: roughMeasure, numbers: VI_NUMBERS, date: "1980-01-01T00:00:00.000Z" };
  return DOCUMENTS.flatMap((d) => d.compose(scored, opts).diagnostics);
}
