/**
 * Cholesky factorisation L·Lᵀ of a symmetric positive semi-definite matrix stored by its envelope
 * (skyline): row i keeps its entries from column first[i] to the diagonal. Fill stays inside the
 * envelope, so after a bandwidth-reducing ordering (rcm.ts) the factor costs about Σ width².
 * A pivot that falls to (numerically) zero marks a redundant variable: its column of L is set to
 * zero and the solves give it the value 0, which solves any consistent singular system (e.g. a graph
 * Laplacian, whose null space holds one constant per connected component).
 */

/** Relative size under which a pivot counts as zero (redundant variable). */
const ZERO_PIVOT = 1e-9;

export interface Envelope {
  readonly n: number;
  /** First stored column of each row (≤ the row index). */
  readonly first: Int32Array;
  /** Offset of row i's first stored entry in `values`. */
  readonly rowStart: Float64Array;
  /** Below-diagonal entries, row after row. */
  readonly values: Float64Array;
  readonly diag: Float64Array;
}

/**
 * An empty envelope for the given first columns (entries then filled by the caller).
 * @example const env = makeEnvelope(Int32Array.of(0, 0, 1));
 */
export function makeEnvelope(first: Int32Array): Envelope {
  const n = first.length;
  const rowStart = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) rowStart[i + 1] = rowStart[i] + (i - first[i]);
  return { n, first, rowStart, values: new Float64Array(rowStart[n]), diag: new Float64Array(n) };
}

/**
 * Factor in place (values and diag become L's); returns how many pivots were zero (redundant variables).
 * @example const redundant = choleskyInPlace(env);
 */
export function choleskyInPlace(env: Envelope): number {
  const { n, first, rowStart, values: v, diag } = env;
  let zero = 0;
  for (let i = 0; i < n; i++) {
    const fi = first[i];
    const bi = rowStart[i] - fi;
    let sq = 0;
    for (let j = fi; j < i; j++) {
      const fj = first[j];
      const bj = rowStart[j] - fj;
      let s = v[bi + j];
      for (let k = Math.max(fi, fj); k < j; k++) s -= v[bi + k] * v[bj + k];
      const l = diag[j] > 0 ? s / diag[j] : 0;
      v[bi + j] = l;
      sq += l * l;
    }
    const a = diag[i];
    const d = a - sq;
    if (d > ZERO_PIVOT * Math.abs(a) && d > 0) diag[i] = Math.sqrt(d);
    else {
      diag[i] = 0;
      zero++;
    }
  }
  return zero;
}

/**
 * Solve L·Lᵀ x = b in place (b becomes x); redundant variables get 0.
 * @example choleskySolve(env, rhs);
 */
export function choleskySolve(env: Envelope, b: Float64Array): void {
  const { n, first, rowStart, values: v, diag } = env;
  for (let i = 0; i < n; i++) {
    const fi = first[i];
    const bi = rowStart[i] - fi;
    let s = b[i];
    for (let j = fi; j < i; j++) s -= v[bi + j] * b[j];
    b[i] = diag[i] > 0 ? s / diag[i] : 0;
  }
  for (let i = n - 1; i >= 0; i--) {
    const xi = diag[i] > 0 ? b[i] / diag[i] : 0;
    b[i] = xi;
    if (xi === 0) continue;
    const fi = first[i];
    const bi = rowStart[i] - fi;
    for (let j = fi; j < i; j++) b[j] -= v[bi + j] * xi;
  }
}
