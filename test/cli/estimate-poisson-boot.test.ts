/**
 * `robometrics estimate --family poisson` and `--boot wild` as ESTIMATE-JSON.md ("Additions")
 * specifies them: the JSON fields (estimator, removed.separation, fit, iterations, bootstrap), the
 * readable table, and errors that name the flags of a combination that makes no sense.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { registerEstimate } from "../../src/cli/estimate.js";
import { runCommand } from "../helpers/cli.js";
import { FIXTURES } from "../helpers/oracle.js";

const run = async (...args: string[]) => (await runCommand(registerEstimate, ["estimate", ...args])).out;
afterEach(() => vi.restoreAllMocks());
const patents = `${FIXTURES}/ppml/data/patent_panel.csv`;
const produc = `${FIXTURES}/hdfe/data/produc.csv`;

describe("robometrics estimate --family poisson / --boot wild", () => {
  it("--family poisson --json gives the Poisson fields, matching fixest fepois", async () => {
    const out = await run(
      "--data",
      patents,
      "--formula",
      "patents ~ robot + lnlp + lnkfix | firm + year + city",
      "--family",
      "poisson",
      "--vcov",
      "cluster:city_year",
      "--ssc",
      "fixest",
      "--keep-singletons",
      "--json",
    );
    const r = JSON.parse(out);
    expect(r.estimator).toBe("poisson");
    expect(r.removed).toEqual({ missing: 0, singletons: 0, separation: 2772 });
    expect(Object.keys(r.fit)).toEqual(
      expect.arrayContaining(["deviance", "loglik", "pseudo_r2", "squared_cor"]),
    );
    expect(r.iterations).toBeGreaterThan(2);
    const robot = r.coefficients.find((c: { term: string }) => c.term === "robot");
    // fixest fepois (glm.tol 1e-12); our default IRLS tolerance is 1e-10.
    expect(Math.abs(robot.estimate / -0.399598867746737 - 1)).toBeLessThan(1e-7);
  });

  it("--family poisson prints a table with z values and the deviance", async () => {
    const out = await run(
      "--data",
      patents,
      "--formula",
      "patents ~ robot | firm + year",
      "--family",
      "poisson",
      "--vcov",
      "cluster:firm",
    );
    expect(out).toMatch(/Poisson PML estimation/);
    expect(out).toMatch(/z value/);
    expect(out).toMatch(/Deviance: .* Pseudo R2/);
  });

  it("--boot wild --json adds the bootstrap rows of the contract", async () => {
    const out = await run(
      "--data",
      produc,
      "--formula",
      "log(gsp) ~ log(pcap) + unemp | state",
      "--vcov",
      "cluster:region",
      "--boot",
      "wild",
      "--boot-weights",
      "webb",
      "--boot-reps",
      "999",
      "--boot-seed",
      "7",
      "--json",
    );
    const r = JSON.parse(out);
    expect(r.bootstrap.map((b: { term: string }) => b.term)).toEqual(["log(pcap)", "unemp"]);
    for (const b of r.bootstrap) {
      expect(Object.keys(b).sort()).toEqual([
        "ci",
        "clusters",
        "enumerated",
        "h0",
        "p",
        "reps",
        "t",
        "term",
        "weights",
      ]);
      expect(b).toMatchObject({ h0: 0, reps: 999, enumerated: false, weights: "webb", clusters: 9 });
      expect(b.ci[0]).toBeLessThan(b.ci[1]);
      const c = r.coefficients.find((x: { term: string }) => x.term === b.term);
      expect(Math.abs(b.t / c.t - 1)).toBeLessThan(1e-10);
    }
    const again = JSON.parse(
      await run(
        "--data",
        produc,
        "--formula",
        "log(gsp) ~ log(pcap) + unemp | state",
        "--vcov",
        "cluster:region",
        "--boot",
        "wild",
        "--boot-weights",
        "webb",
        "--boot-reps",
        "999",
        "--boot-seed",
        "7",
        "--json",
      ),
    );
    expect(again.bootstrap).toEqual(r.bootstrap);
  });

  it("--boot wild enumerates 2^9 sign vectors and prints the bootstrap block", async () => {
    const out = await run(
      "--data",
      produc,
      "--formula",
      "log(gsp) ~ unemp | state",
      "--vcov",
      "cluster:region",
      "--boot",
      "wild",
      "--boot-terms",
      "unemp",
    );
    expect(out).toMatch(
      /Wild cluster bootstrap \(WCR, null imposed; all 512 Rademacher sign vectors; 9 clusters\)/,
    );
    expect(out).toMatch(/unemp .* p = .* 95% CI \[/);
  });

  it("combinations that make no sense are errors naming the flags", async () => {
    await expect(
      run("--data", produc, "--formula", "gsp ~ unemp | state | pcap ~ hwy", "--family", "poisson"),
    ).rejects.toThrow(/--family poisson/);
    await expect(run("--data", produc, "--formula", "gsp ~ unemp", "--boot", "wild")).rejects.toThrow(
      /--boot-cluster/,
    );
    await expect(
      run(
        "--data",
        produc,
        "--formula",
        "gsp ~ unemp",
        "--family",
        "poisson",
        "--boot",
        "wild",
        "--vcov",
        "cluster:region",
      ),
    ).rejects.toThrow(/--boot wild .* --family poisson/);
    await expect(
      run(
        "--data",
        produc,
        "--formula",
        "gsp ~ unemp",
        "--boot",
        "wild",
        "--vcov",
        "cluster:region",
        "--boot-weights",
        "gauss",
      ),
    ).rejects.toThrow(/--boot-weights/);
    await expect(run("--data", produc, "--formula", "gsp ~ unemp", "--family", "logit")).rejects.toThrow(
      /--family "logit"/,
    );
  });
});
