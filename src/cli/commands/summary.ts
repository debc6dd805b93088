import type { Cli } from "../context.js";
export function runSummary(cli: Cli): number {
  void cli;
  return 0;
}
