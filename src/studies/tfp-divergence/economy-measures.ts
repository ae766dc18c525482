/**
 * Economy-level measures of the industry-panel economies: Stru (eq. 19) from global robot shares
 * and base-year employment shares, and the classes I–IV from base-year TFP and robots installed
 * per 100 manufacturing workers.
 */
import type { Frame } from "../../frame/frame.js";
import { type EconomyClasses, economyClasses, structureMatch } from "../../measures/index.js";
import type { EconomyValues } from "./industry-measures.js";
import { cat, levelsOf, num } from "./frame-columns.js";

/** Economy-level values and the classification behind them. */
export interface EconomyMeasures extends EconomyValues {
  /** One row per economy of `b_econ_base`, in its order. */
  readonly economies: readonly string[];
  readonly classes: EconomyClasses;
}

/**
 * Compute Stru and the classes from the frames of `b_econ_base`, `b_global_robots` and `b_emp_base`.
 * @example const m = economyMeasures(econBase, globalRobots, empBase);
 */
export function economyMeasures(econBase: Frame, globalRobots: Frame, empBase: Frame): EconomyMeasures {
  const s = structureMatch({
    robots: { industry: cat(globalRobots, "industry"), robots: num(globalRobots, "installations") },
    employment: {
      unit: cat(empBase, "iso3"),
      industry: cat(empBase, "industry"),
      employment: num(empBase, "emp"),
    },
  });
  const units = s.unit as { codes: Int32Array; levels: readonly string[] };
  const stru = new Map<string, number>();
  units.codes.forEach((c, u) => {
    stru.set(units.levels[c], s.value[u]);
  });
  const economies = levelsOf(cat(econBase, "iso3"));
  const classes = economyClasses(num(econBase, "tfp_base"), num(econBase, "robots_per100"));
  const cls = new Map<string, number>();
  economies.forEach((e, i) => {
    if (classes.classes[i] > 0) cls.set(e, classes.classes[i]);
  });
  return { stru, cls, economies, classes };
}
