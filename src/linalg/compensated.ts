/**
 * Error-free transformations (Knuth's TwoSum, Dekker's TwoProduct) and the compensated dot product
 * Dot2 of Ogita, Rump & Oishi (2005): results as accurate as if computed in twice the working
 * precision, then rounded. Used to compute least-squares residuals for iterative refinement.
 */

const SPLITTER = 134217729; // 2^27 + 1

/**
 * Σ a_i·b_i (+ c) computed as if in double-double precision.
 * @example dot2([1e16, 1, -1e16], [1, 1, 1]); // 1
 */
export function dot2(a: ArrayLike<number>, b: ArrayLike<number>, c = 0): number {
  let s = c;
  let err = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    // TwoProduct(x, y) = p + q exactly.
    const p = x * y;
    let t = SPLITTER * x;
    const xh = t - (t - x);
    const xl = x - xh;
    t = SPLITTER * y;
    const yh = t - (t - y);
    const yl = y - yh;
    const q = xl * yl - (p - xh * yh - xl * yh - xh * yl);
    // TwoSum(s, p) = s' + r exactly.
    const s2 = s + p;
    const z = s2 - s;
    const r = s - (s2 - z) + (p - z);
    s = s2;
    err += r + q;
  }
  return s + err;
}
