/**
 * Issue 8 item 2: numbers the engine cannot trust are never printed as results. Each case of the
 * hostile-input campaign either estimates correctly or fails with an error naming the culprit.
 */
import { describe, expect, it } from "vitest";
import { feols } from "../../src/estimate/feols.js";
import { frameFromArrays } from "../../src/frame/frame.js";

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

function sample(n = 240) {
  const r = lcg(11);
  const x = Array.from({ length: n }, () => r() * 2 - 1);
  const z = Array.from({ length: n }, () => r() * 2 - 1);
  const e = Array.from({ length: n }, () => r() - 0.5);
  const g = Array.from({ length: n }, (_, i) => i % 12);
  const w = x.map((v, i) => v + 0.8 * z[i] + 0.5 * e[i]);
  const y = x.map((v, i) => 1 + 2 * v - w[i] + e[i]);
  return { y, x, z, w, g };
}

const vcovs = ["iid", "hetero", "cluster: g"] as const;
const formulas = ["y ~ x", "y ~ x | g", "y ~ x | w ~ z", "y ~ x | g | w ~ z"];

describe("extreme magnitudes from 1e-150 to 1e150 estimate like order-1 data", () => {
  const d = sample();
  for (const fml of formulas) {
    for (const vcov of vcovs) {
      const base = feols(frameFromArrays(d), fml, { vcov });
      for (const [col, s] of [
        ["y", 1e150],
        ["y", 1e-150],
        ["x", 1e150],
        ["x", 1e-150],
        ["z", 1e150],
        ["w", 1e-150],
      ] as const) {
        if (!fml.includes(col)) continue;
        it(`${fml}, ${vcov}: ${col} × ${s} gives the same t statistics and rescaled estimates`, () => {
          const data = { ...d, [col]: d[col].map((v) => v * s) };
          const res = feols(frameFromArrays(data), fml, { vcov });
          expect(res.coefficients.map((c) => c.term)).toEqual(base.coefficients.map((c) => c.term));
          res.coefficients.forEach((c, j) => {
            const b = base.coefficients[j];
            const unit = (col === "y" ? s : 1) / (c.term === col ? s : 1);
            expect(Math.abs(c.t / b.t - 1)).toBeLessThan(1e-9);
            expect(Math.abs(c.estimate / (b.estimate * unit) - 1)).toBeLessThan(1e-9);
            expect(Math.abs(c.se / (b.se * unit) - 1)).toBeLessThan(1e-9);
          });
          expect(res.fit.r2).toBeCloseTo(base.fit.r2, 10);
        });
      }
    }
  }
});

describe("untrusted inputs are refused by name or deleted and counted", () => {
  const d = sample(60);
  const cases: { name: string; data: Record<string, number[]>; fml: string; error: RegExp }[] = [
    {
      name: "regressor near 1e300",
      data: { ...d, x: d.x.map((v) => v * 1e300) },
      fml: "y ~ x",
      error: /"x".*too large.*1e-150 to 1e150/,
    },
    {
      name: "regressor scaled by 1e-300",
      data: { ...d, x: d.x.map((v) => v * 1e-300) },
      fml: "y ~ x | g",
      error: /"x".*too small/,
    },
    {
      name: "outcome of 1e308",
      data: { ...d, y: d.y.map((v) => v * 1e308) },
      fml: "y ~ x",
      error: /"y".*too large/,
    },
    {
      name: "instrument scaled by 1e160",
      data: { ...d, z: d.z.map((v) => v * 1e160) },
      fml: "y ~ x | w ~ z",
      error: /"z".*too large/,
    },
    {
      name: "constant outcome without FE",
      data: { ...d, y: d.y.map(() => 3) },
      fml: "y ~ x",
      error: /outcome "y" is constant \(3\)/,
    },
    {
      name: "constant outcome with FE",
      data: { ...d, y: d.y.map(() => 3) },
      fml: "y ~ x | g",
      error: /outcome "y" is constant/,
    },
    {
      name: "outcome absorbed by the FE",
      data: { ...d, y: d.g.map((v) => v * 0.5) },
      fml: "y ~ x | g",
      error: /"y" has no variation within the fixed effects \(g\)/,
    },
    {
      name: "endogenous copy of an exogenous regressor",
      data: { ...d, w: d.x.slice() },
      fml: "y ~ x | w ~ z",
      error: /endogenous regressor w is collinear with the exogenous regressors \(\(Intercept\), x\)/,
    },
    {
      name: "endogenous copy of an instrument",
      data: { ...d, w: d.z.slice() },
      fml: "y ~ x | w ~ z",
      error: /endogenous regressor w is an exact linear combination/,
    },
    {
      name: "endogenous combination of exogenous and instrument",
      data: { ...d, w: d.x.map((v, i) => v - 2 * d.z[i]) },
      fml: "y ~ x | g | w ~ z",
      error: /endogenous regressor w is an exact linear combination/,
    },
    {
      name: "instrument absorbed by the FE",
      data: { ...d, z: d.g.map((v) => v * v) },
      fml: "y ~ x | g | w ~ z",
      error: /not identified: the excluded instrument\(s\) z .*fixed effects \(g\)/,
    },
  ];
  for (const c of cases) {
    it(`${c.name}: error naming it`, () => {
      expect(() => feols(frameFromArrays(c.data), c.fml, { vcov: "hetero" })).toThrow(c.error);
    });
  }

  it("±Inf values (1e309 in a file) are deleted, counted in removed.missing and noted", () => {
    const x = d.x.slice();
    x[3] = Number.POSITIVE_INFINITY;
    const y = d.y.slice();
    y[7] = Number.NEGATIVE_INFINITY;
    const res = feols(frameFromArrays({ ...d, x, y }), "y ~ x");
    const ref = feols(
      frameFromArrays({ ...d, x, y: y.map((v, i) => (i === 7 || i === 3 ? Number.NaN : v)) }),
      "y ~ x",
    );
    expect(res.removed.missing).toBe(2);
    expect(res.nobs).toBe(58);
    expect(res.coefficients).toEqual(ref.coefficients);
    expect(res.notes.join(" ")).toMatch(/2 row\(s\) with an infinite value .* in y, x were deleted/);
  });

  it("an exact fit has SE 0 with a note saying why t is null, never a silent null", () => {
    const res = feols(frameFromArrays({ x: d.x, y: d.x.map((v) => 1 + 2 * v) }), "y ~ x");
    expect(res.coefficients[1].se).toBe(0);
    expect(res.notes.join(" ")).toMatch(/fits the outcome exactly/);
  });

  it("a copied regressor is dropped with a note naming it (as fixest and Stata do)", () => {
    const res = feols(frameFromArrays({ ...d, x2: d.x.slice() }), "y ~ x + x2");
    expect(res.collinear).toEqual(["x2"]);
    expect(res.notes.join(" ")).toMatch(/x2 is collinear/);
    expect(res.coefficients.every((c) => Number.isFinite(c.estimate) && Number.isFinite(c.se))).toBe(true);
  });
});
