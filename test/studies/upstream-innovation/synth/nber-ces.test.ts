import { describe, expect, it } from "vitest";
import { CIC_INDUSTRIES } from "../../../../src/studies/upstream-innovation/synth/industries.js";
import { nberCesColumns } from "../../../../src/studies/upstream-innovation/synth/small-tables.js";

const YEARS = [2000, 2001, 2002];

function rowsByIndustry(seed: number): Map<string, string[]> {
  const cols = Object.fromEntries(nberCesColumns(seed, YEARS).map((c) => [c.name, c.values]));
  const out = new Map<string, string[]>();
  for (let r = 0; r < cols.cic4.length; r++) {
    const key = String(cols.cic4[r]);
    out.set(key, [...(out.get(key) ?? []), `${cols.year[r]}|${cols.emp[r]}|${cols.vadd[r]}`]);
  }
  return out;
}

describe("the twin's NBER-CES table (US productivity by hand-matched CIC industry)", () => {
  it("has every year of every matched CIC industry and no row for an industry without a NAICS match", () => {
    const rows = rowsByIndustry(1);
    const unmatched = CIC_INDUSTRIES.filter((c) => c.naics === null);
    // A residual upstream class: its makers have no technology gap (Table 3 (4)–(5) cover ≈ 82%, as the paper's).
    expect(unmatched.map((c) => [c.cic4, c.group])).toEqual([["3599", "upstream"]]);
    for (const c of CIC_INDUSTRIES)
      expect(rows.get(c.cic4)?.length ?? 0, c.cic4).toBe(c.naics ? YEARS.length : 0);
  });
});
