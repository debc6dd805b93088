/** The nodes of a scored tree by id, for tests that look rows up (src/model/scored.ts walkScored). */
import { walkScored, type ScoredAssessment, type ScoredNode } from "../../src/model/scored.js";

export function scoredById(s: ScoredAssessment): Map<string, ScoredNode> {
  return new Map([...walkScored(s.items)].map((n) => [n.node.id, n]));
}
