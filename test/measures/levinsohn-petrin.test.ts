import { describe, expect, it } from "vitest";
import { levinsohnPetrin } from "../../src/measures/levinsohn-petrin.js";
import { LP_TRUTH, type SimPanel, simulateLpPanel } from "./simulate.js";

const inputOf = (p: SimPanel) => ({
  va: p.va,
  labor: p.labor,
  capital: p.capital,
  proxy: p.proxy,
  id: p.id,
  time: p.time,
});

/** Independent OLS by Gaussian elimination on the normal equations (test-only reference). */
function ols(cols: Float64Array[], y: Float64Array): { coef: number[]; fitted: Float64Array } {
  const k = cols.length;
  const n = y.length;
  const a = Array.from({ length: k }, (_, i) => {
    const row = new Array<number>(k + 1).fill(0);
    for (let j = 0; j < k; j++) for (let r = 0; r < n; r++) row[j] += cols[i][r] * cols[j][r];
    for (let r = 0; r < n; r++) row[k] += cols[i][r] * y[r];
    return row;
  });
  for (let c = 0; c < k; c++) {
    let piv = c;
    for (let r = c + 1; r < k; r++) if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) piv = r;
    [a[c], a[piv]] = [a[piv], a[c]];
    for (let r = 0; r < k; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      for (let j = c; j <= k; j++) a[r][j] -= f * a[c][j];
    }
  }
  const coef = a.map((row, i) => row[k] / row[i]);
  const fitted = new Float64Array(n);
  for (let r = 0; r < n; r++) for (let j = 0; j < k; j++) fitted[r] += coef[j] * cols[j][r];
  return { coef, fitted };
}

/** levpet's value-added criterion written out from its description, on a panel sorted by firm then year. */
function levpetCriterion(p: SimPanel): { bl: number; ssr: (bk: number) => number } {
  const n = p.va.length;
  const k = p.capital;
  const m = p.proxy;
  const one = new Float64Array(n).fill(1);
  const pow = (x: Float64Array, e: number) => x.map((v) => v ** e);
  const mul = (x: Float64Array, y: Float64Array) => x.map((v, i) => v * y[i]);
  const poly = [
    k,
    m,
    pow(k, 2),
    pow(m, 2),
    pow(k, 3),
    pow(m, 3),
    mul(pow(k, 2), m),
    mul(k, pow(m, 2)),
    mul(k, m),
  ];
  const first = ols([one, p.labor, ...poly], p.va);
  const bl = first.coef[1];
  const phi = first.fitted.map((v, i) => v - bl * p.labor[i]);
  const rows: number[] = [];
  for (let i = 1; i < n; i++) if (p.id[i] === p.id[i - 1] && p.time[i] === p.time[i - 1] + 1) rows.push(i);
  const ssr = (bk: number) => {
    const w = Float64Array.from(rows, (i) => phi[i] - bk * k[i]);
    const wl = Float64Array.from(rows, (i) => phi[i - 1] - bk * k[i - 1]);
    const g = ols([new Float64Array(rows.length).fill(1), wl, pow(wl, 2), pow(wl, 3)], w);
    let s = 0;
    rows.forEach((i, r) => {
      s += (p.va[i] - bl * p.labor[i] - bk * k[i] - g.fitted[r]) ** 2;
    });
    return s;
  };
  return { bl, ssr };
}

describe("levinsohnPetrin", () => {
  it("recovers β_l and β_k on average over 20 simulated panels of 500 firms × 10 years (OLS does not)", () => {
    // DGP in simulate.ts: ω AR(1) (ρ = 0.7), k_t chosen at t−1, m_t increasing in ω given k,
    // l_t chosen after ω_t with an optimisation error; truth β_l = 0.6, β_k = 0.3.
    const R = 20;
    const est = { l: 0, k: 0, lm: 0, km: 0, ols: 0 };
    for (let s = 1; s <= R; s++) {
      const p = simulateLpPanel(s, 500, 10);
      est.ols += ols([new Float64Array(p.va.length).fill(1), p.labor, p.capital], p.va).coef[1] / R;
      const a = levinsohnPetrin(inputOf(p), { reps: 0 });
      const b = levinsohnPetrin(inputOf(p), { reps: 0, objective: "moment" });
      est.l += a.labor / R;
      est.k += a.capital / R;
      est.lm += b.labor / R;
      est.km += b.capital / R;
      expect(a.nobs).toBe(5000);
      expect(a.nfirms).toBe(500);
      expect(a.nSecondStage).toBe(4500);
    }
    expect(Math.abs(est.l - LP_TRUTH.betaL)).toBeLessThan(0.02);
    expect(Math.abs(est.k - LP_TRUTH.betaK)).toBeLessThan(0.02);
    expect(Math.abs(est.lm - LP_TRUTH.betaL)).toBeLessThan(0.02);
    expect(Math.abs(est.km - LP_TRUTH.betaK)).toBeLessThan(0.02);
    // The DGP is not trivial: labour responds to ω, so OLS overstates β_l badly (≈ 1.16).
    expect(est.ols - LP_TRUTH.betaL).toBeGreaterThan(0.3);
  });

  it("minimises levpet's second-stage sum of squares (checked against an independent implementation)", () => {
    const p = simulateLpPanel(4242, 200, 8);
    const r = levinsohnPetrin(inputOf(p), { reps: 0 });
    const ref = levpetCriterion(p);
    expect(r.labor).toBeCloseTo(ref.bl, 7);
    const at = ref.ssr(r.capital);
    expect(r.objectiveValue).toBeCloseTo(at, 6);
    expect(at).toBeLessThanOrEqual(ref.ssr(r.capital + 1e-3));
    expect(at).toBeLessThanOrEqual(ref.ssr(r.capital - 1e-3));
    // Independent golden-section search on [0, 0.6].
    let lo = 0;
    let hi = 0.6;
    const g = (Math.sqrt(5) - 1) / 2;
    while (hi - lo > 1e-9) {
      const c = hi - g * (hi - lo);
      const d = lo + g * (hi - lo);
      if (ref.ssr(c) < ref.ssr(d)) hi = d;
      else lo = c;
    }
    expect(r.capital).toBeCloseTo((lo + hi) / 2, 5);
  });

  it("returns ln TFP = va − β_l·l − β_k·k per row, tracking the true productivity", () => {
    const p = simulateLpPanel(77, 300, 10);
    const r = levinsohnPetrin(inputOf(p), { reps: 0 });
    for (const i of [0, 17, 2999])
      expect(r.tfp[i]).toBeCloseTo(p.va[i] - r.labor * p.labor[i] - r.capital * p.capital[i], 12);
    // ln TFP = β_0 + ω + η (+ estimation error): its correlation with ω is high.
    const n = p.va.length;
    const mean = (x: Float64Array) => x.reduce((a, v) => a + v, 0) / n;
    const mt = mean(r.tfp);
    const mo = mean(p.omega);
    let sxy = 0;
    let sxx = 0;
    let syy = 0;
    for (let i = 0; i < n; i++) {
      sxy += (r.tfp[i] - mt) * (p.omega[i] - mo);
      sxx += (r.tfp[i] - mt) ** 2;
      syy += (p.omega[i] - mo) ** 2;
    }
    expect(sxy / Math.sqrt(sxx * syy)).toBeGreaterThan(0.9);
  });

  it("bootstraps by firm deterministically under a seed", () => {
    const p = simulateLpPanel(12, 100, 6);
    const a = levinsohnPetrin(inputOf(p), { reps: 8, seed: 3 });
    const b = levinsohnPetrin(inputOf(p), { reps: 8, seed: 3 });
    const c = levinsohnPetrin(inputOf(p), { reps: 8, seed: 4 });
    expect(a.se).toEqual(b.se);
    expect(a.vcov).toEqual(b.vcov);
    expect(a.se).not.toEqual(c.se);
    expect(a.reps + a.failedReps).toBe(8);
    expect(a.labor).toBe(c.labor); // the point estimate does not depend on the seed
    expect(a.capital).toBe(c.capital);
  });

  it("gives bootstrap SEs in line with the Monte Carlo spread of the estimates", () => {
    const p = simulateLpPanel(99, 500, 10);
    const a = levinsohnPetrin(inputOf(p), { reps: 30, seed: 3 });
    expect(a.reps).toBe(30);
    // Across the 20 Monte Carlo panels of the first test the estimates spread with s.d. ≈ 0.0045 (β_l)
    // and ≈ 0.011 (β_k); a cluster bootstrap on one such panel should be of that size.
    expect(a.se?.labor).toBeGreaterThan(0.002);
    expect(a.se?.labor).toBeLessThan(0.009);
    expect(a.se?.capital).toBeGreaterThan(0.005);
    expect(a.se?.capital).toBeLessThan(0.025);
  });

  it("drops incomplete rows and breaks the lag at gaps in time", () => {
    const p = simulateLpPanel(5, 50, 6);
    const va = Float64Array.from(p.va);
    va[0] = Number.NaN; // firm 1, first year: one row fewer, no second-stage row lost (it had no lag)
    va[8] = Number.NEGATIVE_INFINITY; // firm 2, year 3 (ln 0): the row and its successor's lag are lost
    const r = levinsohnPetrin({ ...inputOf(p), va }, { reps: 0 });
    expect(r.nobs).toBe(300 - 2);
    // 50·5 = 250 lagged rows; firm 1 loses 2001's lag (2000 gone) and firm 2 loses rows 2002 and 2003's.
    expect(r.nSecondStage).toBe(250 - 1 - 2);
    expect(r.tfp[0]).toBeNaN();
  });

  it("explains bad input", () => {
    const p = simulateLpPanel(6, 20, 5);
    expect(() => levinsohnPetrin({ ...inputOf(p), proxy: p.proxy.subarray(1) }, { reps: 0 })).toThrow(
      /levinsohnPetrin: argument "proxy" has 99 rows but "va" has 100/,
    );
    const time = Float64Array.from(p.time);
    time[1] = time[0];
    expect(() => levinsohnPetrin({ ...inputOf(p), time }, { reps: 0 })).toThrow(
      /levinsohnPetrin: id 1 has two rows for time 2000/,
    );
    expect(() => levinsohnPetrin({ ...inputOf(p), labor: p.capital }, { reps: 0 })).toThrow(
      /labour is collinear with the polynomial in capital and the proxy/,
    );
    expect(() => levinsohnPetrin(inputOf(p), { reps: 1 })).toThrow(
      /reps must be 0 \(no bootstrap\) or at least 2/,
    );
  });
});
