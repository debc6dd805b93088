/**
 * Worker-thread entry (bundled to dist/build-worker.cjs, started by tinypool) for the two commands
 * that spread large inputs over both cores: `build`, `check` and `summary`.
 */
import { runBuildTask, type BuildTask } from "./build-task.js";
import { runCheckTask, type CheckTask } from "./check-task.js";
import { runSummaryTask, type SummaryTask } from "./summary-task.js";

export default function worker(task: BuildTask | CheckTask | SummaryTask) {
  if ("kind" in task && task.kind === "summary") return runSummaryTask(task);
  return "kind" in task && task.kind === "check" ? runCheckTask(task) : runBuildTask(task as BuildTask);
}
