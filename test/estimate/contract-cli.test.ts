/**
 * The "Additions" of docs/ESTIMATE-JSON.md, field by field and flag by flag, through
 * `robometrics estimate --json`: estimator names, `iv.kclass`/`iv.lambda`, `iv.endog_test`,
 * `iv.orthog`, `vcov.type`/`kernel`/`bw` for every kernel and panel VCOV (bw as used under `auto`),
 * the Poisson fields (`removed.separation`, `fit.*`, `iterations`), the `bootstrap[]` rows, the
 * console table naming estimator, VCOV, kernel, bandwidth and bootstrap, and errors that name the
 * flags of a combination that makes no sense.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerEstimate } from "../../src/cli/estimate.js";
import { runCommand } from "../helpers/cli.js";
import { FIXTURES } from "../helpers/oracle.js";

afterEach(() => vi.restoreAllMocks());
const out = async (...args: string[]) => (await runCommand(registerEstimate, ["estimate", ...args])).out;
// biome-ignore lint/suspicious/noExplicitAny: the parsed JSON is checked field by field below
const json = async (...args: string[]): Promise<any> => JSON.parse(await out(...args, "--json"));

const TS = ["--data", `${FIXTURES}/ivreg2-ext/data/ts_hac.csv`, "--formula", "y ~ w | x ~ z1 + z2"];
const WP = [
  "--data",
  `${FIXTURES}/ivreg2-ext/data/wagepan.csv`,
  "--formula",
  "lwage ~ exper + expersq | educ ~ hours + union + married",
];
const PATENTS = ["--data", `${FIXTURES}/ppml/data/patent_panel.csv`];
const PRODUC = ["--data", `${FIXTURES}/hdfe/data/produc.csv`];
interface Row {
  term: string;
  estimate: number;
  se: number;
}
const term = (r: { coefficients: Row[] }, t: string) => r.coefficients.find((c) => c.term === t) as Row;

describe("ESTIMATE-JSON.md Additions through the CLI", () => {
  it("estimator names the method: ols, 2sls, liml, fuller, kclass, gmm2s, poisson", async () => {
    expect((await json(...PRODUC, "--formula", "gsp ~ unemp")).estimator).toBe("ols");
    expect((await json(...TS)).estimator).toBe("2sls");
    for (const [flag, name] of [
      ["liml", "liml"],
      ["fuller:1", "fuller"],
      ["kclass:0.5", "kclass"],
      ["gmm2s", "gmm2s"],
    ]) {
      expect((await json(...TS, "--estimator", flag)).estimator).toBe(name);
    }
    const p = await json(...PATENTS, "--formula", "patents ~ robot | firm", "--family", "poisson");
    expect(p.estimator).toBe("poisson");
  });

  it("iv.kclass and iv.lambda: LIML's k is λ, Fuller's is λ − A/(N − L), k-class reports its k", async () => {
    const liml = await json(...TS, "--estimator", "liml");
    expect(typeof liml.iv.lambda).toBe("number");
    expect(liml.iv.lambda).toBeGreaterThan(1);
    expect(liml.iv.kclass).toBe(liml.iv.lambda);
    const fuller = await json(...TS, "--estimator", "fuller:2");
    // N = 200 rows; L = 4 instruments (z1, z2, w, constant).
    expect(fuller.iv.lambda).toBe(liml.iv.lambda);
    expect(fuller.iv.kclass).toBeCloseTo(liml.iv.lambda - 2 / (200 - 4), 14);
    const k = await json(...TS, "--estimator", "kclass:0.25");
    expect(k.iv.kclass).toBe(0.25);
    expect(k.iv.lambda).toBeNull();
  });

  it("--coviv keeps the LIML coefficients and changes only the VCOV bread", async () => {
    const a = await json(...TS, "--estimator", "liml");
    const b = await json(...TS, "--estimator", "liml", "--coviv");
    expect(term(b, "x").estimate).toBe(term(a, "x").estimate);
    expect(term(b, "x").se).not.toBe(term(a, "x").se);
  });

  it("iv.endog_test and iv.orthog: { vars, stat, df, p } with a chi2 p-value", async () => {
    const r = await json(...WP, "--vcov", "hetero", "--endog-test", "educ", "--orthog", "hours,union");
    for (const [field, vars, df] of [
      ["endog_test", ["educ"], 1],
      ["orthog", ["hours", "union"], 2],
    ] as const) {
      const t = r.iv[field];
      expect(t.vars).toEqual(vars);
      expect(t.df).toBe(df);
      expect(typeof t.stat).toBe("number");
      expect(t.stat).toBeGreaterThanOrEqual(0);
      // p = P(chi2_df > stat); for df = 2 the survival function is exp(-stat/2).
      if (df === 2) expect(t.p).toBeCloseTo(Math.exp(-t.stat / 2), 12);
      expect(t.p).toBeGreaterThan(0);
      expect(t.p).toBeLessThanOrEqual(1);
    }
  });

  it("vcov.type is ac / hac / cluster_kernel / dkraay / kiefer with kernel and bandwidth", async () => {
    const panel = ["--time", "year", "--panel", "nr"];
    const cases: [string[], string, string | null, number | null][] = [
      [["--vcov", "iid", "--kernel", "bartlett", "--bw", "3", ...panel], "ac", "bartlett", 3],
      [["--vcov", "hetero", "--kernel", "parzen", "--bw", "2", ...panel], "hac", "parzen", 2],
      [["--vcov", "cluster:nr+year", "--kernel", "tent", "--bw", "2", ...panel], "cluster_kernel", "tent", 2],
      [["--vcov", "dkraay", "--bw", "2", ...panel], "dkraay", "bartlett", 2],
      [["--vcov", "dkraay", "--kernel", "qs", "--bw", "1.5", ...panel], "dkraay", "qs", 1.5],
      [["--vcov", "kiefer", ...panel], "kiefer", null, null],
    ];
    for (const [flags, type, kernel, bw] of cases) {
      const v = (await json(...WP, ...flags)).vcov;
      expect(v.type, flags.join(" ")).toBe(type);
      expect(v.kernel, flags.join(" ")).toBe(kernel);
      expect(v.bw, flags.join(" ")).toBe(bw);
      expect(v.matrix.length).toBe(v.terms.length);
    }
  });

  it("every kernel name is accepted with a fixed bandwidth; --bw auto (Bartlett, Parzen, QS, as ivreg2) reports the bandwidth it used", async () => {
    for (const kernel of [
      "bartlett",
      "parzen",
      "truncated",
      "thanning",
      "thamming",
      "daniell",
      "tent",
      "qs",
    ]) {
      const v = (await json(...TS, "--vcov", "hetero", "--kernel", kernel, "--bw", "4", "--time", "t")).vcov;
      expect(v).toMatchObject({ type: "hac", kernel, bw: 4 });
    }
    for (const kernel of ["bartlett", "parzen", "qs"]) {
      const v = (await json(...TS, "--vcov", "hetero", "--kernel", kernel, "--bw", "auto", "--time", "t"))
        .vcov;
      expect(v.type).toBe("hac");
      expect(v.kernel).toBe(kernel);
      expect(typeof v.bw).toBe("number");
      expect(v.bw).toBeGreaterThan(1);
    }
    await expect(
      out(...TS, "--vcov", "hetero", "--kernel", "tent", "--bw", "auto", "--time", "t"),
    ).rejects.toThrow(/--bw auto/);
  });

  it("Poisson: removed.separation, fit.deviance/loglik/pseudo_r2/squared_cor and iterations", async () => {
    const r = await json(
      ...PATENTS,
      "--formula",
      "patents ~ robot + lnlp | firm + year",
      "--family",
      "poisson",
      "--vcov",
      "cluster:firm",
    );
    expect(Object.keys(r.removed).sort()).toEqual(["missing", "separation", "singletons"]);
    expect(Number.isInteger(r.removed.separation)).toBe(true);
    expect(r.removed.separation).toBeGreaterThan(0);
    for (const k of ["deviance", "loglik", "pseudo_r2", "squared_cor"])
      expect(typeof r.fit[k]).toBe("number");
    expect(r.fit.deviance).toBeGreaterThan(0);
    expect(r.fit.loglik).toBeLessThan(0);
    expect(r.fit.pseudo_r2).toBeGreaterThan(0);
    expect(r.fit.pseudo_r2).toBeLessThan(1);
    expect(Number.isInteger(r.iterations)).toBe(true);
    expect(r.iterations).toBeGreaterThan(1);
    // z statistics with normal p-values, as fixest.
    const c = r.coefficients[0];
    expect(c.t).toBeCloseTo(c.estimate / c.se, 12);
    expect(r.dof.resid).toBeNull();
  });

  it("bootstrap[]: term, h0, t, p, ci, reps, enumerated, weights, clusters", async () => {
    const r = await json(
      ...PRODUC,
      "--formula",
      "log(gsp) ~ unemp | state",
      "--vcov",
      "cluster:region",
      "--boot",
      "wild",
      "--boot-reps",
      "999",
      "--boot-h0",
      "0.001",
    );
    expect(r.bootstrap).toHaveLength(1);
    const b = r.bootstrap[0];
    expect(b).toMatchObject({ term: "unemp", h0: 0.001, reps: 512, enumerated: true, weights: "rademacher" });
    expect(b.clusters).toBe(9);
    expect(b.p).toBeGreaterThanOrEqual(0);
    expect(b.p).toBeLessThanOrEqual(1);
    expect(b.ci).toHaveLength(2);
    const c = term(r, "unemp");
    expect(b.t).toBeCloseTo((c.estimate - 0.001) / c.se, 10);
  });

  it("the console table names the estimator, the VCOV with kernel and bandwidth, and the bootstrap", async () => {
    const t = await out(
      ...TS,
      "--estimator",
      "fuller:1",
      "--vcov",
      "hetero",
      "--kernel",
      "qs",
      "--bw",
      "auto",
      "--time",
      "t",
    );
    expect(t).toMatch(/^Fuller LIML \(IV\) \(k = [0-9.]+\) estimation/);
    expect(t).toMatch(
      /Standard errors: heteroskedasticity- and autocorrelation-consistent \(HAC\), qs kernel, bandwidth [0-9.]+/,
    );
    const dk = await out(...WP, "--vcov", "dkraay", "--bw", "3", "--time", "year", "--panel", "nr");
    expect(dk).toMatch(
      /Standard errors: Driscoll-Kraay, clustered by year \(8\), bartlett kernel, bandwidth 3/,
    );
    const g = await out(...TS, "--estimator", "gmm2s", "--vcov", "hetero");
    expect(g).toMatch(/GMM/);
    const p = await out(
      ...PATENTS,
      "--formula",
      "patents ~ robot | firm",
      "--family",
      "poisson",
      "--vcov",
      "hetero",
      "--kernel",
      "bartlett",
      "--bw",
      "2",
      "--time",
      "year",
      "--panel",
      "firm",
    );
    expect(p).toMatch(
      /Standard errors: heteroskedasticity- and autocorrelation-consistent \(HAC\), bartlett kernel, bandwidth 2/,
    );
    const b = await out(...PRODUC, "--formula", "gsp ~ unemp", "--vcov", "cluster:region", "--boot", "wild");
    expect(b).toMatch(
      /Wild cluster bootstrap \(WCR, null imposed; all 512 Rademacher sign vectors; 9 clusters\)/,
    );
  });

  it("nonsense combinations are errors naming the flags", async () => {
    await expect(out(...TS, "--kernel", "bartlett", "--bw", "2")).rejects.toThrow(
      /--kernel.*--time|--time.*--kernel/,
    );
    await expect(out(...TS, "--family", "poisson")).rejects.toThrow(/--family poisson/);
    await expect(out(...PRODUC, "--formula", "gsp ~ unemp", "--boot", "wild")).rejects.toThrow(
      /--boot.*(--vcov cluster|--boot-cluster)/,
    );
    await expect(out(...TS, "--vcov", "kiefer", "--time", "t")).rejects.toThrow(/--panel/);
    await expect(out(...TS, "--vcov", "dkraay", "--time", "t")).rejects.toThrow(/--panel|--bw/);
    await expect(out(...PRODUC, "--formula", "gsp ~ unemp", "--estimator", "liml")).rejects.toThrow(
      /--estimator/,
    );
    await expect(out(...TS, "--estimator", "fuller")).rejects.toThrow(/fuller/);
    await expect(out(...TS, "--bw", "auto", "--kernel", "nope", "--time", "t")).rejects.toThrow(
      /--kernel|kernel/,
    );
    await expect(out(...TS, "--boot", "wild", "--vcov", "cluster:t")).rejects.toThrow(/--boot wild/);
    await expect(out(...TS, "--coviv")).rejects.toThrow(/--coviv/);
  });
});
