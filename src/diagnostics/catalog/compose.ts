import type { CatalogEntry } from "./types.js";

export const COMPOSE_CODES = {} satisfies Record<string, CatalogEntry>;
