/** Path strings as inputs name them ("/"-separated, relative or absolute): pure text, no file system. */

/** The folder of a path: "a/b/c.yaml" → "a/b"; "c.yaml" → "."; "/c.yaml" → "/". */
export function folderOf(path: string): string {
  const p = path.replace(/\\/g, "/");
  const i = p.lastIndexOf("/");
  return i < 0 ? "." : i === 0 ? "/" : p.slice(0, i);
}
