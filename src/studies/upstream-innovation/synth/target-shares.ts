/**
 * Target robot-import shares of the cities: a few large cities import most robots (shares ∝
 * size^concentration above an even floor), but no city's share may be too small to take the
 * instrument's swings at the common first-stage slope π, so such cities are lifted to
 * π·max|z̃_j| / swing and the others scaled down in proportion (the shares still sum to one).
 */

/**
 * Shares ∝ size^concentration above an even floor (Σ = 1).
 * @example sizedShares([4, 1, 1], 2.5, 0.22); // the first city takes most
 */
export function sizedShares(sizes: readonly number[], concentration: number, floor: number): number[] {
  const J = sizes.length;
  const weight = sizes.map((s) => s ** concentration);
  const total = weight.reduce((a, w) => a + w, 0);
  return weight.map((w) => floor / J + ((1 - floor) * w) / total);
}

/**
 * max(a·sized_j, minimum_j) with a set so that the shares sum to one.
 * @example liftedShares([0.8, 0.1, 0.1], [0, 0.2, 0]); // [≈0.711, 0.2, ≈0.089]
 */
export function liftedShares(sized: readonly number[], minimum: readonly number[]): number[] {
  const floorTotal = minimum.reduce((a, m) => a + m, 0);
  if (!(floorTotal < 0.9)) {
    throw new Error(
      `the cities' instrument swings need ${floorTotal.toFixed(3)} of the robot imports at the first-stage slope; the DGP parameters leave no room`,
    );
  }
  const total = (a: number) => sized.reduce((acc, s, j) => acc + Math.max(a * s, minimum[j]), 0);
  let lo = 0;
  let hi = 1;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (total(mid) < 1) lo = mid;
    else hi = mid;
  }
  const a = (lo + hi) / 2;
  const shares = sized.map((s, j) => Math.max(a * s, minimum[j]));
  const sum = shares.reduce((acc, s) => acc + s, 0);
  return shares.map((s) => s / sum);
}
