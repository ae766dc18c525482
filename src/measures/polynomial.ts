/**
 * Full polynomial expansions used by the production-function first stages.
 */

/**
 * Every monomial of total degree 1…degree in the given variables (no constant), ordered by degree
 * and then lexicographically in the variables' exponents (first variable highest first): for
 * (k, m) and degree 3 that is k, m, k², k·m, m², k³, k²·m, k·m², m³ — the terms `levpet` uses.
 * @example polynomialTerms([k, m], 2).length; // 5
 */
export function polynomialTerms(vars: readonly Float64Array[], degree: number): Float64Array[] {
  if (!Number.isInteger(degree) || degree < 1) {
    throw new Error(`polynomialTerms: degree must be a positive integer, got ${degree}`);
  }
  const n = vars.length ? vars[0].length : 0;
  const out: Float64Array[] = [];
  for (let d = 1; d <= degree; d++) {
    for (const exps of exponentVectors(vars.length, d)) {
      const col = new Float64Array(n).fill(1);
      exps.forEach((e, v) => {
        for (let p = 0; p < e; p++) {
          const x = vars[v];
          for (let i = 0; i < n; i++) col[i] *= x[i];
        }
      });
      out.push(col);
    }
  }
  return out;
}

/** Exponent vectors of length `k` summing to `d`, first component descending. */
function exponentVectors(k: number, d: number): number[][] {
  if (k === 1) return [[d]];
  const out: number[][] = [];
  for (let e = d; e >= 0; e--) for (const rest of exponentVectors(k - 1, d - e)) out.push([e, ...rest]);
  return out;
}

/**
 * Number of monomials of total degree 1…degree in `vars` variables: C(vars + degree, degree) − 1.
 * @example polynomialTermCount(3, 3); // 19
 */
export function polynomialTermCount(vars: number, degree: number): number {
  let c = 1;
  for (let j = 1; j <= degree; j++) c = (c * (vars + j)) / j;
  return Math.round(c) - 1;
}
