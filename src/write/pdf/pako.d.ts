/** The one function of pako (pdf-lib's deflate) that src/write/pdf/index.ts replaces. */
declare module "pako" {
  export function deflate(data: Uint8Array): Uint8Array;
}
