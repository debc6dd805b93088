/**
 * Finding and reading input files, through the World's file system (src/io/world.ts; node's by
 * default, src/cli/world.ts). Paths are shown relative to the working directory.
 *
 * Every input (rubric, assessment, appraisal, chamdiem.yaml, any file named on the command line) is
 * read by readInputFile, for every command: it refuses what is not a regular file (a folder, a FIFO,
 * /dev/zero…) without opening it, and a file larger than MAX_INPUT_BYTES without reading it, and turns
 * every error of the operating system into a diagnostic at file:1:1, so one bad file never stops the
 * others. The walker (findYamlFiles) follows symbolic links, never twice into the same folder.
 */
import { dirname, join, relative, resolve, sep } from "node:path";
import type { DirEntry, FileInfo, WorldFs } from "../io/world.js";
import { nodeFs } from "./world.js";
import type { InputFile } from "../pipeline/run-checks.js";
import { diag, type Arg, type Diagnostic } from "../diagnostics/diagnostic.js";
import { MAX_INPUT_BYTES } from "../read/yaml-source.js";
import { isAppraisalPath } from "../model/appraisal.js";
import { isSurveyPath, unitKeyOf } from "../model/survey.js";
import type { ListFolder } from "../review/companions.js";

const YAML_EXT = /\.ya?ml$/i;

export function displayPath(abs: string, cwd = process.cwd()): string {
  const r = relative(cwd, abs);
  return (r.startsWith("..") ? abs : r).split(sep).join("/");
}

/** Read one input file (absolute path) for any command; a problem comes back as the file's diagnostics. */
export function readInputFile(abs: string, cwd = process.cwd(), fs: WorldFs = nodeFs, list: ListFolder = (d) => listFolder(d, fs)): InputFile {
  const path = displayPath(abs, cwd);
  const fail = (d: Diagnostic): InputFile => ({ path, bytes: new Uint8Array(), diagnostics: [d] });
  const at = { file: path, line: 1, column: 1 };
  let st: FileInfo;
  try {
    st = fs.stat(abs);
  } catch (e) {
    return fail(linkProblem(abs, at, true, fs) ?? diag("CD101", at, { reason: osReason(e) }));
  }
  if (!st.isFile()) return fail(diag("CD130", at, { kind: fileKind(st) }));
  if (st.size > MAX_INPUT_BYTES) return fail(diag("CD103", at, { size: st.size, limit: MAX_INPUT_BYTES }));
  try {
    const bytes = fs.readFile(abs, MAX_INPUT_BYTES);
    // A survey file's rows name units by their assessment files: give it the folder's (CD734).
    if (isSurveyPath(abs)) return { path, bytes, folderUnits: folderUnits(dirname(abs), list) };
    return { path, bytes };
  } catch (e) {
    return fail(diag("CD101", at, { reason: osReason(e) }));
  }
}

/** The names of the regular files (or links) in a folder; empty when it cannot be listed. */
export function listFolder(dir: string, fs: WorldFs = nodeFs): string[] {
  try {
    return fs
      .readdir(dir)
      .filter((e) => e.isFile() || e.isSymbolicLink())
      .map((e) => e.name)
      .sort();
  } catch {
    return [];
  }
}

/**
 * A folder lister that lists each folder once: a command asks for the survey files beside each of its
 * assessments, and 1 000 assessments in one folder would otherwise list it 1 000 times. Made per
 * command or task (a folder does not change while one runs), never kept between runs.
 */
export function onceListing(fs: WorldFs = nodeFs): ListFolder {
  const seen = new Map<string, readonly string[]>();
  return (dir) => {
    let names = seen.get(dir);
    if (!names) {
      names = listFolder(dir, fs);
      seen.set(dir, names);
    }
    return names;
  };
}

/** The unit keys of the assessments in a folder: its YAML files that are not appraisals or surveys. */
function folderUnits(dir: string, list: ListFolder): string[] {
  return list(dir)
    .filter((n) => /\.ya?ml$/i.test(n) && !isAppraisalPath(n) && !isSurveyPath(n))
    .map(unitKeyOf);
}

export function readInputs(files: readonly string[], cwd = process.cwd(), fs: WorldFs = nodeFs, list?: ListFolder): InputFile[] {
  return files.map((f) => readInputFile(f, cwd, fs, list));
}

/** The bytes of a file for a hash (build's manifest, summary's row cache): empty when it cannot be read. */
export function bytesForHash(abs: string, fs: WorldFs = nodeFs): Uint8Array {
  return readInputFile(abs, process.cwd(), fs, () => []).bytes;
}

/**
 * Every YAML file under the given paths (files or folders), sorted, each once (a file reached through
 * a link and directly is listed once, under the first path found). Symbolic links are followed; a
 * folder already being walked is not entered again. `problems`: folders that could not be listed and
 * links that lead nowhere.
 */
export function findYamlFiles(
  paths: readonly string[],
  cwd = process.cwd(),
  fs: WorldFs = nodeFs,
): { files: string[]; missing: string[]; problems: Diagnostic[] } {
  const found = new Map<string, string>(); // real path → path as found
  const missing: string[] = [];
  const problems: Diagnostic[] = [];
  const entered = new Set<string>(); // real paths of the folders walked
  const add = (p: string, real: string) => {
    if (!found.has(real)) found.set(real, p);
  };
  /** `real`: the folder's real path; `open`: the real paths of the folders being walked (its ancestors and itself). */
  const walk = (dir: string, real: string, open: string[]) => {
    entered.add(real);
    let entries: DirEntry[];
    try {
      entries = fs.readdir(dir);
    } catch (e) {
      problems.push(diag("CD101", { file: displayPath(dir, cwd), line: 1, column: 1 }, { reason: osReason(e) }));
      return;
    }
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const p = join(dir, entry.name);
      const yaml = YAML_EXT.test(entry.name);
      if (entry.isDirectory()) {
        const r = join(real, entry.name);
        if (!entered.has(r)) walk(p, r, [...open, r]);
      } else if (entry.isFile()) {
        if (yaml) add(p, join(real, entry.name));
      } else {
        // A link, or a kind the folder listing does not say (some file systems): ask the file itself.
        let st: FileInfo;
        let r: string;
        try {
          st = fs.stat(p);
          r = entry.isSymbolicLink() ? fs.realpath(p) : join(real, entry.name);
        } catch {
          const d = linkProblem(p, { file: displayPath(p, cwd), line: 1, column: 1 }, yaml, fs);
          if (d) problems.push(d);
          continue;
        }
        if (st.isDirectory()) {
          if (open.includes(r)) problems.push(diag("CD134", { file: displayPath(p, cwd), line: 1, column: 1 }, { target: displayPath(r, cwd) }));
          else if (!entered.has(r)) walk(p, r, [...open, r]);
        } else if (yaml) {
          // A regular file, or a FIFO, a device…: readInputFile refuses what it cannot read.
          add(p, r);
        }
      }
    }
  };
  for (const p of paths) {
    const abs = resolve(cwd, p);
    let st: FileInfo;
    try {
      st = fs.stat(abs);
    } catch {
      // A link that leads nowhere is reported by reading it; a path that does not exist is a usage error.
      if (isLink(abs, fs)) add(abs, abs);
      else missing.push(p);
      continue;
    }
    let real = abs;
    try {
      real = fs.realpath(abs);
    } catch {
      // unreadable parent folders: keep the path as given
    }
    if (st.isDirectory()) {
      if (!entered.has(real)) walk(abs, real, [real]);
    } else add(abs, real);
  }
  return { files: [...found.values()].sort(), missing, problems };
}

/**
 * Rubric folders for the given files: for each file, the `rubrics` folder beside its nearest ancestor
 * that has one (content/assessments/2021/x.yaml → content/rubrics); for a file without one,
 * `content/rubrics` under the working directory. A copy of a project (copy/content/…) thus uses its
 * own rubrics, not those of the project it sits in.
 */
export function rubricDirsFor(files: readonly string[], cwd = process.cwd(), fs: WorldFs = nodeFs): string[] {
  const dirs = new Set<string>();
  const fallback = resolve(cwd, "content", "rubrics");
  let needFallback = files.length === 0;
  for (const f of files) {
    let d = dirname(f);
    let found = false;
    for (let i = 0; i < 6 && !found; i++) {
      const candidate = join(d, "rubrics");
      if (isDirectory(candidate, fs)) {
        dirs.add(candidate);
        found = true;
      }
      const parent = dirname(d);
      if (parent === d) break;
      d = parent;
    }
    if (!found) needFallback = true;
  }
  if (needFallback && isDirectory(fallback, fs)) dirs.add(fallback);
  return [...dirs].sort();
}

function isDirectory(p: string, fs: WorldFs): boolean {
  try {
    return fs.stat(p).isDirectory();
  } catch {
    return false;
  }
}

function isLink(p: string, fs: WorldFs): boolean {
  try {
    return fs.lstat(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * What is wrong with a path that cannot be followed, when it is a symbolic link: it points nowhere
 * (CD131, or CD132 as a warning for a link whose name is not a YAML file's), or links loop (CD133).
 * Undefined when the path is not a link.
 */
function linkProblem(p: string, at: Diagnostic["pos"], yaml: boolean, fs: WorldFs): Diagnostic | undefined {
  if (!isLink(p, fs)) return undefined;
  try {
    fs.stat(p);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ELOOP") return diag("CD133", at);
  }
  let target = "?";
  try {
    target = fs.readlink(p);
  } catch {
    // keep "?"
  }
  return diag(yaml ? "CD131" : "CD132", at, { target });
}

/** The kind of a file that is not a regular one, in words. */
function fileKind(st: FileInfo): Arg {
  if (st.isDirectory()) return { vi: "một thư mục", en: "a folder" };
  if (st.isFIFO()) return { vi: "một ống dẫn có tên (FIFO)", en: "a named pipe (FIFO)" };
  if (st.isCharacterDevice()) return { vi: "một thiết bị ký tự (như /dev/zero)", en: "a character device (like /dev/zero)" };
  if (st.isBlockDevice()) return { vi: "một thiết bị khối (ổ đĩa)", en: "a block device (a disk)" };
  if (st.isSocket()) return { vi: "một socket", en: "a socket" };
  return { vi: "một tệp đặc biệt", en: "a special file" };
}

/** The operating system's reason for an error, in plain words. */
export function osReason(e: unknown): Arg {
  const code = (e as NodeJS.ErrnoException | undefined)?.code ?? "";
  const reasons: Record<string, [string, string]> = {
    EACCES: ["không có quyền đọc", "permission denied"],
    EPERM: ["không có quyền đọc", "permission denied"],
    EISDIR: ["đây là một thư mục, không phải tệp", "it is a folder, not a file"],
    ENOTREG: [
      "tệp đã bị thay bằng một thứ không phải tệp thông thường trong lúc đọc",
      "the file was replaced by something that is not a regular file while it was read",
    ],
    ENOENT: ["tệp không còn nữa (bị xóa hoặc đổi tên trong lúc đọc)", "the file is gone (deleted or renamed while it was read)"],
    ENOTDIR: ["một phần của đường dẫn không phải thư mục", "a part of the path is not a folder"],
    ENAMETOOLONG: ["đường dẫn quá dài", "the path is too long"],
    ELOOP: ["các liên kết tượng trưng lặp vòng", "symbolic links loop"],
    EIO: ["lỗi đọc ghi của ổ đĩa (EIO); kiểm tra ổ đĩa hoặc ổ mạng", "input/output error of the disk (EIO); check the disk or network drive"],
    EBUSY: ["tệp đang bị chương trình khác khóa", "the file is locked by another program"],
    EMFILE: ["mở quá nhiều tệp cùng lúc", "too many files are open"],
    ENFILE: ["mở quá nhiều tệp cùng lúc", "too many files are open"],
    ETIMEDOUT: ["ổ mạng không trả lời", "the network drive does not answer"],
    EHOSTDOWN: ["ổ mạng không trả lời", "the network drive does not answer"],
    ESTALE: ["ổ mạng đã ngắt kết nối", "the network drive was disconnected"],
    EAGAIN: ["tệp tạm thời không đọc được", "the file cannot be read right now"],
  };
  const r = reasons[code];
  if (r) return { vi: r[0], en: r[1] };
  return code ? { vi: `lỗi hệ thống ${code}`, en: `system error ${code}` } : { vi: "lỗi hệ thống không rõ", en: "unknown system error" };
}

/** Something is at the path, even a broken link or a folder: reading it then says what is wrong. */
export function pathExists(p: string, fs: WorldFs = nodeFs): boolean {
  try {
    fs.lstat(p);
    return true;
  } catch {
    return false;
  }
}
