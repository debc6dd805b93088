/**
 * A progress bar on a terminal when there is more than a handful to do; nothing otherwise (the
 * per-assessment lines printed at the end are the plain, log-friendly output).
 */
import type { Cli } from "./context.js";

const HANDFUL = 5;

export function progress(cli: Cli, total: number): { advance(n: number): void; done(): void } {
  if (!cli.isTTY || total <= HANDFUL || cli.format !== "text") return { advance() {}, done() {} };
  let doneCount = 0;
  const width = 30;
  const draw = () => {
    const filled = Math.round((doneCount / total) * width);
    process.stderr.write(`\r${cli.m.building} [${"█".repeat(filled)}${"·".repeat(width - filled)}] ${doneCount}/${total}`);
  };
  draw();
  return {
    advance(n) {
      doneCount += n;
      draw();
    },
    done() {
      process.stderr.write("\r\u001b[2K");
    },
  };
}
