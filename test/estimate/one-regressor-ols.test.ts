import { describe, expect, it } from "vitest";
import { olsFit } from "../../src/estimate/estimators/ols.js";
import { buildModelData } from "../../src/estimate/model-data.js";
import { oneRegressorOls } from "../../src/estimate/one-regressor-ols.js";
import { parseVcov } from "../../src/estimate/options.js";
import { demean } from "../../src/fe/demean.js";
import { parseFormula } from "../../src/formula/formula.js";
import { frameFromArrays } from "../../src/frame/frame.js";
import { olsShape, relDiff } from "./helpers/ols-shape.js";

/** Workers over 10 years at firms drawn at random (a well-connected panel), one regressor, optional weights. */
function panel(n: number) {
  let seed = 3;
  const rand = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  const worker = Float64Array.from({ length: n }, (_, i) => Math.floor(i / 10) + 1);
  const firm = Float64Array.from({ length: n }, () => Math.floor(rand() * 80) + 1);
  const year = Float64Array.from({ length: n }, (_, i) => (i % 10) + 1);
  const x1 = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.37) + rand());
  const y = Float64Array.from({ length: n }, (_, i) => 0.7 * x1[i] + firm[i] / 80 + Math.cos(i) + rand());
  const w = Float64Array.from({ length: n }, (_, i) => 0.5 + ((i * 31) % 17) / 10);
  const byFirm = Float64Array.from(firm, (f) => f / 10); // constant within firm: absorbed entirely
  return frameFromArrays({ y, x1, byFirm, worker, firm, year, w });
}

describe("OLS on one demeaned regressor from three cross-products", () => {
  const frame = panel(20_000);
  for (const weighted of [false, true]) {
    it(`gives the Householder fit's coefficient, RSS, bread and residuals${weighted ? " (weighted)" : ""}`, () => {
      const md = buildModelData(frame, parseFormula("y ~ x1 | worker + firm + year"), parseVcov("iid", {}), {
        keepSingletons: true,
        ...(weighted ? { weights: "w" } : {}),
      });
      const w = md.weights;
      const [yD, xD] = demean([md.y, md.exog.cols[0]], md.factors, { weights: w, method: "iterate" }).columns;
      expect(oneRegressorOls(md, yD, [xD], 0)).toBeNull(); // below the row threshold
      const s = oneRegressorOls(md, yD, [xD], 0, 0);
      if (!s) throw new Error("expected the one-regressor fit");
      const xRef = [Math.sqrt(md.exog.cols[0].reduce((t, v, i) => t + (w ? w[i] : 1) * v * v, 0))];
      const a = s.absorbed(olsShape(md, xRef));
      expect(a.y).toBe(yD);
      const fit = s.fit(a);
      const ref = olsFit({ ...a, y: yD, x: [xD], exog: [xD] });
      expect(fit.kept).toEqual(ref.kept);
      expect(relDiff(fit.coef[0], ref.coef[0])).toBeLessThan(1e-12);
      expect(relDiff(fit.rss, ref.rss)).toBeLessThan(1e-12);
      expect(relDiff(fit.bread[0], ref.bread[0])).toBeLessThan(1e-12);
      expect(Math.max(...fit.resid.map((e, i) => Math.abs(e - ref.resid[i])))).toBeLessThan(1e-12);
      expect(fit.scores[0]).toBe(xD);
      expect(
        relDiff(
          s.ySumSq,
          yD.reduce((t, v, i) => t + (w ? w[i] : 1) * v * v, 0),
        ),
      ).toBeLessThan(1e-15);
    });
  }

  it("drops a regressor the fixed effects absorb, as the Householder fit does", () => {
    const md = buildModelData(
      frame,
      parseFormula("y ~ byFirm | worker + firm + year"),
      parseVcov("iid", {}),
      {
        keepSingletons: true,
      },
    );
    const [yD, xD] = demean([md.y, md.exog.cols[0]], md.factors, { method: "iterate" }).columns;
    const s = oneRegressorOls(md, yD, [xD], 0, 0);
    if (!s) throw new Error("expected the one-regressor fit");
    const xRef = [Math.sqrt(md.exog.cols[0].reduce((t, v) => t + v * v, 0))];
    const a = s.absorbed(olsShape(md, xRef));
    const fit = s.fit(a);
    const ref = olsFit({ ...a, y: yD, x: [xD], exog: [xD] });
    expect(ref.dropped).toEqual([0]);
    expect(fit.dropped).toEqual([0]);
    expect(fit.kept).toEqual([]);
    expect(relDiff(fit.rss, ref.rss)).toBeLessThan(1e-12);
  });

  it("is not used with two regressors or an IV part", () => {
    const md = buildModelData(
      frame,
      parseFormula("y ~ x1 + byFirm | worker + firm + year"),
      parseVcov("iid", {}),
      {
        keepSingletons: true,
      },
    );
    const cols = demean([md.y, ...md.exog.cols], md.factors, { method: "iterate" }).columns;
    expect(oneRegressorOls(md, cols[0], cols.slice(1), 0, 0)).toBeNull();
    const iv = buildModelData(
      frame,
      parseFormula("y ~ 1 | worker + firm + year | x1 ~ byFirm"),
      parseVcov("iid", {}),
      {
        keepSingletons: true,
      },
    );
    expect(oneRegressorOls(iv, cols[0], [cols[1]], 0, 0)).toBeNull();
  });
});
