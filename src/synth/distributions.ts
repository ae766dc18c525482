/**
 * Draws from the distributions the synthetic generators need, on top of a seeded {@link Rng}.
 */
import type { Rng } from "./rng.js";

/**
 * A uniform draw in [a, b).
 * @example uniform(rng, 0.2, 0.8);
 */
export function uniform(rng: Rng, a: number, b: number): number {
  return a + (b - a) * rng.next();
}

/**
 * A normal draw with mean `mu` and standard deviation `sd`.
 * @example normal(rng, 0, 0.3);
 */
export function normal(rng: Rng, mu: number, sd: number): number {
  return mu + sd * rng.normal();
}

/**
 * True with probability p.
 * @example if (bernoulli(rng, 0.25)) { … }
 */
export function bernoulli(rng: Rng, p: number): boolean {
  return rng.next() < p;
}

/**
 * One element of a non-empty array, uniformly.
 * @example pick(rng, ["有限公司", "股份有限公司"]);
 */
export function pick<T>(rng: Rng, items: readonly T[]): T {
  if (items.length === 0) throw new Error("pick: the list is empty");
  return items[rng.int(items.length)];
}

/**
 * An index drawn with probability proportional to `weights` (non-negative, not all zero).
 * @example weightedIndex(rng, [0.6, 0.3, 0.1]); // 0 with probability 0.6
 */
export function weightedIndex(rng: Rng, weights: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += weights[i];
  if (!(total > 0)) throw new Error("weightedIndex: the weights must be non-negative and not all zero");
  let u = rng.next() * total;
  for (let i = 0; i < weights.length; i++) {
    u -= weights[i];
    if (u < 0) return i;
  }
  return weights.length - 1;
}

/**
 * A Poisson draw (inversion for small means, a rounded normal approximation above 50).
 * @example poisson(rng, 3.5);
 */
export function poisson(rng: Rng, lambda: number): number {
  if (!(lambda >= 0)) throw new Error(`poisson: the mean must be ≥ 0, got ${lambda}`);
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.normal()));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng.next();
  while (p > limit) {
    k++;
    p *= rng.next();
  }
  return k;
}

/**
 * A gamma draw with the given shape (scale 1), by Marsaglia and Tsang.
 * @example gamma(rng, 2); // mean 2
 */
export function gamma(rng: Rng, shape: number): number {
  if (!(shape > 0)) throw new Error(`gamma: the shape must be > 0, got ${shape}`);
  if (shape < 1) return gamma(rng, shape + 1) * rng.next() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = rng.normal();
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = rng.next();
    if (u < 1 - 0.0331 * x ** 4 || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * Proportions drawn from a Dirichlet distribution with parameters `alpha`.
 * @example dirichlet(rng, [2, 1, 1]); // three shares summing to 1
 */
export function dirichlet(rng: Rng, alpha: readonly number[]): Float64Array {
  const out = new Float64Array(alpha.length);
  let total = 0;
  for (let i = 0; i < alpha.length; i++) {
    out[i] = gamma(rng, alpha[i]);
    total += out[i];
  }
  for (let i = 0; i < alpha.length; i++) out[i] /= total;
  return out;
}

/**
 * Shuffle an array in place (Fisher–Yates) and return it.
 * @example shuffle(rng, [1, 2, 3]);
 */
export function shuffle<T>(rng: Rng, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    const t = items[i];
    items[i] = items[j];
    items[j] = t;
  }
  return items;
}
