/**
 * Writing the source tables: Parquet for the large tables and CSV for the China yearbook table,
 * with the schema's column types (years as integers), rows sorted by their keys, each file written
 * to a temporary name and renamed into place.
 */
import { join } from "node:path";
import { registerFrame } from "../../../io/from-frame.js";
import type { DataSession } from "../../../io/session.js";
import { quoteIdent } from "../../../io/sql.js";
import { writeTable } from "../../../io/write-file.js";
import { schema } from "../schema.js";
import type { SourceFrames } from "./source-frames.js";

/** File name of each source. */
export const SOURCE_FILES: Readonly<Record<keyof SourceFrames, string>> = {
  ifr: "ifr.parquet",
  pwt: "pwt.parquet",
  wiod_sea: "wiod_sea.parquet",
  wdi: "wdi.parquet",
  china_labour: "china_labour.csv",
};

const SORT: Readonly<Record<keyof SourceFrames, string>> = {
  ifr: "iso3, industry, year",
  pwt: "iso3, year",
  wiod_sea: "iso3, sector, year",
  wdi: "iso3, year",
  china_labour: "sector, year",
};

/**
 * Write every source table into `dir`; returns canonical name → path.
 * @example const files = await writeSources(session, frames, "synth/tfp-divergence");
 */
export async function writeSources(
  session: DataSession,
  frames: SourceFrames,
  dir: string,
): Promise<Record<string, string>> {
  const files: Record<string, string> = {};
  for (const table of schema.tables) {
    const name = table.name as keyof SourceFrames;
    const stage = session.tempName(`synth_${name}`);
    await registerFrame(session, stage, frames[name]);
    const select = table.columns
      .map((c) => {
        const q = quoteIdent(c.name);
        const type = c.type === "string" ? "VARCHAR" : c.type === "integer" ? "INTEGER" : "DOUBLE";
        return `CAST(${q} AS ${type}) AS ${q}`;
      })
      .join(", ");
    const out = session.tempName(`synth_${name}_typed`);
    await session.run(
      `CREATE TABLE ${quoteIdent(out)} AS SELECT ${select} FROM ${quoteIdent(stage)} ORDER BY ${SORT[name]}`,
    );
    const path = join(dir, SOURCE_FILES[name]);
    await writeTable(session, out, path);
    await session.run(`DROP TABLE ${quoteIdent(stage)}`);
    await session.run(`DROP TABLE ${quoteIdent(out)}`);
    files[name] = path;
  }
  return files;
}
