/**
 * The industry control cic4_hhi: the Herfindahl index of sales within CIC 4-digit industry and year,
 * over every ASIE firm.
 */
import { registerFrame } from "../../../io/from-frame.js";
import { toFrame } from "../../../io/to-frame.js";
import { hhi } from "../../../measures/hhi.js";
import type { PipelineContext } from "../context.js";

/**
 * Create table `hhi(cic4, year, cic4_hhi)`.
 * @example await buildHhi(ctx, "asie.parquet");
 */
export async function buildHhi(ctx: PipelineContext, file: string): Promise<void> {
  const { session } = ctx;
  const neg = await session.rows(
    "SELECT firm, year, sales FROM asie_clean WHERE sales < 0 ORDER BY firm, year LIMIT 1",
  );
  if (neg.length) {
    throw new Error(
      `${file}: column "sales" of asie is negative (${neg[0].sales}) for org_code ${neg[0].firm} in ${neg[0].year}; sales must be ≥ 0`,
    );
  }
  const f = await toFrame(
    session,
    "SELECT cic4, year, sales FROM asie_clean WHERE cic4 IS NOT NULL ORDER BY firm, year",
    {
      source: file,
    },
  );
  const cic = f.columns.cic4;
  const year = f.columns.year;
  const sales = f.columns.sales;
  if (cic.type !== "category" || year.type !== "number" || sales.type !== "number") {
    throw new Error(`${file}: asie columns cic4 (text), year and sales (numbers) are needed for the HHI`);
  }
  const h = hhi(sales.values, [cic, year.values]);
  const seen = new Map<string, number>();
  const codes: number[] = [];
  const years: number[] = [];
  const values: number[] = [];
  for (let i = 0; i < f.nrows; i++) {
    const k = `${cic.codes[i]}|${year.values[i]}`;
    if (seen.has(k)) continue;
    seen.set(k, i);
    codes.push(cic.codes[i]);
    years.push(year.values[i]);
    values.push(h[i]);
  }
  await registerFrame(session, "hhi", {
    nrows: codes.length,
    names: ["cic4", "year", "cic4_hhi"],
    columns: {
      cic4: { type: "category", codes: Int32Array.from(codes), levels: cic.levels },
      year: { type: "number", values: Float64Array.from(years) },
      cic4_hhi: { type: "number", values: Float64Array.from(values) },
    },
    source: "cic4_hhi",
  });
}
