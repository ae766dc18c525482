/**
 * Simulated gross-output firm panels for the production-function tests. Not a test file itself.
 */
import { createRng } from "../../src/measures/rng.js";

/**
 * A gross-output panel with ACF timing: productivity ω is AR(1) (ρ = 0.7); capital is decided at
 * t−1; labour at t−1 from a persistent wage plus an error realised at t; materials are flexible,
 * cost-minimising given (k, l, ω) at a firm-specific materials price p that is more persistent than
 * ω (AR(1), 0.97, s.d. 0.3) — the variation that identifies the gross-output elasticities. Output
 * y = 0.25·l + 0.1·k + 0.6·m + ω + ε (ε ~ N(0, 0.1²), measurement error). Price takers: materials
 * expenditure exp(m + p) = 0.6·exp(y − ε), so the true markup is 1 everywhere. `bm` changes the materials elasticity (0.6 by default).
 */
export function simulateGrossOutput(seed: number, firms: number, years: number, bm = 0.6) {
  const rng = createRng(seed);
  const [bl, bk] = [0.25, 0.1];
  const burn = 20;
  const n = firms * years;
  const s = {
    y: new Float64Array(n),
    l: new Float64Array(n),
    k: new Float64Array(n),
    m: new Float64Array(n),
    cost: new Float64Array(n),
    id: new Int32Array(n),
    year: new Float64Array(n),
  };
  let r = 0;
  for (let f = 0; f < firms; f++) {
    const level = 2 + 0.5 * rng.normal();
    let omega = 0.28 * rng.normal();
    let k = level + 0.5 * rng.normal();
    let wage = 0.2 * rng.normal();
    let p = 0.3 * rng.normal();
    for (let t = 0; t < burn + years; t++) {
      const kNext = 0.8 * k + 0.2 * level + 0.4 * omega + 0.3 * rng.normal();
      const lPlanned = 0.5 + 0.6 * k + 0.5 * omega - 0.8 * wage;
      const omegaNext = 0.7 * omega + 0.2 * rng.normal();
      wage = 0.7 * wage + 0.15 * rng.normal();
      p = 0.97 * p + 0.3 * Math.sqrt(1 - 0.97 ** 2) * rng.normal();
      k = kNext;
      omega = omegaNext;
      const l = lPlanned + 0.1 * rng.normal();
      const m = (Math.log(bm) + bl * l + bk * k + omega - p) / (1 - bm);
      if (t < burn) continue;
      s.y[r] = bl * l + bk * k + bm * m + omega + 0.1 * rng.normal();
      s.l[r] = l;
      s.k[r] = k;
      s.m[r] = m;
      s.cost[r] = Math.exp(m + p);
      s.id[r] = f;
      s.year[r] = 2000 + t - burn;
      r++;
    }
  }
  return s;
}
