/**
 * Figures 3–5 from the study's own (synthetic or user) data: base-year TFP against robot adoption
 * (four quadrants), robots per worker over time by TFP group, and robot installations by industry
 * with the high- to low-TFP ratio of employment shares.
 */
import type { Frame } from "../../../frame/frame.js";
import { barsWithRatioFigure } from "../../../report/figures/bars-with-ratio-figure.js";
import type { FigureSpec } from "../../../report/figures/figure-spec.js";
import { groupLinesFigure } from "../../../report/figures/group-lines-figure.js";
import { quadrantScatterFigure } from "../../../report/figures/quadrant-scatter-figure.js";
import type { Label } from "../../../report/table-spec.js";
import type { Lang } from "../../types.js";
import type { EconomyMeasures } from "../economy-measures.js";
import { ADOPTION_YEARS } from "../economy-sql.js";
import { cat, levelsOf, num } from "../frame-columns.js";
import { industryLabel, INDUSTRY_CODES } from "../sectors.js";

const SOURCE: Label = {
  en: "Source: the study's IFR-, PWT- and WIOD-like sources (synthetic data unless a configuration names real files).",
  zh: "数据来源:本研究的 IFR、PWT 和 WIOD 类数据(未指定真实数据文件时为合成数据)。",
};
const GROUPS: Readonly<Record<"high" | "low", Label>> = {
  high: { en: "High-TFP economies", zh: "高生产率经济体" },
  low: { en: "Low-TFP economies", zh: "低生产率经济体" },
};

/**
 * Figure 3: base-year (2000) TFP against robots installed 2000–2019 per 100 manufacturing workers.
 * @example figure3(econBase, "en");
 */
export function figure3(econBase: Frame, lang: Lang): FigureSpec {
  const iso3 = levelsOf(cat(econBase, "iso3"));
  const x = num(econBase, "tfp_base");
  const y = num(econBase, "robots_per100");
  const points = iso3
    .map((label, i) => ({ label, x: x[i], y: y[i] }))
    .filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  return quadrantScatterFigure({
    id: "figure3",
    title: {
      en: `Figure 3. Robot installations ${ADOPTION_YEARS.first}–${ADOPTION_YEARS.last} and base-year (${ADOPTION_YEARS.first}) TFP`,
      zh: `图 3 ${ADOPTION_YEARS.first}—${ADOPTION_YEARS.last} 年各经济体机器人安装量与基期(${ADOPTION_YEARS.first} 年)全要素生产率`,
    },
    points,
    xLabel: {
      en: `TFP in ${ADOPTION_YEARS.first} (ctfp, USA = 1)`,
      zh: `基期全要素生产率(${ADOPTION_YEARS.first} 年)`,
    },
    yLabel: { en: "Robots installed per 100 manufacturing workers", zh: "每百人机器人安装量" },
    lang,
    caption: SOURCE,
  });
}

/**
 * Figure 4: mean robot stock per 1,000 manufacturing workers (base year) by year, high- vs low-TFP economies.
 * @example figure4(density, economy, "zh");
 */
export function figure4(density: Frame, economy: EconomyMeasures, lang: Lang): FigureSpec {
  const high = new Map(economy.economies.map((e, i) => [e, economy.classes.highTfp[i]]));
  const iso3 = levelsOf(cat(density, "iso3"));
  const year = num(density, "year");
  const d = num(density, "density");
  const acc = new Map<string, { sum: number; n: number }>();
  iso3.forEach((e, i) => {
    const h = high.get(e);
    if (h === undefined || h < 0 || !Number.isFinite(d[i])) return;
    const key = `${h === 1 ? "high" : "low"}|${year[i]}`;
    const a = acc.get(key) ?? { sum: 0, n: 0 };
    a.sum += d[i];
    a.n++;
    acc.set(key, a);
  });
  const rows: { group: string; t: number; value: number }[] = [];
  for (const g of ["high", "low"] as const) {
    for (let t = ADOPTION_YEARS.first; t <= ADOPTION_YEARS.last; t++) {
      const a = acc.get(`${g}|${t}`);
      if (a) rows.push({ group: lang === "zh" ? GROUPS[g].zh : GROUPS[g].en, t, value: a.sum / a.n });
    }
  }
  return groupLinesFigure({
    id: "figure4",
    title: {
      en: "Figure 4. Robots per worker over time by TFP group",
      zh: "图 4 不同经济体分组人均机器人保有量的时序变化",
    },
    rows,
    xLabel: { en: "Year", zh: "年份" },
    yLabel: { en: "Robot stock per 1,000 manufacturing workers", zh: "每千名制造业员工机器人保有量" },
    lang,
    caption: SOURCE,
  });
}

/**
 * Figure 5: robots installed 2000–2019 by industry (all economies of the IFR source) and the ratio of
 * the high-TFP group's mean base-year employment share to the low-TFP group's.
 * @example figure5(globalRobots, empBase, economy, "en");
 */
export function figure5(
  globalRobots: Frame,
  empBase: Frame,
  economy: EconomyMeasures,
  lang: Lang,
): FigureSpec {
  const high = new Map(economy.economies.map((e, i) => [e, economy.classes.highTfp[i]]));
  const gInd = levelsOf(cat(globalRobots, "industry"));
  const installs = num(globalRobots, "installs_2019");
  const eIso = levelsOf(cat(empBase, "iso3"));
  const eInd = levelsOf(cat(empBase, "industry"));
  const emp = num(empBase, "emp");
  const total = new Map<string, number>();
  eIso.forEach((e, i) => {
    total.set(e, (total.get(e) ?? 0) + emp[i]);
  });
  const shares = new Map<string, { high: number[]; low: number[] }>();
  eIso.forEach((e, i) => {
    const h = high.get(e);
    if (h === undefined || h < 0) return;
    const s = shares.get(eInd[i]) ?? { high: [], low: [] };
    (h === 1 ? s.high : s.low).push(emp[i] / (total.get(e) ?? Number.NaN));
    shares.set(eInd[i], s);
  });
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
  const bars = INDUSTRY_CODES.map((code) => {
    const k = gInd.indexOf(code);
    const s = shares.get(code);
    return {
      category: lang === "zh" ? industryLabel(code).zh : industryLabel(code).en,
      value: k >= 0 ? installs[k] : Number.NaN,
      ratio: s?.high.length && s.low.length ? mean(s.high) / mean(s.low) : Number.NaN,
    };
  })
    .filter((b) => Number.isFinite(b.value) && Number.isFinite(b.ratio))
    .sort((a, b) => b.value - a.value);
  return barsWithRatioFigure({
    id: "figure5",
    title: {
      en: `Figure 5. Robot installations by industry (${ADOPTION_YEARS.first}–${ADOPTION_YEARS.last}) and base-year industry structure`,
      zh: "图 5 各行业机器人安装量和基期产业结构",
    },
    bars,
    barLabel: { en: "Robots installed", zh: "机器人安装量" },
    ratioLabel: {
      en: "Employment share, high- / low-TFP economies",
      zh: "高/低生产率经济体行业就业份额之比",
    },
    lang,
    caption: {
      en: `${SOURCE.en} Dashed line: ratio 1 (no size advantage).`,
      zh: `${SOURCE.zh} 虚线为比值 1。`,
    },
  });
}
