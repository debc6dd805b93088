import type { CatalogEntry } from "./types.js";

export const BUILD_CODES = {} satisfies Record<string, CatalogEntry>;
