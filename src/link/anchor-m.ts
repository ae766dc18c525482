/**
 * m-probabilities of the comparisons besides the name, from anchor pairs: candidate pairs whose
 * name core (current or former) is equal, though not the whole name, and whose city agrees, which
 * are matches with near certainty. They anchor the EM (fellegi-sunter.ts `fixedM`): with only a name and a city, two
 * comparisons cannot identify the latent classes, and EM may split true matches on their legal form.
 */
import type { DataSession } from "../io/session.js";
import { COMPARISONS, NAME } from "./levels.js";

/** Fewest anchor pairs with the value present for an m to be taken from them. */
export const MIN_ANCHORS = 30;

/**
 * Anchored m of each same/different/missing comparison (by index in COMPARISONS) from `lk_pairs`.
 * @example const fixedM = await anchorM(session); // Map { 1 => [0.8, 0.2, 0], 2 => [0.9, 0.1, 0] }
 */
export async function anchorM(session: DataSession): Promise<Map<number, number[]>> {
  // Equal cores but not equal clean names: an exact name forces an equal legal form, so exact pairs
  // would overstate how often matches agree on it at the other name levels.
  const names = [NAME.core, NAME.former_core].join(", ");
  const out = new Map<number, number[]>();
  for (let k = 1; k < COMPARISONS.length; k++) {
    const c = COMPARISONS[k];
    const rows = await session.rows(`SELECT ${c.sql} AS level, count(*)::DOUBLE AS n FROM lk_pairs
      WHERE decide AND name IN (${names}) AND city = 0 AND ${c.sql} <> ${c.missing} GROUP BY ALL`);
    const counts = c.levels.map(() => 0);
    for (const r of rows) counts[Number(r.level)] = Number(r.n);
    const total = counts.reduce((a, b) => a + b, 0);
    if (total < MIN_ANCHORS) continue;
    const present = c.levels.length - 1;
    out.set(
      k,
      counts.map((n, l) => (l === c.missing ? 0 : (n + 0.5) / (total + 0.5 * present))),
    );
  }
  return out;
}
