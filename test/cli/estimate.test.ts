/**
 * `robometrics estimate` as the ESTIMATE-JSON contract specifies it: flags, the JSON object on
 * stdout, the readable table without --json, and errors that name the problem.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerEstimate } from "../../src/cli/estimate.js";
import { FIXTURES } from "../helpers/oracle.js";
import { runCommand } from "../helpers/cli.js";

const run = async (...args: string[]) => (await runCommand(registerEstimate, ["estimate", ...args])).out;

afterEach(() => vi.restoreAllMocks());
const card = `${FIXTURES}/ivreg2/data/card.csv`;
const panel = `${FIXTURES}/hdfe/data/firm_panel.csv`;

describe("robometrics estimate", () => {
  it("--json prints one JSON object with the contract's fields", async () => {
    const out = await run(
      "--data",
      card,
      "--formula",
      "lwage ~ exper + expersq + black + south | educ ~ nearc4",
      "--vcov",
      "cluster:smsa66",
      "--no-small",
      "--json",
    );
    const r = JSON.parse(out);
    expect(Object.keys(r)).toEqual(
      expect.arrayContaining([
        "nobs",
        "removed",
        "collinear",
        "coefficients",
        "vcov",
        "dof",
        "fit",
        "fixed_effects",
        "iv",
        "timing",
      ]),
    );
    expect(r.nobs).toBe(3010);
    expect(r.coefficients.map((c: { term: string }) => c.term)).toEqual([
      "(Intercept)",
      "educ",
      "exper",
      "expersq",
      "black",
      "south",
    ]);
    expect(Object.keys(r.coefficients[0])).toEqual(["term", "estimate", "se", "t", "p"]);
    expect(r.vcov).toMatchObject({ type: "cluster", clusters: ["smsa66"], n_clusters: [2] });
    expect(r.vcov.matrix).toHaveLength(6);
    expect(Object.keys(r.fit)).toEqual(
      expect.arrayContaining([
        "r2",
        "adj_r2",
        "within_r2",
        "r2_centered",
        "r2_uncentered",
        "rss",
        "rmse",
        "f",
        "f_p",
      ]),
    );
    expect(r.iv.first_stage[0]).toMatchObject({ endogenous: "educ" });
    expect(Object.keys(r.iv.first_stage[0])).toEqual(
      expect.arrayContaining(["f", "f_p", "sw_f", "ap_f", "partial_r2", "shea_partial_r2"]),
    );
    expect(r.iv.underid.name).toMatch(/Kleibergen-Paap/);
    expect(r.iv.weakid.stock_yogo.tsls_size_10).toBe(16.38);
    expect(r.iv.overid).toBeNull();
    expect(typeof r.timing.read_s).toBe("number");
    expect(typeof r.timing.estimate_s).toBe("number");
  });

  it("--ssc fixest reproduces fixest's default small-sample correction from the command line", async () => {
    const r = JSON.parse(
      await run(
        "--data",
        panel,
        "--formula",
        "lnspatent ~ robot + lnlp + lnkfix + lnbdat | firm + year + industry + city",
        "--vcov",
        "cluster:city+year",
        "--ssc",
        "fixest",
        "--json",
      ),
    );
    expect(r.dof.k).toBe(2943);
    expect(r.removed.singletons).toBe(90);
    expect(r.coefficients[0].se).toBeCloseTo(0.0282327674503845, 8);
  });

  it("prints a readable table without --json", async () => {
    const out = await run("--data", card, "--formula", "lwage ~ educ + exper", "--vcov", "hetero");
    expect(out).toMatch(/OLS estimation, dependent variable: lwage/);
    expect(out).toMatch(/Standard errors: heteroskedasticity-robust/);
    expect(out).toMatch(/^educ\s+0\.\d+/m);
  });

  it("fails with a message naming an unknown column", async () => {
    await expect(run("--data", card, "--formula", "lwage ~ nosuch")).rejects.toThrow(
      /unknown column "nosuch" in .*card.csv; the columns are: id, nearc2/,
    );
  });

  it("rejects a bad weight type", async () => {
    await expect(
      run("--data", card, "--formula", "lwage ~ educ", "--weights", "weight", "--weight-type", "iweight"),
    ).rejects.toThrow(/--weight-type "iweight" is not one of aweight, fweight, pweight/);
  });
});
