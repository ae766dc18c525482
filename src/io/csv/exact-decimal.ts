/**
 * The correctly rounded double of a decimal with 16 to 19 significant digits and 1 to 22 decimal
 * places — what R and JavaScript print for doubles (`2.691321626931894`) — without a string and
 * `Number` (which cost most of a CSV read). The digits `M = H·10^k + L` are formed exactly as a
 * double-double (Dekker's exact product), divided by the exact power of ten `P`, and the remainder
 * `M − q·P` decides between the quotient `q` and its neighbours. When the remainder comes too close
 * to half a unit in the last place to decide, or `q` is a power of two, the answer is NaN and the
 * caller uses `Number` instead: never a wrong last bit.
 */

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter
const POW10 = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);
const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
/** How close (relative to one unit in the last place) the remainder may come to the midpoint. */
const MARGIN = 2 ** -30;

/**
 * The double nearest to `(hi·10^k + lo) / 10^places`, where `hi` has 15 digits, `lo < 10^k`,
 * `1 ≤ k ≤ 4` and `1 ≤ places ≤ 22`; NaN when it cannot be decided cheaply.
 * @example decimalToDouble(269132162693189, 4, 1, 15) // => 2.691321626931894
 */
export function decimalToDouble(hi: number, lo: number, k: number, places: number): number {
  const P = POW10[places];
  // M = H·10^k + L exactly, as mh + ml (all integers: exact sums)
  const t = POW10[k];
  const p = hi * t;
  const pe = twoProductError(hi, t, p);
  const mh = p + lo;
  const bv = mh - p;
  const se = p - (mh - bv) + (lo - bv);
  const ml = pe + se;
  const q = mh / P;
  // r = M − q·P: mh − qp is exact (Sterbenz), the rest is small
  const qp = q * P;
  const qpe = twoProductError(q, P, qp);
  const r = mh - qp - qpe + ml;
  const rest = r / P;
  f64[0] = q;
  const high = u32[1];
  if ((high & 0xfffff) === 0 && u32[0] === 0) return Number.NaN; // a power of two: uneven neighbours
  const exponent = (high >>> 20) & 0x7ff;
  if (exponent <= 53) return Number.NaN;
  u32[1] = (exponent - 52) << 20;
  u32[0] = 0;
  const ulp = f64[0];
  const half = ulp / 2;
  const off = Math.abs(rest);
  if (off < half * (1 - MARGIN)) return q;
  if (off > half * (1 + MARGIN) && off < ulp * (1.5 - MARGIN)) return rest > 0 ? q + ulp : q - ulp;
  return Number.NaN;
}

/** The rounding error of the product `a·b` whose rounded value is `p` (Dekker, without FMA). */
function twoProductError(a: number, b: number, p: number): number {
  let c = SPLIT * a;
  const ah = c - (c - a);
  const al = a - ah;
  c = SPLIT * b;
  const bh = c - (c - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

const TWO_53 = 2 ** 53;

/**
 * The double of a decimal read as its first 15 significant digits `mantissa`, the next
 * `significant − 15` (at most 4) in `tail`, and the power of ten `scale` of its last digit; NaN
 * where no cheap way is exact (the caller then uses `Number` on the text). Up to 15 digits and a
 * power within ±22: Clinger's fast path (both factors exact, one correctly rounded operation); 16–19
 * digits below 2^53 with up to 22 places: the digits are an exact double, one correctly rounded
 * division; above 2^53, {@link decimalToDouble}.
 * @example digitsToDouble(3, 125, 0, -2) // => 1.25
 */
export function digitsToDouble(significant: number, mantissa: number, tail: number, scale: number): number {
  if (significant === 0) return 0;
  if (significant <= 15 && scale >= -22 && scale <= 22)
    return scale >= 0 ? mantissa * POW10[scale] : mantissa / POW10[-scale];
  if (significant > 19 || scale >= 0 || scale < -22) return Number.NaN;
  const m = mantissa * POW10[significant - 15] + tail;
  return m < TWO_53 ? m / POW10[-scale] : decimalToDouble(mantissa, tail, significant - 15, -scale);
}
