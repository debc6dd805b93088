/**
 * Worker-thread entry (bundled to dist/build-worker.cjs, started by tinypool) for the two commands
 * that spread large inputs over both cores: `build` and `check`.
 */
import { runBuildTask, type BuildTask } from "./build-task.js";
import { runCheckTask, type CheckTask } from "./check-task.js";

export default function worker(task: BuildTask | CheckTask) {
  return "kind" in task && task.kind === "check" ? runCheckTask(task) : runBuildTask(task as BuildTask);
}
