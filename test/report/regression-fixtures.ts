/** Real estimation results for the report tests: OLS and 2SLS fits by `feols` on small seeded data. */
import { feols } from "../../src/estimate/feols.js";
import type { EstimationResult } from "../../src/estimate/result.js";
import { frameFromArrays } from "../../src/frame/frame.js";
import type { Label, TableSpec } from "../../src/report/table-spec.js";

/** A small deterministic pseudo-random generator (LCG), uniform on [−0.5, 0.5). */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
}

/**
 * y = 1 + 0.5 x1 − 1.2 d + u with d endogenous (shares u), instrumented by z (and z2); 10 groups g;
 * x2 pure noise; x1big = 10⁶·x1, so its coefficient is tiny (≈ 5·10⁻⁷).
 */
export function makeResults(): {
  ols: EstimationResult;
  olsNoise: EstimationResult;
  olsTiny: EstimationResult;
  iv: EstimationResult;
  ivOver: EstimationResult;
  ivIid: EstimationResult;
} {
  const rnd = lcg(7);
  const n = 200;
  const cols: Record<string, (number | string)[]> = {
    y: [],
    x1: [],
    x1big: [],
    x2: [],
    d: [],
    z: [],
    z2: [],
    g: [],
  };
  for (let i = 0; i < n; i++) {
    const z = rnd();
    const u = rnd();
    const x1 = rnd();
    const z2 = rnd();
    const d = z + 0.3 * z2 + 0.5 * u + 0.2 * rnd();
    cols.z.push(z);
    cols.z2.push(z2);
    cols.x1big.push(x1 * 1e6);
    cols.x1.push(x1);
    cols.x2.push(rnd());
    cols.d.push(d);
    cols.y.push(1 + 0.5 * x1 - 1.2 * d + u + 0.3 * rnd());
    cols.g.push(`g${i % 10}`);
  }
  const frame = frameFromArrays(cols);
  return {
    ols: feols(frame, "y ~ x1 + d | g", { vcov: "cluster:g" }),
    olsNoise: feols(frame, "y ~ x2 + d", { vcov: "hetero" }),
    olsTiny: feols(frame, "y ~ x1big + d", { vcov: "hetero" }),
    iv: feols(frame, "y ~ x1 | g | d ~ z", { vcov: "hetero" }),
    ivOver: feols(frame, "y ~ x1 | g | d ~ z + z2", { vcov: "hetero" }),
    ivIid: feols(frame, "y ~ x1 | d ~ z", { vcov: "iid" }),
  };
}

export const L = (en: string, zh: string): Label => ({ en, zh });

/** The papers' Table 2 shape: OLS, first stage, second stage, with literal and statistic footers. */
export function makeSpec(r = makeResults()): TableSpec {
  return {
    id: "table2",
    title: L("Baseline_results & 5% #1", "基准回归"),
    columns: [
      {
        label: L("OLS", "OLS"),
        sublabel: L("y", "y"),
        result: r.ols,
        footer: { controls: "Yes", fe: "Yes" },
      },
      {
        label: L("2SLS", "2SLS"),
        sublabel: L("First stage: d", "第一阶段：d"),
        result: r.iv,
        firstStageOf: "d",
        footer: { controls: "Yes", fe: "Yes" },
      },
      {
        label: L("2SLS", "2SLS"),
        sublabel: L("y", "y"),
        result: r.iv,
        footer: { controls: "Yes", fe: "No" },
      },
    ],
    rows: [
      { term: "d", label: L("robot_d", "机器人 d"), aliases: ["z"] },
      { term: "x1", label: L("x1", "x1") },
    ],
    footer: [
      { key: "controls", label: L("Controls", "控制变量"), stat: "literal" },
      { key: "fe", label: L("Group FE", "组固定效应"), stat: "literal" },
      { key: "n", label: L("Observations", "样本量"), stat: "nobs" },
      { key: "r2", label: L("R²", "R²"), stat: "r2" },
      { key: "r2c", label: L("Centered R²", "Centered R²"), stat: "r2_centered" },
      { key: "kplm", label: L("Kleibergen-Paap rk LM", "Kleibergen-Paap rk LM 统计量"), stat: "kp_lm" },
      { key: "cdf", label: L("Cragg-Donald Wald F", "Cragg-Donald Wald F 统计量"), stat: "cd_f" },
      { key: "kpf", label: L("Kleibergen-Paap rk Wald F", "Kleibergen-Paap rk Wald F 统计量"), stat: "kp_f" },
      { key: "sy", label: L("Stock-Yogo 10%", "Stock-Yogo 10%"), stat: "stock_yogo_10" },
    ],
    notes: [L("Robust standard errors; column (1) clustered by g.", "稳健标准误；第（1）列按 g 聚类。")],
  };
}

/** Significance stars by the papers' thresholds, written out independently of the code under test. */
export function expectedStars(p: number): string {
  return p < 0.01 ? "***" : p < 0.05 ? "**" : p < 0.1 ? "*" : "";
}

/** Minimal RFC 4180 parser (quoted fields, doubled quotes), for checking the CSV output. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += c;
  }
  if (field !== "" || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** What a spreadsheet shows for a cell written as ="…" (or the cell itself). */
export function shown(cell: string): string {
  const m = /^="(.*)"$/s.exec(cell);
  return m ? m[1].replace(/""/g, '"') : cell;
}
