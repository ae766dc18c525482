/**
 * Figures 1 and 2 (the paper's "根据佩恩表(PWT 10.01)数据库整理得到"): kernel densities across the
 * sample's economies of TFP at constant national prices (rtfpna, 2017 = 1: growth over time,
 * Figure 1) and of TFP at current PPPs relative to the US (ctfp: divergence across economies,
 * Figure 2), in the first and last years of the economy-year panel and two years between. The
 * values come from the real PWT 10.01 shipped in `data/pwt1001.dta` when the run is on the
 * synthetic twin (whose economies are real ones), and from the user's own `pwt` source otherwise.
 */
import { join } from "node:path";
import type { DataSession } from "../../../io/session.js";
import { readFile } from "../../../io/read-file.js";
import { kdensity } from "../../../measures/index.js";
import { packageRoot } from "../../../package-root.js";
import { kdensityFigure } from "../../../report/figures/kdensity-figure.js";
import type { FigureSpec } from "../../../report/figures/figure-spec.js";
import type { Label } from "../../../report/table-spec.js";
import type { Lang } from "../../types.js";

/** Years whose densities are drawn: the economy-year panel's first and last years and two between. */
export const PWT_YEARS: readonly number[] = [1994, 2000, 2010, 2019];

/** Which PWT the figures read: the shipped PWT 10.01 (synthetic twin) or the run's `pwt` source. */
export interface PwtChoice {
  readonly shipped: boolean;
}

/** The caption of the shipped real data. */
export const PWT_SOURCE: Label = {
  en: "Source: Penn World Table 10.01, Feenstra, Inklaar & Timmer (2015), www.ggdc.net/pwt, CC BY 4.0 (real data shipped with robometrics), for the economies of the economy-year panel. Economies with data in every year shown; Epanechnikov kernel, Stata's default bandwidth.",
  zh: "数据来源:佩恩表(Penn World Table 10.01),Feenstra, Inklaar & Timmer (2015),www.ggdc.net/pwt,CC BY 4.0(随 robometrics 附带的真实数据),样本为经济体-年份面板的经济体。仅含各年份均有数据的经济体;Epanechnikov 核,Stata 默认带宽。",
};

/** The caption when the figures use the user's own PWT file. */
export const OWN_PWT_SOURCE: Label = {
  en: "Source: the Penn World Table file of the configuration (source `pwt`), for the economies of the economy-year panel. Economies with data in every year shown; Epanechnikov kernel, Stata's default bandwidth.",
  zh: "数据来源:配置文件中的佩恩表文件(数据源 `pwt`),样本为经济体-年份面板的经济体。仅含各年份均有数据的经济体;Epanechnikov 核,Stata 默认带宽。",
};

/**
 * Read `data/pwt1001.dta` into table `pwt1001_real` (once per session) as (iso3, year, ctfp, rtfpna).
 * @example await loadPwt1001(session);
 */
export async function loadPwt1001(session: DataSession): Promise<string> {
  const path = join(packageRoot(), "data", "pwt1001.dta");
  if (!(await session.hasTable("pwt1001_real"))) {
    await readFile(session, "pwt1001_raw", path);
    await session.run(
      `CREATE TABLE pwt1001_real AS
       SELECT countrycode AS iso3, CAST(year AS INTEGER) AS year,
              CAST(ctfp AS DOUBLE) AS ctfp, CAST(rtfpna AS DOUBLE) AS rtfpna
       FROM pwt1001_raw`,
      "reading the Penn World Table 10.01",
    );
  }
  return path;
}

/**
 * The values of `variable` in each of PWT_YEARS over the economies of the economy-year panel
 * (`b_country`) that have it in all of them.
 * @example const byYear = await balancedValues(session, "ctfp", { shipped: true });
 */
export async function balancedValues(
  session: DataSession,
  variable: "rtfpna" | "ctfp",
  pwt: PwtChoice,
): Promise<Float64Array[]> {
  if (pwt.shipped) await loadPwt1001(session);
  const table = pwt.shipped ? "pwt1001_real" : "pwt";
  const years = PWT_YEARS.join(", ");
  const rows = await session.rows(
    `WITH v AS (SELECT iso3, year, CAST(${variable} AS DOUBLE) AS x FROM ${table}
                WHERE year IN (${years}) AND ${variable} IS NOT NULL
                  AND iso3 IN (SELECT DISTINCT iso3 FROM b_country)),
          ok AS (SELECT iso3 FROM v GROUP BY iso3 HAVING count(DISTINCT year) = ${PWT_YEARS.length})
     SELECT v.year, v.x FROM v JOIN ok USING (iso3) ORDER BY v.year, v.iso3`,
    `reading ${variable} from the Penn World Table`,
  );
  return PWT_YEARS.map((y) =>
    Float64Array.from(
      rows.filter((r) => Number(r.year) === y),
      (r) => Number(r.x),
    ),
  );
}

async function densityFigure(
  session: DataSession,
  id: string,
  variable: "rtfpna" | "ctfp",
  title: Label,
  xLabel: Label,
  lang: Lang,
  pwt: PwtChoice,
): Promise<FigureSpec> {
  const byYear = await balancedValues(session, variable, pwt);
  const short = PWT_YEARS.filter((_, k) => byYear[k].length < 2);
  if (short.length)
    throw new Error(
      `${id}: fewer than 2 economies of the economy-year panel have ${variable} in ${short.join(", ")} in the Penn World Table; a kernel density needs at least 2`,
    );
  const series = byYear.map((x, k) => {
    const d = kdensity(x);
    return { label: String(PWT_YEARS[k]), x: d.at, density: d.density };
  });
  return kdensityFigure({
    id,
    title,
    series,
    xLabel,
    lang,
    caption: pwt.shipped ? PWT_SOURCE : OWN_PWT_SOURCE,
  });
}

/**
 * Figure 1: densities of rtfpna (TFP at constant national prices, 2017 = 1 in PWT 10.01).
 * @example const fig = await figure1(session, "en", { shipped: true });
 */
export function figure1(session: DataSession, lang: Lang, pwt: PwtChoice): Promise<FigureSpec> {
  return densityFigure(
    session,
    "figure1",
    "rtfpna",
    {
      en: "Figure 1. TFP growth across economies (PWT 10.01)",
      zh: "图 1 各经济体全要素生产率增长趋势(PWT 10.01)",
    },
    {
      en: "TFP at constant national prices (rtfpna, 2017 = 1)",
      zh: "按不变价计算的全要素生产率(rtfpna,2017 = 1)",
    },
    lang,
    pwt,
  );
}

/**
 * Figure 2: densities of ctfp (TFP at current PPPs, USA = 1).
 * @example const fig = await figure2(session, "zh", { shipped: true });
 */
export function figure2(session: DataSession, lang: Lang, pwt: PwtChoice): Promise<FigureSpec> {
  return densityFigure(
    session,
    "figure2",
    "ctfp",
    {
      en: "Figure 2. Divergence of TFP across economies (PWT 10.01)",
      zh: "图 2 各经济体全要素生产率分化趋势(PWT 10.01)",
    },
    {
      en: "TFP at current PPPs relative to the US (ctfp, USA = 1)",
      zh: "相对美国的全要素生产率(ctfp,美国 = 1)",
    },
    lang,
    pwt,
  );
}
