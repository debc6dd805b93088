/**
 * Spreading tasks over worker threads (tinypool) for large inputs; the worker script is the bundled
 * dist/build-worker.cjs beside the bundled CLI. When it is missing (tests run the TypeScript sources)
 * or when there is little to do, callers run their tasks in this thread instead.
 */
import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * tinypool is an ES module outside the bundle. The bundle runs compiled by src/cli/launcher.ts
 * through vm.Script, where import() has no loader once V8's code cache is used; the launcher then
 * lends its own import() as globalThis.__chamdiemImport.
 */
function importTinypool(): Promise<typeof import("tinypool")> {
  const lent = (globalThis as { __chamdiemImport?: (specifier: string) => Promise<unknown> }).__chamdiemImport;
  return (lent ? lent("tinypool") : import("tinypool")) as Promise<typeof import("tinypool")>;
}

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

/**
 * Heap limits of a build worker (MB): 56 old / 24 young generation, chosen by measurement (the figures
 * are in docs/performance.md, "Worker heap limits"). A task that needs more runs out of memory in its
 * worker and is run again on the main thread, whose heap is not limited (see runOnPool).
 * CHAMDIEM_WORKER_HEAP=OLD/YOUNG overrides them (0 = no limits); values are raised to at least 16/2,
 * below which a worker cannot even load its code (and tinypool then fails badly, not per task).
 */
export function workerHeapLimits(env: NodeJS.ProcessEnv = process.env): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } | undefined {
  const m = /^(\d+)(?:\/(\d+))?$/.exec(env.CHAMDIEM_WORKER_HEAP ?? "");
  if (m && Number(m[1]) === 0) return undefined;
  const old = Math.max(16, m ? Number(m[1]) : 56);
  const young = Math.max(2, m?.[2] ? Number(m[2]) : 24);
  return { maxOldGenerationSizeMb: old, maxYoungGenerationSizeMb: young };
}

const isOutOfMemory = (e: unknown) => (e as { code?: string } | null)?.code === "ERR_WORKER_OUT_OF_MEMORY";

/**
 * Run every task on `jobs` worker threads; results come back in task order. With `heapLimits`, a
 * task whose worker runs out of memory is run again by `runHere` on this thread.
 */
export async function runOnPool<T, R>(
  worker: string,
  jobs: number,
  tasks: readonly T[],
  onDone: (task: T, result: R) => void = () => {},
  options: { heapLimits?: ReturnType<typeof workerHeapLimits>; runHere?: (task: T) => Promise<R>; onOutOfMemory?: (task: T) => void } = {},
): Promise<R[]> {
  const { Tinypool } = await importTinypool();
  const pool = new Tinypool({
    filename: worker,
    minThreads: Math.min(jobs, 2),
    maxThreads: jobs,
    isolateWorkers: false,
    ...(options.heapLimits ? { resourceLimits: options.heapLimits } : {}),
  });
  // A worker that runs out of memory fails the task it was running; one that fails while idle or
  // starting (its heap too small even to load the code) is reported by the pool itself, and the
  // pool then starts no more workers: every task still waiting is run here.
  let poolFailed!: (e: unknown) => void;
  const failure = new Promise<never>((_, reject) => (poolFailed = reject));
  failure.catch(() => {});
  pool.on("error", (e: unknown) => poolFailed(e));
  try {
    return await Promise.all(
      tasks.map(async (t) => {
        let r: R;
        const viaPool = pool.run(t) as Promise<R>;
        viaPool.catch(() => {}); // settled below, or abandoned after a pool failure
        try {
          r = await Promise.race([viaPool, failure]);
        } catch (e) {
          if (!isOutOfMemory(e) || !options.runHere) throw e;
          options.onOutOfMemory?.(t);
          r = await options.runHere(t);
        }
        onDone(t, r);
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
  const { Tinypool } = await importTinypool();
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
