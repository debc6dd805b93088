import type { CatalogEntry } from "./types.js";

/** CD130–CD149: what the file system says about an input (kinds of file, limits, links), beside input.ts. */
export const FILE_CODES = {} satisfies Record<string, CatalogEntry>;
