/** Joint codes of two categorical code vectors (an interaction such as city × year). */

/**
 * Dense codes 0..G−1 of the pairs (a[i], b[i]), numbered by first appearance; −1 where either is −1.
 * @example combineCodes(Int32Array.of(0, 0, 1), Int32Array.of(0, 1, 0), 2); // { codes: [0, 1, 2], levels: 3 }
 */
export function combineCodes(
  a: Int32Array,
  b: Int32Array,
  bLevels: number,
): { codes: Int32Array; levels: number } {
  const codes = new Int32Array(a.length);
  const seen = new Map<number, number>();
  for (let i = 0; i < a.length; i++) {
    if (a[i] < 0 || b[i] < 0) {
      codes[i] = -1;
      continue;
    }
    const key = a[i] * bLevels + b[i];
    let g = seen.get(key);
    if (g === undefined) {
      g = seen.size;
      seen.set(key, g);
    }
    codes[i] = g;
  }
  return { codes, levels: seen.size };
}
