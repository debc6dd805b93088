// esbuild inject: gives bundled CommonJS code a working import.meta.url.
export const __chamdiem_import_meta_url = require("node:url").pathToFileURL(__filename).href;
