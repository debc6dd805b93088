/**
 * The outside world as chamdiem sees it: the files, git, the clock and the environment variables, in
 * one interface (as typst's `World` or pandoc's `PandocMonad`). The CLI builds the real one
 * (src/cli/world.ts) and hands each function the part it needs; a test passes its own (a file that
 * cannot be read, a git that fails, a fixed clock). Only types here: no module outside src/cli/
 * touches the outside world itself (test/architecture.test.ts checks it).
 */

/** What a look at a path says (node's fs.Stats has this shape). */
export interface FileInfo {
  readonly size: number;
  /** Last modification, in milliseconds (node's Stats have it; a test's world may leave it out). */
  readonly mtimeMs?: number;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}

/** One entry of a folder listing (node's fs.Dirent has this shape). */
export interface DirEntry {
  readonly name: string;
  isFile(): boolean;
  isDirectory(): boolean;
  isSymbolicLink(): boolean;
}

export interface WorldFs {
  /** Follows symbolic links. */
  stat(path: string): FileInfo;
  /** Does not follow them: a broken link is still something at the path. */
  lstat(path: string): FileInfo;
  /** The bytes of a regular file, at most `limit` + 1 of them (an error for anything else). */
  readFile(path: string, limit: number): Uint8Array;
  readdir(path: string): DirEntry[];
  /** The path with every symbolic link resolved. */
  realpath(path: string): string;
  /** Where a symbolic link points, as written in it. */
  readlink(path: string): string;
}

/** What one git command did. */
export interface GitResult {
  /** The exit status; undefined when git could not be started (`error` says why). */
  status: number | undefined;
  stdout: Uint8Array;
  stderr: string;
  error?: string;
}

/** Runs `git ARGS` in the folder `cwd`, with `input` on its standard input. */
export type RunGit = (cwd: string, args: readonly string[], input?: string | Uint8Array) => GitResult;

export interface Clock {
  /** Milliseconds since 1970-01-01 (Date.now). Never written into a document: their dates come from the data. */
  now(): number;
}

/** The environment variables (process.env). */
export type Env = Readonly<Record<string, string | undefined>>;

export interface World {
  fs: WorldFs;
  git: RunGit;
  clock: Clock;
  env: Env;
}
