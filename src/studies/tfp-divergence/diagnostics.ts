/**
 * A reviewable record of the pipeline's intermediate steps, written next to the tables: which
 * economies entered each panel and which were dropped (and why), the Levinsohn–Petrin elasticities,
 * every structural match (economy → most similar economy, correlation) and the classes I–IV.
 */
import { join } from "node:path";
import type { DataSession } from "../../io/session.js";
import type { KeyColumn, SimilarityMatch } from "../../measures/index.js";
import { writeFileAtomic } from "../../report/atomic-write.js";
import type { Panels } from "./panels.js";

/** One row of the match list. */
interface MatchRow {
  readonly index:
    | "TS (country panel, WDI 1994–2019)"
    | "TL (industry panel, WIOD)"
    | "TS (industry panel, WIOD)";
  readonly economy: string;
  readonly match: string;
  readonly correlation: number;
  readonly years: number;
}

function keyText(k: KeyColumn, i: number): string {
  if (k instanceof Float64Array || k instanceof Int32Array) return String(k[i]);
  return k.codes[i] < 0 ? "" : k.levels[k.codes[i]];
}

function matchRows(index: MatchRow["index"], m: SimilarityMatch): MatchRow[] {
  return Array.from(m.correlation, (r, i) => ({
    index,
    economy: keyText(m.unit, i),
    match: keyText(m.match, i),
    correlation: r,
    years: m.common[i],
  }));
}

async function list(session: DataSession, sql: string): Promise<string[]> {
  return (await session.rows(sql)).map((r) => String(r.iso3));
}

/**
 * Write `dir/pipeline.json` and `dir/matches.csv`; returns their paths.
 * @example await writeDiagnostics(session, panels, "out/tfp-divergence/diagnostics");
 */
export async function writeDiagnostics(session: DataSession, panels: Panels, dir: string): Promise<string[]> {
  const matches = [
    ...matchRows("TS (country panel, WDI 1994–2019)", panels.country.tsMatch),
    ...matchRows("TL (industry panel, WIOD)", panels.industry.tl),
    ...matchRows("TS (industry panel, WIOD)", panels.industry.ts),
  ];
  const lp = panels.industry.lp;
  const record = {
    country_panel: {
      economies: await list(session, "SELECT DISTINCT iso3 FROM b_country ORDER BY 1"),
      rows: panels.country.frame.nrows,
      dropped_missing_ifr_wdi_or_base_year_pwt: await list(
        session,
        "SELECT DISTINCT iso3 FROM pwt EXCEPT SELECT DISTINCT iso3 FROM b_country ORDER BY 1",
      ),
    },
    industry_panel: {
      economies: await list(session, "SELECT DISTINCT iso3 FROM b_industry ORDER BY 1"),
      rows: panels.industry.frame.nrows,
      dropped_wiod_economies_without_robot_data: await list(
        session,
        "SELECT DISTINCT iso3 FROM wiod_sea EXCEPT SELECT DISTINCT iso3 FROM b_industry ORDER BY 1",
      ),
      china_employment_from_labour_yearbook: (
        await session.rows("SELECT count(*) AS n FROM wiod_sea WHERE iso3 = 'CHN' AND emp IS NULL")
      )[0].n,
    },
    levinsohn_petrin: lp.functions.map((f) => ({
      industry: f.industry,
      labor: f.labor,
      capital: f.capital,
      nobs: f.nobs,
      units: f.units,
      second_stage_rows: f.secondStageRows,
    })),
    classes: panels.economy.economies.map((e, i) => ({
      economy: e,
      class: ["", "I", "II", "III", "IV"][panels.economy.classes.classes[i]],
      high_tfp: panels.economy.classes.highTfp[i],
      stru: panels.economy.stru.get(e) ?? null,
    })),
    class_split: {
      tfp_mean: panels.economy.classes.tfpMean,
      robots_per100_mean: panels.economy.classes.robotMean,
    },
  };
  const jsonPath = join(dir, "pipeline.json");
  const csvPath = join(dir, "matches.csv");
  await writeFileAtomic(jsonPath, `${JSON.stringify(record, null, 2)}\n`);
  const csv = [
    "index,economy,match,correlation,years",
    ...matches.map(
      (m) =>
        `"${m.index}",${m.economy},${m.match},${Number.isFinite(m.correlation) ? m.correlation : ""},${m.years}`,
    ),
  ].join("\n");
  await writeFileAtomic(csvPath, `${csv}\n`);
  return [jsonPath, csvPath];
}
