/** Worker-thread entry for `chamdiem build` (bundled to dist/build-worker.cjs; see tinypool). */
import { runBuildTask, type BuildTask } from "./build-task.js";

export default function buildWorker(task: BuildTask) {
  return runBuildTask(task);
}
