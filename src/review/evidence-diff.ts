/**
 * What changed in an assessment's evidence folder (docs/evidence.md) between two sides of `chamdiem diff`:
 * files added, removed, changed (other content under the same name) and renamed (the same content under
 * another name). Pure: the CLI lists each side (src/cli/commands/diff.ts) and hands the listings here.
 *
 * Files are identified by their git blob id, which both sides can give cheaply: a revision lists it
 * (`git ls-tree`), the working tree computes it from the bytes. A file kept in Git LFS is stored as a
 * pointer whose blob changes whenever the content does, so comparing blobs works for it too between
 * revisions; against the working tree (which holds the content, not the pointer) the pointer's SHA-256
 * is compared with the content's.
 */

/** One evidence file as one side has it. */
export interface EvidenceEntry {
  /** The file name as listed (no folder). */
  name: string;
  /** The git blob id of the file as stored (for an LFS file: of its pointer). */
  blob: string;
  /** SHA-256 of the content when known: the working tree's bytes, or the oid an LFS pointer names. */
  sha256?: string;
}

/** The changes of one evidence folder; names as the side that has the file lists them. */
export interface EvidenceChanges {
  /** The evidence folder on the old side (absent when the assessment is new) and on the new side. */
  oldFolder?: string;
  folder?: string;
  added: string[];
  removed: string[];
  /** Same name (after NFC), other content. */
  changed: string[];
  /** Same content, another name. */
  renamed: { from: string; to: string }[];
}

const nfc = (s: string) => s.normalize("NFC");
const byName = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function sameContent(a: EvidenceEntry, b: EvidenceEntry): boolean {
  return a.blob === b.blob || (a.sha256 !== undefined && a.sha256 === b.sha256);
}

/** The changes from one listing to the other (either may be empty: the folder or the assessment is absent). */
export function diffEvidence(before: readonly EvidenceEntry[], after: readonly EvidenceEntry[]): EvidenceChanges {
  const oldByName = new Map(before.map((e) => [nfc(e.name), e]));
  const newByName = new Map(after.map((e) => [nfc(e.name), e]));
  const changed: string[] = [];
  const added: EvidenceEntry[] = [];
  for (const [key, e] of newByName) {
    const o = oldByName.get(key);
    if (!o) added.push(e);
    else if (!sameContent(o, e)) changed.push(e.name);
  }
  const removed = [...oldByName].filter(([key]) => !newByName.has(key)).map(([, e]) => e);
  // A removed file whose content reappears under a new name was renamed (each file pairs once).
  removed.sort((a, b) => byName(nfc(a.name), nfc(b.name)));
  added.sort((a, b) => byName(nfc(a.name), nfc(b.name)));
  const renamed: EvidenceChanges["renamed"] = [];
  const gone: string[] = [];
  for (const r of removed) {
    const i = added.findIndex((a) => sameContent(r, a));
    if (i < 0) gone.push(r.name);
    else renamed.push({ from: r.name, to: added.splice(i, 1)[0]!.name });
  }
  return { added: added.map((a) => a.name), removed: gone, changed: changed.sort((a, b) => byName(nfc(a), nfc(b))), renamed };
}

export function isEmptyEvidenceChanges(c: EvidenceChanges): boolean {
  return c.added.length + c.removed.length + c.changed.length + c.renamed.length === 0;
}

const POINTER = /^version https:\/\/git-lfs\.github\.com\/spec\/v1\n(?:[^\n]*\n)*?oid sha256:([0-9a-f]{64})\n/;

/** Pointers are small text files (the spec says under 1024 bytes): larger blobs need not be read. */
export const LFS_POINTER_MAX = 1024;

/** The SHA-256 of the content a Git LFS pointer stands for, or undefined when the bytes are not a pointer. */
export function lfsPointerOid(bytes: Uint8Array): string | undefined {
  if (bytes.length >= LFS_POINTER_MAX || bytes.length < 40) return undefined;
  return POINTER.exec(new TextDecoder().decode(bytes))?.[1];
}
