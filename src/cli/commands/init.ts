import type { Cli } from "../context.js";
export function runInit(cli: Cli): number {
  void cli;
  return 0;
}
