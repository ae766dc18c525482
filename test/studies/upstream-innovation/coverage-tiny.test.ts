import { describe, expect, it } from "vitest";
import { seedCoverage } from "./helpers.js";

const SEEDS = [101, 102, 103, 104, 105, 106];

describe("coverage of the listed estimands at --scale tiny (a small simulation)", () => {
  it("covers the truth at about the nominal 95% rate over seeds, in every table group", async () => {
    const tally = new Map<string, { covered: number; total: number }>();
    for (const seed of SEEDS) {
      for (const { group, covered } of await seedCoverage(seed, "tiny")) {
        const t = tally.get(group) ?? { covered: 0, total: 0 };
        t.total += 1;
        t.covered += covered ? 1 : 0;
        tally.set(group, t);
      }
    }
    // Each group has about 16 (second and first stages) or 8 (robustness) estimands a seed. At a true
    // rate of 95% the binomial probability of falling below 85% of ~96 (or 80% of ~48) is under 0.1%;
    // the estimands of one seed share its data, so the bounds leave room for that dependence.
    const second = tally.get("second stage");
    const first = tally.get("first stage");
    const robust = tally.get("robustness");
    if (!second || !first || !robust) throw new Error("a table group has no estimands");
    expect(second.total).toBeGreaterThanOrEqual(SEEDS.length * 14);
    expect(first.total).toBeGreaterThanOrEqual(SEEDS.length * 14);
    expect(robust.total).toBeGreaterThanOrEqual(SEEDS.length * 7);
    expect(second.covered / second.total).toBeGreaterThanOrEqual(0.85);
    expect(first.covered / first.total).toBeGreaterThanOrEqual(0.85);
    expect(robust.covered / robust.total).toBeGreaterThanOrEqual(0.8);
  }, 900_000);
});
