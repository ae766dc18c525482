/**
 * Study A's synthetic sources: the registry, customs, ASIE, patents, city statistics, US robots and
 * employment, base-year employment, NBER-CES productivity and BEC shares, with truth.json. The
 * data-generating process: an endogenous city robot-import share (a confounder u raises both
 * imports and upstream outcomes) with a valid shift-share instrument built exactly as eq. (2);
 * heterogeneous negative effects on upstream innovation; lock-in and crowd-out mechanisms.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { writeAtomically } from "../../../io/atomic-path.js";
import { DataSession } from "../../../io/session.js";
import { quoteLiteral } from "../../../io/sql.js";
import type { Scale, SynthResult } from "../../types.js";
import { streamRng } from "../../../synth/rng.js";
import { asieColumns } from "./asie-table.js";
import { buildAsiePanel } from "./asie-panel.js";
import { buildCityPanel } from "./city-panel.js";
import { studyEstimands } from "./estimands.js";
import { insertBulkCustoms } from "./customs-bulk.js";
import { firmTradeRows } from "./customs-firm-rows.js";
import { CustomsRows } from "./customs-rows.js";
import { buildFirms } from "./firms.js";
import { provinceShortName, selectCities } from "./geography.js";
import { buildOutcomes } from "./outcomes.js";
import { writeLinkageTruth } from "./linkage-truth.js";
import { buildPatents } from "./patents.js";
import { PROVINCES } from "./places-data.js";
import { registryColumns } from "./registry-table.js";
import { robotImportRows } from "./robot-imports.js";
import { scaleSpec } from "./scale.js";
import {
  baseEmploymentColumns,
  becColumns,
  cityStatsColumns,
  nberCesColumns,
  usEmploymentColumns,
  usRobotsColumns,
} from "./small-tables.js";
import { buildTruth } from "./truth.js";
import { type GeneratedColumn, stageColumns, writeStaged } from "./write-columns.js";

/** Rows written by year, then in the order they were generated (a sort key `__k` left out of the file). */
const ROW_ORDER = "year, __k";

function rowKey(n: number): GeneratedColumn {
  return { name: "__k", type: "integer", values: Float64Array.from({ length: n }, (_, r) => r) };
}

/** Options of {@link synthUpstream}. */
export interface SynthOptions {
  readonly seed: number;
  readonly scale: Scale;
  readonly progress: (message: string) => void;
}

/**
 * Generate every source of study A into `dir` (which must exist) and write truth.json there.
 * @example const res = await synthUpstream("out/sources", { seed: 1, scale: "tiny", progress: console.log });
 */
export async function synthUpstream(dir: string, opts: SynthOptions): Promise<SynthResult> {
  const { seed, scale, progress } = opts;
  const spec = scaleSpec(scale);
  progress(`drawing ${spec.cities} cities and the instrument`);
  const cities = selectCities(streamRng(seed, "cities"), spec.cities);
  const placeNames = PROVINCES.flatMap((p) => [provinceShortName(p.name), ...p.cities.map((c) => c[1])]);
  progress("drawing the firms");
  const firms = buildFirms(seed, spec, cities, placeNames);
  const panel = buildCityPanel(seed, cities, firms);
  const customs = new CustomsRows();
  const shares = robotImportRows(seed, panel, firms, customs);
  progress("generating the ASIE panel");
  const asie = buildAsiePanel(seed, firms, panel);
  progress(`generating the outcomes of ${asie.n} ASIE firm-years`);
  const outcomes = buildOutcomes(seed, firms, panel, asie, shares.share);
  progress("generating trade in robot parts and component makers' trade");
  firmTradeRows(seed, firms, panel, asie, outcomes, shares.share, customs);
  progress("generating patent applications");
  const patents = buildPatents(seed, spec, firms, cities, asie, outcomes);

  const files: Record<string, string> = {};
  const session = await DataSession.open();
  try {
    // Paper scale sorts tens of millions of rows: let DuckDB spill to disk instead of taking the RAM.
    await session.run(`SET memory_limit = '3GB'`);
    await session.run(`SET temp_directory = ${quoteLiteral(await session.tempPath("-duckdb"))}`);
    const write = async (table: string, ext: string, cols: GeneratedColumn[], orderBy: string) => {
      progress(`writing ${table}`);
      const path = join(dir, `${table}.${ext}`);
      const keyed = orderBy === ROW_ORDER;
      await stageColumns(session, table, keyed ? [...cols, rowKey(cols[0].values.length)] : cols);
      await writeStaged(session, table, path, orderBy, keyed ? ["__k"] : []);
      files[table] = path;
    };
    await write(
      "registry",
      "parquet",
      registryColumns(seed, firms, cities),
      "firm_name, credit_code, founding_date",
    );
    await write("asie", "parquet", asieColumns(seed, firms, cities, asie, outcomes), ROW_ORDER);
    await write(
      "patents",
      "parquet",
      [
        { name: "application_no", type: "string", values: patents.applicationNo },
        { name: "applicant", type: "string", values: patents.applicant },
        { name: "application_year", type: "integer", values: patents.year },
        { name: "patent_type", type: "string", values: patents.type },
        { name: "address", type: "string", values: patents.address },
        { name: "title", type: "string", values: patents.title },
      ],
      "application_no",
    );
    progress(
      `writing customs (${customs.length} rows of robots, parts and component makers' trade, plus the bulk)`,
    );
    await stageColumns(session, "customs", [
      { name: "year", type: "integer", values: customs.year },
      { name: "firm_code", type: "string", values: customs.firmCode },
      { name: "firm_name", type: "string", values: customs.firmName },
      { name: "city", type: "string", values: customs.city },
      { name: "flow", type: "string", values: customs.flow },
      { name: "hs8", type: "string", values: customs.hs8 },
      { name: "trade_mode", type: "string", values: customs.tradeMode },
      { name: "country", type: "string", values: customs.country },
      { name: "value_usd", type: "number", values: customs.valueUsd },
      { name: "quantity", type: "number", values: customs.quantity },
      rowKey(customs.length),
    ]);
    await insertBulkCustoms(
      session,
      "customs",
      seed,
      firms,
      cities,
      spec.bulkRowsPerFirmYear,
      customs.length,
    );
    files.customs = join(dir, "customs.parquet");
    await writeStaged(session, "customs", files.customs, ROW_ORDER, ["__k"]);
    await writeLinkageTruth(session, dir, firms, cities, asie, patents);
    await write("city_stats", "csv", cityStatsColumns(panel), "city_code, year");
    await write("us_robots", "csv", usRobotsColumns(panel), "industry, year");
    await write("us_employment", "csv", usEmploymentColumns(panel), "industry");
    await write("base_employment", "csv", baseEmploymentColumns(panel), "city_code, industry");
    await write("nber_ces", "csv", nberCesColumns(seed, panel.years), "cic4, year");
    await write("bec", "csv", becColumns(), "hs6");
  } finally {
    await session.close();
  }
  const counts = {
    cities: cities.length,
    firms: firms.n,
    upstream_firms_in_asie: firms.kind.filter((k) => k === "upstream").length,
    asie_rows: asie.n,
    customs_rows_generated_in_js: customs.length,
    patent_rows: patents.applicant.length,
  };
  const truth = buildTruth(
    seed,
    scale,
    counts,
    studyEstimands({ firms, panel, asie, out: outcomes, share: shares.share, seed }),
  );
  const truthPath = join(dir, "truth.json");
  await writeAtomically(truthPath, (tmp) => writeFile(tmp, `${JSON.stringify(truth, null, 2)}\n`));
  return { files, truthPath };
}
