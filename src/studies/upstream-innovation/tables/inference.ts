/**
 * The `inference` table (issue 9 item 7): Table 2's headline 2SLS (lnspatent on robot instrumented
 * by us_robot; controls; firm, year, industry and city FE; SEs clustered by city × year) beside
 * LIML and Fuller(1), the 2SLS of ln(1 + patents) on every firm-year, and Poisson PML on the patent
 * counts: the reduced form (counts on us_robot) and the control function (counts on robot and the
 * first-stage residual). Under the 2SLS column the notes give the Anderson–Rubin 95% set and the wild
 * cluster restricted bootstrap (city × year clusters) of the AR test. Truths: synth/inference-truth.ts.
 */
import { feols } from "../../../estimate/feols.js";
import { arConfidenceSet } from "../../../estimate/iv-inference/ar-set.js";
import { wcrAr } from "../../../estimate/iv-inference/wcr-ar.js";
import type { EstimationResult } from "../../../estimate/result.js";
import type { Label } from "../../../report/table-spec.js";
import { CONTROLS, type ColumnSpec, FIRM_FE, formulaOf } from "../estimation/column.js";
import { FOOTER_IV, same, VAR } from "../labels.js";
import type { TablePlan } from "./assemble.js";
import { CONTROL, ppmlAsColumn, ppmlControlFunction, ppmlReducedForm } from "./inference-ppml.js";
import type { Panels } from "./panels.js";

/** Draws and seed of the WCR bootstrap (Rademacher weights: hundreds of city-year clusters). */
export const WCR_REPS = 999;
export const WCR_SEED = 20261;

const CLUSTER = "city^year";

interface Planned {
  readonly spec: ColumnSpec;
  readonly estimate: () => EstimationResult;
}

function fmt(v: number | null, sign: 1 | -1): string {
  return v === null ? (sign < 0 ? "−∞" : "∞") : v.toFixed(4);
}

/**
 * The plan of the inference table (every column estimated here; a column that fails is left out
 * with a note).
 * @example const plan = inferenceTable(panels);
 */
export function inferenceTable(panels: Panels): TablePlan {
  const base: ColumnSpec = {
    label: same("2SLS"),
    sublabel: same("lnspatent"),
    frame: panels.upstream,
    depvar: "lnspatent",
    regressor: "robot",
    instrument: "us_robot",
    controls: CONTROLS,
    fe: FIRM_FE,
    cluster: CLUSTER,
  };
  const formula = formulaOf(base);
  const vcov = `cluster:${CLUSTER}`;
  const iv = (estimator?: string) => () => feols(base.frame, formula, { vcov, estimator });
  const ln1p: ColumnSpec = { ...base, depvar: "ln1p_patent", sublabel: same("ln(1 + patents)") };
  const counts = { en: "patents (count)", zh: "专利申请数（计数）" };
  const planned: Planned[] = [
    { spec: base, estimate: iv() },
    { spec: { ...base, label: same("LIML") }, estimate: iv("liml") },
    { spec: { ...base, label: same("Fuller(1)") }, estimate: iv("fuller:1") },
    { spec: ln1p, estimate: () => feols(base.frame, formulaOf(ln1p), { vcov }) },
    {
      spec: { ...base, label: { en: "PPML, reduced form", zh: "PPML 简约式" }, sublabel: counts },
      estimate: () => ppmlAsColumn(ppmlReducedForm(base, "patents")),
    },
    {
      spec: { ...base, label: { en: "PPML, control function", zh: "PPML 控制函数" }, sublabel: counts },
      estimate: () => ppmlAsColumn(ppmlControlFunction(base, "patents")),
    },
  ];
  const columns: ColumnSpec[] = [];
  const results: Record<number, EstimationResult> = {};
  const notes: Label[] = [];
  planned.forEach((p, j) => {
    try {
      results[columns.length] = p.estimate();
      columns.push(p.spec);
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      notes.push({
        en: `Column "${p.spec.label.en}" (planned as (${j + 1})) could not be estimated and is left out: ${why}`,
        zh: `“${p.spec.label.zh}”列（原第（${j + 1}）列）无法估计，未列出：${why}`,
      });
    }
  });
  if (results[0]) notes.unshift(...robustNotes(base, formula, results[0]));
  return {
    id: "inference",
    title: {
      en: "Inference beyond the paper: LIML, Fuller, Anderson–Rubin, wild bootstrap and Poisson PML",
      zh: "稳健推断：LIML、Fuller、Anderson–Rubin 置信集、野自助法与泊松伪极大似然",
    },
    columns,
    results,
    rows: [
      { term: "robot", label: VAR.robot },
      { term: "us_robot", label: VAR.us_robot },
      {
        term: CONTROL,
        label: { en: "First-stage residual (control function)", zh: "第一阶段残差（控制函数）" },
      },
    ],
    footer: [
      FOOTER_IV[0],
      { key: "r2", label: { en: "R² (PPML: pseudo R²)", zh: "R2（PPML 为伪 R2）" }, stat: "r2" },
      ...FOOTER_IV.slice(2),
    ],
    notes: [...notes, ...methodNotes()],
  };
}

/** The Anderson–Rubin set and the WCR bootstrap of the 2SLS column, as notes. */
function robustNotes(base: ColumnSpec, formula: string, r2sls: EstimationResult): Label[] {
  const vcov = `cluster:${base.cluster}`;
  const out: Label[] = [];
  const ar = arConfidenceSet(base.frame, formula, { vcov });
  const set = ar.set.length ? ar.set.map(([lo, hi]) => `[${fmt(lo, -1)}, ${fmt(hi, 1)}]`).join(" ∪ ") : "∅";
  out.push({
    en: `Column (1): Anderson–Rubin 95% confidence set for robot (cluster-robust AR test, weak-instrument robust): ${set}.`,
    zh: `第（1）列：robot 的 Anderson–Rubin 95% 置信集（聚类稳健 AR 检验，对弱工具变量稳健）：${set}。`,
  });
  const b = r2sls.coefficients.find((c) => c.term === base.regressor);
  if (b && Number.isFinite(b.se)) {
    const w = wcrAr(
      base.frame,
      formula,
      { vcov },
      { reps: WCR_REPS, weights: "rademacher", seed: WCR_SEED },
      b.estimate,
      b.se,
    );
    const ci = `[${fmt(w.ci[0], -1)}, ${fmt(w.ci[1], 1)}]`;
    out.push({
      en: `Column (1): wild cluster restricted bootstrap of the AR test (${w.reps} Rademacher draws, seed ${WCR_SEED}, ${w.clusters} city × year clusters): p = ${w.p.toFixed(4)} for robot = 0; 95% interval ${ci}.`,
      zh: `第（1）列：AR 检验的野聚类限制性自助法（${w.reps} 次 Rademacher 抽样，种子 ${WCR_SEED}，${w.clusters} 个城市-年份聚类）：robot = 0 的 p 值 = ${w.p.toFixed(4)}；95% 区间 ${ci}。`,
    });
  }
  return out;
}

function methodNotes(): Label[] {
  return [
    {
      en: "Columns (1)–(3): lnspatent = ln(patents) on firm-years with patents; the equation is exactly identified, so LIML equals 2SLS and Fuller(1) differs from it by O(1/N). Column (4): ln(1 + patents) on every firm-year. Columns (5)–(6): Poisson PML (fixest fepois, ppmlhdfe) on the patent counts of every firm-year, firms whose counts are all zero removed. PPML with an endogenous regressor needs an instrument: (5) is the reduced form (counts on us_robot: the sign and significance of the effect, free of the ln(1 + y) transformation); (6) is the control function (counts on robot and the OLS first-stage residual), which removes the confounding when the first-stage error enters the count equation through a single index, as in the twin; with effects that differ across firms it averages them with weights proportional to expected counts, not with 2SLS's weights, so the twin's truth lists only the signs of (4)–(6). The robot SE of (6) ignores the estimation of the residual; the residual's coefficient tests the exogeneity of robot.",
      zh: "第（1）–（3）列：lnspatent = ln(专利数)，样本为有专利的企业-年份；方程恰好识别，LIML 与 2SLS 相同，Fuller(1) 与之相差 O(1/N)。第（4）列：全部企业-年份的 ln(1 + 专利数)。第（5）–（6）列：对全部企业-年份的专利计数做泊松伪极大似然（fixest fepois、ppmlhdfe），剔除计数全为零的企业。内生解释变量的 PPML 需要工具变量：（5）为简约式（计数对 us_robot，给出效应的方向与显著性，不受 ln(1 + y) 变换影响）；（6）为控制函数法（计数对 robot 与 OLS 第一阶段残差），在第一阶段误差以单一指数进入计数方程时（孪生数据即如此）可消除混杂；企业间效应异质时，其按期望计数而非 2SLS 的权重加权平均，故孪生数据的真值对（4）–（6）列只给出符号。（6）的 robot 标准误未考虑残差的估计误差，残差系数检验 robot 的外生性。",
    },
  ];
}
