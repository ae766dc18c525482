/**
 * Figures 1 and 2 from the real Penn World Table 9.1 shipped with the package (`data/pwt91.csv`):
 * kernel densities across economies of TFP at constant national prices (rtfpna, growth over time)
 * and of TFP relative to the US (ctfp, dispersion across economies) for several years.
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

/** Years whose densities are drawn (PWT 9.1 ends in 2017). */
export const PWT_YEARS: readonly number[] = [1990, 2000, 2010, 2017];

/** The caption required for the real data. */
export const PWT_SOURCE: Label = {
  en: "Source: Penn World Table 9.1, Feenstra, Inklaar & Timmer (2015), CC BY 4.0 (real data shipped with robometrics). Economies with data in every year shown; Epanechnikov kernel, Stata's default bandwidth.",
  zh: "数据来源:佩恩表(Penn World Table 9.1),Feenstra, Inklaar & Timmer (2015),CC BY 4.0(随 robometrics 附带的真实数据)。样本为各年份均有数据的经济体;Epanechnikov 核,Stata 默认带宽。",
};

/**
 * Read `data/pwt91.csv` into table `pwt91_real` (once per session).
 * @example await loadPwt91(session);
 */
export async function loadPwt91(session: DataSession): Promise<string> {
  const path = join(packageRoot(), "data", "pwt91.csv");
  if (!(await session.hasTable("pwt91_real"))) await readFile(session, "pwt91_real", path);
  return path;
}

/**
 * The values of `variable` in each of PWT_YEARS over the economies that have it in all of them.
 * @example const byYear = await balancedValues(session, "ctfp");
 */
export async function balancedValues(
  session: DataSession,
  variable: "rtfpna" | "ctfp",
): Promise<Float64Array[]> {
  await loadPwt91(session);
  const years = PWT_YEARS.join(", ");
  const rows = await session.rows(
    `WITH v AS (SELECT isocode, year, CAST(${variable} AS DOUBLE) AS x FROM pwt91_real
                WHERE year IN (${years}) AND ${variable} IS NOT NULL),
          ok AS (SELECT isocode FROM v GROUP BY isocode HAVING count(DISTINCT year) = ${PWT_YEARS.length})
     SELECT v.year, v.x FROM v JOIN ok USING (isocode) ORDER BY v.year, v.isocode`,
    `reading ${variable} from the Penn World Table 9.1`,
  );
  return PWT_YEARS.map((y) =>
    Float64Array.from(
      rows.filter((r) => r.year === y),
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
): Promise<FigureSpec> {
  const byYear = await balancedValues(session, variable);
  const series = byYear.map((x, k) => {
    const d = kdensity(x);
    return { label: String(PWT_YEARS[k]), x: d.at, density: d.density };
  });
  return kdensityFigure({ id, title, series, xLabel, lang, caption: PWT_SOURCE });
}

/**
 * Figure 1: densities of rtfpna (TFP at constant national prices, 2011 = 1 in PWT 9.1).
 * @example const fig = await figure1(session, "en");
 */
export function figure1(session: DataSession, lang: Lang): Promise<FigureSpec> {
  return densityFigure(
    session,
    "figure1",
    "rtfpna",
    {
      en: "Figure 1. TFP growth across economies (PWT 9.1)",
      zh: "图 1 各经济体全要素生产率增长趋势(PWT 9.1)",
    },
    {
      en: "TFP at constant national prices (rtfpna, 2011 = 1)",
      zh: "按不变价计算的全要素生产率(rtfpna,2011 = 1)",
    },
    lang,
  );
}

/**
 * Figure 2: densities of ctfp (TFP at current PPPs, USA = 1).
 * @example const fig = await figure2(session, "zh");
 */
export function figure2(session: DataSession, lang: Lang): Promise<FigureSpec> {
  return densityFigure(
    session,
    "figure2",
    "ctfp",
    {
      en: "Figure 2. Divergence of TFP across economies (PWT 9.1)",
      zh: "图 2 各经济体全要素生产率分化趋势(PWT 9.1)",
    },
    {
      en: "TFP at current PPPs relative to the US (ctfp, USA = 1)",
      zh: "相对美国的全要素生产率(ctfp,美国 = 1)",
    },
    lang,
  );
}
