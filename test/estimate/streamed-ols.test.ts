import { describe, expect, it } from "vitest";
import { estimateModel, withVcov } from "../../src/estimate/feols.js";
import { buildModelData } from "../../src/estimate/model-data.js";
import { parseVcov } from "../../src/estimate/options.js";
import { NO_DIRECT_PLAN, streamedOls } from "../../src/estimate/streamed-ols.js";
import { demean } from "../../src/fe/demean.js";
import { parseFormula } from "../../src/formula/formula.js";
import { frameFromArrays } from "../../src/frame/frame.js";
import { leastSquares } from "../../src/linalg/least-squares.js";
import { inverseRtR } from "../../src/linalg/qr.js";
import { olsShape, relDiff } from "./helpers/ols-shape.js";

/** A poorly connected worker–firm–year panel (fixest's difficult design) with two regressors. */
function panel(n: number, weighted: boolean) {
  const nbFirm = Math.max(3, Math.round(n / 10 / 23));
  const worker = Float64Array.from({ length: n }, (_, i) => Math.floor(i / 10) + 1);
  const firm = Float64Array.from({ length: n }, (_, i) => (i % nbFirm) + 1);
  const year = Float64Array.from({ length: n }, (_, i) => (i % 10) + 1);
  const x1 = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) + ((i * 7919) % 13) / 13);
  const x2 = Float64Array.from({ length: n }, (_, i) => Math.cos(i * 1.1) * 2 + (i % 3));
  const y = Float64Array.from({ length: n }, (_, i) => 0.5 * x1[i] - x2[i] + firm[i] / nbFirm + Math.sin(i));
  const w = Float64Array.from({ length: n }, (_, i) => 0.5 + ((i * 31) % 17) / 10);
  return frameFromArrays({ y, x1, x2, worker, firm, year, ...(weighted ? { w } : {}) });
}

describe("streamed OLS with directly solved fixed effects", () => {
  for (const weighted of [false, true]) {
    it(`gives the explicit fit's coefficients, RSS, bread and residuals${weighted ? " (weighted)" : ""}`, () => {
      const frame = panel(20_000, weighted);
      const md = buildModelData(
        frame,
        parseFormula("y ~ x1 + x2 | worker + firm + year"),
        parseVcov("iid", {}),
        weighted ? { weights: "w", keepSingletons: true } : { keepSingletons: true },
      );
      const s = streamedOls(md, { minRows: 0 });
      if (!s || s === NO_DIRECT_PLAN) throw new Error("expected the streamed path");
      const w = md.weights;
      const dm = demean([md.y, ...md.exog.cols], md.factors, { weights: w });
      const [yD, ...xD] = dm.columns;
      const xRef = md.exog.cols.map((c) => Math.sqrt(c.reduce((t, v, i) => t + (w ? w[i] : 1) * v * v, 0)));
      const ls = leastSquares(xD, yD, { weights: w ?? undefined, refNorms: xRef });
      const absorbed = s.absorbed(olsShape(md, xRef));
      const fit = s.fit(absorbed);
      expect(fit.kept).toEqual([0, 1]);
      for (const [j, b] of fit.coef.entries()) expect(relDiff(b, ls.coef[j])).toBeLessThan(1e-12);
      const rss = ls.resid.reduce((t, e, i) => t + (w ? w[i] : 1) * e * e, 0);
      expect(relDiff(fit.rss, rss)).toBeLessThan(1e-12);
      const bread = inverseRtR(ls.factor);
      for (const [j, v] of fit.bread.entries()) expect(relDiff(v, bread[j])).toBeLessThan(1e-10);
      const ySS = yD.reduce((t, v, i) => t + (w ? w[i] : 1) * v * v, 0);
      expect(relDiff(s.ySumSq, ySS)).toBeLessThan(1e-12);
      // Materialised on demand: the demeaned columns and the residuals.
      expect(Math.max(...absorbed.y.map((v, i) => Math.abs(v - yD[i])))).toBeLessThan(1e-12);
      expect(Math.max(...fit.scores[1].map((v, i) => Math.abs(v - xD[1][i])))).toBeLessThan(1e-12);
      expect(Math.max(...fit.resid.map((v, i) => Math.abs(v - ls.resid[i])))).toBeLessThan(1e-11);
    });
  }

  it("drops a regressor collinear with the fixed effects as the explicit fit does", () => {
    const frame = panel(20_000, false);
    const firmDummy = Float64Array.from(
      frame.columns.firm.type === "number" ? frame.columns.firm.values : [],
      (f) => (f === 3 ? 1 : 0),
    );
    const withDummy = frameFromArrays({
      ...Object.fromEntries(
        frame.names.map((k) => [k, (frame.columns[k] as { values: Float64Array }).values]),
      ),
      d: firmDummy,
    });
    const md = buildModelData(
      withDummy,
      parseFormula("y ~ x1 + d | worker + firm + year"),
      parseVcov("iid", {}),
      {
        keepSingletons: true,
      },
    );
    const s = streamedOls(md, { minRows: 0 });
    if (!s || s === NO_DIRECT_PLAN) throw new Error("expected the streamed path");
    const xRef = md.exog.cols.map((c) => Math.sqrt(c.reduce((t, v) => t + v * v, 0)));
    const fit = s.fit(s.absorbed(olsShape(md, xRef)));
    expect(fit.dropped).toEqual([1]);
    expect(fit.kept).toEqual([0]);
  });

  it("is not used below its row threshold, for IV, or when CG is requested", () => {
    const frame = panel(20_000, false);
    const md = buildModelData(frame, parseFormula("y ~ x1 | worker + firm + year"), parseVcov("iid", {}), {
      keepSingletons: true,
    });
    expect(streamedOls(md, {})).toBeNull();
    expect(streamedOls(md, { minRows: 0, method: "cg" })).toBeNull();
    const iv = buildModelData(
      frame,
      parseFormula("y ~ 1 | worker + firm + year | x1 ~ x2"),
      parseVcov("iid", {}),
      {
        keepSingletons: true,
      },
    );
    expect(streamedOls(iv, { minRows: 0 })).toBeNull();
  });

  it("gives the same bytes on a repeated fit, and the explicit answer for another set of FE columns", () => {
    const base = panel(20_000, false);
    const cols = Object.fromEntries(
      base.names.map((k) => [k, (base.columns[k] as { values: Float64Array }).values]),
    );
    const n = base.nrows;
    const firm2 = Float64Array.from({ length: n }, (_, i) => (i % 97) + 1);
    const frame = frameFromArrays({ ...cols, firm2 });
    const fitOf = (formula: string) => {
      const md = buildModelData(frame, parseFormula(formula), parseVcov("iid", {}), { keepSingletons: true });
      const s = streamedOls(md, { minRows: 0 });
      if (!s || s === NO_DIRECT_PLAN) throw new Error("expected the streamed path");
      const xRef = md.exog.cols.map((c) => Math.sqrt(c.reduce((t, v) => t + v * v, 0)));
      const dm = demean([md.y, ...md.exog.cols], md.factors);
      const ls = leastSquares(dm.columns.slice(1), dm.columns[0], { refNorms: xRef });
      return { streamed: s.fit(s.absorbed(olsShape(md, xRef))).coef[0], explicit: ls.coef[0] };
    };
    const first = fitOf("y ~ x1 | worker + firm + year");
    const again = fitOf("y ~ x1 | worker + firm + year");
    expect(again.streamed).toBe(first.streamed); // deterministic
    const other = fitOf("y ~ x1 | worker + firm2 + year"); // same first column, another second FE
    expect(relDiff(other.streamed, other.explicit)).toBeLessThan(1e-12);
    expect(relDiff(first.streamed, first.explicit)).toBeLessThan(1e-12);
  });

  it("says so when the fixed effects have no cheap direct plan (feols then iterates without planning again)", () => {
    const n = 6000;
    const frame = frameFromArrays({
      y: Float64Array.from({ length: n }, (_, i) => Math.sin(i)),
      x: Float64Array.from({ length: n }, (_, i) => Math.cos(i)),
      a: Float64Array.from({ length: n }, (_, i) => i % 3000),
      b: Float64Array.from({ length: n }, (_, i) => (i * 7) % 1500),
      c: Float64Array.from({ length: n }, (_, i) => (i * 13) % 1000),
    });
    const md = buildModelData(frame, parseFormula("y ~ x | a + b + c"), parseVcov("iid", {}), {
      keepSingletons: true,
    });
    expect(streamedOls(md, { minRows: 0 })).toBe(NO_DIRECT_PLAN);
  });

  it("at 1M rows with no cheap direct plan, feols iterates by CG on the Schur complement, not the Kaczmarz sweep", () => {
    // fixest's simple design: workers over 10 years in firms drawn at random among 4,348 (a dense
    // worker-firm graph, so the direct solve declines and the streamed path says NO_DIRECT_PLAN).
    const n = 1_000_000;
    const worker = Float64Array.from({ length: n }, (_, i) => Math.floor(i / 10) + 1);
    let state = 42;
    const uniform = () => {
      // xorshift32: a firm drawn at random for every row, as in the benchmark
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 4294967296;
    };
    const firm = Float64Array.from({ length: n }, () => Math.floor(uniform() * 4348) + 1);
    const year = Float64Array.from({ length: n }, (_, i) => (i % 10) + 1);
    const x1 = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) + ((i * 7919) % 13) / 13);
    const y = Float64Array.from({ length: n }, (_, i) => 0.5 * x1[i] + firm[i] / 4348 + Math.sin(i));
    const frame = frameFromArrays({ y, x1, worker, firm, year });
    const opts = { vcov: "iid", keepSingletons: true } as const;
    const auto = estimateModel(frame, "y ~ x1 | worker + firm + year", opts);
    const cg = estimateModel(frame, "y ~ x1 | worker + firm + year", { ...opts, demean: { method: "cg" } });
    expect(auto.result.convergence?.method).toBe("schur-cg");
    expect(cg.result.convergence?.method).toBe("cg");
    expect(relDiff(auto.result.coefficients[0].estimate, cg.result.coefficients[0].estimate)).toBeLessThan(
      1e-8,
    );
  });

  it("through feols at 1M rows matches the conjugate-gradient path (iid, robust and clustered SEs, within R², residuals)", () => {
    // Workers in firms drawn at random among 40: well connected, so CG converges in a few sweeps.
    const n = 1_000_000;
    const worker = Float64Array.from({ length: n }, (_, i) => Math.floor(i / 10) + 1);
    const firm = Float64Array.from({ length: n }, (_, i) => ((i * 2654435761) % 40) + 1);
    const year = Float64Array.from({ length: n }, (_, i) => (i % 10) + 1);
    const x1 = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) + ((i * 7919) % 13) / 13);
    const y = Float64Array.from({ length: n }, (_, i) => 0.5 * x1[i] + firm[i] / 40 + Math.sin(i));
    const frame = frameFromArrays({ y, x1, worker, firm, year });
    const formula = "y ~ x1 | worker + firm + year";
    const opts = { vcov: "iid", keepSingletons: true } as const;
    const streamed = estimateModel(frame, formula, opts);
    const cg = estimateModel(frame, formula, { ...opts, demean: { method: "cg" } });
    expect(streamed.result.convergence?.method).toBe("direct");
    expect(cg.result.convergence?.method).toBe("cg");
    const close = (a: number, b: number) => expect(relDiff(a, b)).toBeLessThan(1e-8);
    for (const v of ["iid", "hetero", "cluster:firm"]) {
      const a = v === "iid" ? streamed.result : withVcov(streamed, v);
      const b = v === "iid" ? cg.result : withVcov(cg, v);
      close(a.coefficients[0].estimate, b.coefficients[0].estimate);
      close(a.coefficients[0].se, b.coefficients[0].se);
    }
    close(streamed.result.fit.within_r2 ?? Number.NaN, cg.result.fit.within_r2 ?? Number.NaN);
    close(streamed.result.fit.rss, cg.result.fit.rss);
    const ea = streamed.residuals();
    const eb = cg.residuals();
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, Math.abs(ea[i] - eb[i]));
    expect(worst).toBeLessThan(1e-8);
  }, 120_000);
});
