/**
 * The Card (1995) fixture data with age² added, for the hand-built models of the property tests.
 */
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readNumericCsv } from "./read-csv.js";

const dir = join(dirname(fileURLToPath(import.meta.url)), "../../../fixtures/ivreg2/data");
let card: Record<string, Float64Array> | null = null;
let sim: Record<string, Float64Array> | null = null;

/**
 * Card's columns plus `agesq`, `region` (1–9, from the reg661…reg669 dummies) and `regionsmsa`
 * (region × smsa66, 18 groups).
 * @example const { lwage } = cardData();
 */
export function cardData(): Record<string, Float64Array> {
  if (!card) {
    card = readNumericCsv(join(dir, "card.csv"));
    card.agesq = card.age.map((a) => a * a);
    const c = card;
    c.region = c.age.map((_, i) =>
      [1, 2, 3, 4, 5, 6, 7, 8, 9].reduce((acc, r) => acc + r * c[`reg66${r}`][i], 0),
    );
    c.regionsmsa = c.region.map((r, i) => 10 * r + c.smsa66[i]);
  }
  return card;
}

/**
 * The simulated clustered data (50 clusters of 20 rows) plus `row` (0-based row number).
 * @example const { y, cluster_id } = simData();
 */
export function simData(): Record<string, Float64Array> {
  if (!sim) {
    sim = readNumericCsv(join(dir, "sim_cluster.csv"));
    sim.row = Float64Array.from(sim.y, (_, i) => i);
  }
  return sim;
}
