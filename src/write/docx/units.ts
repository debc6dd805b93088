/** Unit conversions from the document model (twips, points) to WordprocessingML. */

/** Font size in points → half-points (w:sz). */
export const halfPoints = (pt: number): number => Math.round(pt * 2);

/** Border width in points → eighths of a point (w:sz of a border), at least the thinnest line Word draws. */
export const borderEighths = (pt: number): number => Math.max(2, Math.round(pt * 8));

/** Line spacing as a multiple of single → w:line in 240ths (lineRule "auto"). */
export const autoLine = (multiple: number): number => Math.round(240 * multiple);
