import type { Cli } from "../context.js";
import { runCheck } from "./check.js";

// Placeholder until the writers land later in this change: build only checks.
export function runBuild(cli: Cli): number {
  return runCheck(cli);
}
