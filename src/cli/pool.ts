/**
 * Spreading tasks over worker threads (tinypool) for large inputs; the worker script is the bundled
 * dist/build-worker.cjs beside the bundled CLI. When it is missing (tests run the TypeScript sources)
 * or when there is little to do, callers run their tasks in this thread instead.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export function workerScript(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  const candidate = join(dirname(here), "build-worker.cjs");
  return here.endsWith(".cjs") && existsSync(candidate) ? candidate : undefined;
}

export function jobCount(flag: string | undefined): number {
  return Math.max(1, Number(flag ?? availableParallelism()) || 1);
}

/** Split items into chunks small enough to balance `jobs` threads, at most `max` each. */
export function chunked<T>(items: readonly T[], jobs: number, max: number): T[][] {
  const size = Math.max(1, Math.min(max, Math.ceil(items.length / (jobs * 4))));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Run every task on `jobs` worker threads; results come back in task order. */
export async function runOnPool<T, R>(worker: string, jobs: number, tasks: readonly T[], onDone: (task: T) => void = () => {}): Promise<R[]> {
  const { Tinypool } = await import("tinypool");
  // No resourceLimits: capping each worker's heap (96–192 MB old space, tried with `npm run bench`)
  // brought a 1 000-assessment build under 300 MB but made it 30–80 % slower (more full GCs).
  const pool = new Tinypool({ filename: worker, minThreads: Math.min(jobs, 2), maxThreads: jobs, isolateWorkers: false });
  try {
    return await Promise.all(
      tasks.map(async (t) => {
        const r = (await pool.run(t)) as R;
        onDone(t);
        return r;
      }),
    );
  } finally {
    await pool.destroy();
  }
}

/**
 * Run tasks on `jobs - 1` worker threads and on this thread too, all taking from one queue; results
 * come back in task order. For `check` and `summary`, whose tasks are short: a worker beside the
 * (otherwise idle) main thread saves a third V8 isolate to warm up and to hold in memory (measured on
 * 1 000 assessments: check 5,6 s / 324 MB against 6,2 s / 364 MB with two workers). For `build`, whose
 * main thread also writes files and reports progress, two workers measured slightly faster.
 */
export async function runShared<T, R>(
  worker: string,
  jobs: number,
  tasks: readonly T[],
  runHere: (task: T) => Promise<R>,
  onDone: (task: T) => void = () => {},
): Promise<R[]> {
  const { Tinypool } = await import("tinypool");
  const threads = Math.max(1, jobs - 1);
  const pool = new Tinypool({
    filename: worker,
    minThreads: threads,
    maxThreads: threads,
    isolateWorkers: false,
  });
  const results = new Array<R>(tasks.length);
  let next = 0;
  const viaWorker = async () => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = (await pool.run(tasks[i])) as R;
      onDone(tasks[i]!);
    }
  };
  try {
    const workers = Array.from({ length: threads }, viaWorker);
    while (next < tasks.length) {
      const i = next++;
      results[i] = await runHere(tasks[i]!);
      onDone(tasks[i]!);
      // Let the workers' messages in between two local tasks, so they never wait for a new one.
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(workers);
    return results;
  } finally {
    await pool.destroy();
  }
}
