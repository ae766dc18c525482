/**
 * Every table of study B, built from the panels and written in all four formats.
 */
import { writeDescriptiveOutputs, writeTableOutputs } from "../../report/write-table.js";
import type { TableSpec } from "../../report/table-spec.js";
import type { Lang } from "../types.js";
import { Estimator } from "./estimator.js";
import type { Panels } from "./panels.js";
import { table1 } from "./tables/table1.js";
import { table2 } from "./tables/table2.js";
import { table3 } from "./tables/table3.js";
import { table4 } from "./tables/table4.js";
import { table5 } from "./tables/table5.js";
import { table6 } from "./tables/table6.js";
import { table7 } from "./tables/table7.js";
import { table8 } from "./tables/table8.js";
import { table9 } from "./tables/table9.js";
import { inferenceTable } from "./tables/inference.js";

/** The regression table builders, in order. */
export const REGRESSION_TABLES: readonly ((est: Estimator) => TableSpec)[] = [
  table2,
  table3,
  table4,
  table5,
  table6,
  table7,
  table8,
  table9,
  inferenceTable,
];

/**
 * Estimate and write tables 1–9 and the inference table into `dir`; returns the table ids written.
 * @example const ids = await writeTables(panels, "out/tfp-divergence/tables", "en", console.log);
 */
export async function writeTables(
  panels: Panels,
  dir: string,
  lang: Lang,
  progress: (m: string) => void,
): Promise<string[]> {
  const country = panels.country.frame;
  const industry = panels.industry.frame;
  await writeDescriptiveOutputs(table1(country, industry), dir, lang);
  const ids = ["table1"];
  const est = new Estimator({ country, industry });
  for (const build of REGRESSION_TABLES) {
    const spec = build(est);
    progress(`writing ${spec.id}`);
    await writeTableOutputs(spec, dir, lang);
    ids.push(spec.id);
  }
  return ids;
}
