import type { CatalogEntry } from "./types.js";

export const REVIEW_CODES = {} satisfies Record<string, CatalogEntry>;
