/**
 * Poisson fit statistics as R's `poisson()` family and fixest report them: deviance
 * 2Σw[y·log(y/μ) − (y − μ)], log-likelihood Σw[y·log μ − μ − log y!], McFadden's pseudo R²
 * 1 − ℓ/ℓ₀ against the intercept-only model, and the squared correlation of y and μ.
 */
import gammaln from "@stdlib/math-base-special-gammaln";

/**
 * Poisson deviance (y = 0 contributes 2μ).
 * @example poissonDeviance(new Float64Array([0, 2]), new Float64Array([0.5, 2]), null); // 1
 */
export function poissonDeviance(y: Float64Array, mu: Float64Array, w: Float64Array | null): number {
  let d = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i];
    const m = mu[i];
    const t = yi > 0 ? yi * Math.log(yi / m) - (yi - m) : m;
    d += w ? w[i] * t : t;
  }
  return 2 * d;
}

/**
 * Poisson log-likelihood Σ w[y·log μ − μ − lgamma(y + 1)].
 * @example poissonLogLik(new Float64Array([1]), new Float64Array([1]), null); // −1
 */
export function poissonLogLik(y: Float64Array, mu: Float64Array, w: Float64Array | null): number {
  let ll = 0;
  for (let i = 0; i < y.length; i++) {
    const yi = y[i];
    const t = (yi > 0 ? yi * Math.log(mu[i]) : 0) - mu[i] - gammaln(yi + 1);
    ll += w ? w[i] * t : t;
  }
  return ll;
}

/**
 * Log-likelihood of the intercept-only Poisson model (μ = weighted mean of y).
 * @example poissonNullLogLik(new Float64Array([0, 2]), null); // ℓ at μ = 1
 */
export function poissonNullLogLik(y: Float64Array, w: Float64Array | null): number {
  let sw = 0;
  let swy = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i] : 1;
    sw += wi;
    swy += wi * y[i];
  }
  return poissonLogLik(y, new Float64Array(y.length).fill(swy / sw), w);
}

/**
 * Squared (weighted) correlation of y and the fitted μ.
 * @example squaredCorrelation(new Float64Array([1, 2, 3]), new Float64Array([1, 2, 3]), null); // 1
 */
export function squaredCorrelation(y: Float64Array, mu: Float64Array, w: Float64Array | null): number {
  let sw = 0;
  let sy = 0;
  let sm = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i] : 1;
    sw += wi;
    sy += wi * y[i];
    sm += wi * mu[i];
  }
  const my = sy / sw;
  const mm = sm / sw;
  let cyy = 0;
  let cmm = 0;
  let cym = 0;
  for (let i = 0; i < y.length; i++) {
    const wi = w ? w[i] : 1;
    const a = y[i] - my;
    const b = mu[i] - mm;
    cyy += wi * a * a;
    cmm += wi * b * b;
    cym += wi * a * b;
  }
  return (cym * cym) / (cyy * cmm);
}
