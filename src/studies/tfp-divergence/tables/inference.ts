/**
 * The `inference` table (issue 9 item 7): Table 3's headline 2SLS of TFP on Exposure beside LIML and
 * Fuller(1), Driscoll–Kraay SEs for the country panel, the Anderson–Rubin 95% set (robust VCOV, weak-
 * instrument robust) and the wild cluster restricted bootstrap of the AR test with economy clusters
 * (one instrument: the country panel). The truth of every column whose estimator is consistent for
 * the DGP's estimand is in truth.json under `inference.<column>.Exposure` (synth/inference-truth.ts).
 */
import { arConfidenceSet } from "../../../estimate/iv-inference/ar-set.js";
import { wcrAr } from "../../../estimate/iv-inference/wcr-ar.js";
import { feols } from "../../../estimate/feols.js";
import type { EstimateOptions } from "../../../estimate/options.js";
import type { FooterRow, Label, TableColumn, TableSpec } from "../../../report/table-spec.js";
import type { Estimator } from "../estimator.js";
import { feFooter } from "../estimator.js";
import { baseline2sls, VCOV } from "../formulas.js";
import { FOOTER } from "../labels.js";
import { dep, panelGroups, rows } from "./common.js";

/** Driscoll–Kraay bandwidth (lags + 1, ivreg2's `bw`) for the annual country panel. */
export const DK_BW = 3;
/** Bootstrap draws and seed of the table's WCR (Webb weights: 60 economies). */
export const WCR_REPS = 1999;
export const WCR_SEED = 20260;

interface InferenceColumn {
  readonly panel: "country" | "industry";
  readonly label: Label;
  readonly opts: EstimateOptions;
  /** Show the AR set and (one instrument) the WCR bootstrap under this column. */
  readonly robust: boolean;
}

const COLUMNS: readonly InferenceColumn[] = [
  { panel: "country", label: { en: "2SLS", zh: "2SLS" }, opts: { vcov: VCOV }, robust: true },
  {
    panel: "country",
    label: { en: "LIML", zh: "LIML" },
    opts: { vcov: VCOV, estimator: "liml" },
    robust: false,
  },
  {
    panel: "country",
    label: { en: "Fuller(1)", zh: "Fuller(1)" },
    opts: { vcov: VCOV, estimator: "fuller:1" },
    robust: false,
  },
  {
    panel: "country",
    label: { en: "2SLS, Driscoll–Kraay", zh: "2SLS，Driscoll–Kraay 标准误" },
    opts: { vcov: "dkraay", bw: DK_BW, panel: "iso3", time: "year" },
    robust: false,
  },
  { panel: "industry", label: { en: "2SLS", zh: "2SLS" }, opts: { vcov: VCOV }, robust: true },
  {
    panel: "industry",
    label: { en: "LIML", zh: "LIML" },
    opts: { vcov: VCOV, estimator: "liml" },
    robust: false,
  },
  {
    panel: "industry",
    label: { en: "Fuller(1)", zh: "Fuller(1)" },
    opts: { vcov: VCOV, estimator: "fuller:1" },
    robust: false,
  },
];

const AR_ROW: FooterRow = {
  key: "ar_set",
  label: { en: "Anderson–Rubin 95% set", zh: "Anderson–Rubin 95% 置信集" },
  stat: "literal",
};
const WCR_P: FooterRow = {
  key: "wcr_p",
  label: { en: "WCR bootstrap p (AR, β = 0)", zh: "WCR 自助法 p 值（AR，β = 0）" },
  stat: "literal",
};
const WCR_CI: FooterRow = {
  key: "wcr_ci",
  label: { en: "WCR bootstrap 95% interval", zh: "WCR 自助法 95% 区间" },
  stat: "literal",
};

function fmt(v: number | null, sign: 1 | -1): string {
  return v === null ? (sign < 0 ? "−∞" : "∞") : v.toFixed(4);
}

/**
 * Build the inference table.
 * @example const spec = inferenceTable(estimator);
 */
export function inferenceTable(est: Estimator): TableSpec {
  const columns: TableColumn[] = COLUMNS.map((c, j) => {
    const frame = est.frame(c.panel);
    const formula = baseline2sls(c.panel, "tfp");
    let result: TableColumn["result"];
    try {
      result = feols(frame, formula, c.opts);
    } catch (err) {
      throw new Error(
        `inference column (${j + 1}): cannot estimate "${formula}": ${err instanceof Error ? err.message : String(err)}`,
        { cause: err },
      );
    }
    const footer: Record<string, string> = {
      ...feFooter(c.panel, { fe: true }),
      ar_set: "",
      wcr_p: "",
      wcr_ci: "",
    };
    if (c.robust) {
      const ar = arConfidenceSet(frame, formula, { vcov: VCOV });
      footer.ar_set = ar.set.length
        ? ar.set.map(([lo, hi]) => `[${fmt(lo, -1)}, ${fmt(hi, 1)}]`).join(" ∪ ")
        : "∅";
      if (c.panel === "country") {
        const b = result.coefficients.find((x) => x.term === "Exposure");
        if (b) {
          const w = wcrAr(
            frame,
            formula,
            { vcov: "cluster:iso3" },
            { reps: WCR_REPS, weights: "webb", seed: WCR_SEED },
            b.estimate,
            b.se,
          );
          footer.wcr_p = w.p.toFixed(4);
          footer.wcr_ci = `[${fmt(w.ci[0], -1)}, ${fmt(w.ci[1], 1)}]`;
        }
      }
    }
    return { label: c.label, sublabel: dep("tfp"), result, footer };
  });
  return {
    id: "inference",
    title: {
      en: "Inference beyond the paper: LIML, Fuller, Driscoll–Kraay, Anderson–Rubin and wild bootstrap",
      zh: "稳健推断：LIML、Fuller、Driscoll–Kraay、Anderson–Rubin 置信集与野自助法",
    },
    columns,
    rows: rows(["Exposure"]),
    footer: [
      FOOTER.economyControls,
      FOOTER.industryControls,
      FOOTER.industryFe,
      FOOTER.economyFe,
      FOOTER.yearFe,
      FOOTER.nobs,
      AR_ROW,
      WCR_P,
      WCR_CI,
    ],
    notes: [
      {
        en: `An empty Anderson–Rubin set (∅) means every β is rejected: with two instruments the AR test also tests their agreement. Robust (HC1) standard errors, except column (4): Driscoll–Kraay (Bartlett kernel, bandwidth ${DK_BW}) over economies and years. The Anderson–Rubin set inverts the robust AR test. The WCR bootstrap (${WCR_REPS} Webb draws, seed ${WCR_SEED}, clusters = economies) tests the reduced form of TFP − β·Exposure on IV_TS and is inverted over β; with two instruments (industry panel) it is not computed.`,
        zh: `Anderson–Rubin 置信集为空（∅）表示所有 β 均被拒绝：两个工具变量时 AR 检验同时检验其一致性。除第(4)列外为稳健标准误（HC1）；第(4)列为 Driscoll–Kraay 标准误（Bartlett 核，带宽 ${DK_BW}）。Anderson–Rubin 置信集由稳健 AR 检验反演得到。WCR 野自助法（${WCR_REPS} 次 Webb 抽样，种子 ${WCR_SEED}，按经济体聚类）检验 TFP − β·Exposure 对 IV_TS 的简约式并对 β 反演；行业面板有两个工具变量，未计算。`,
      },
    ],
    columnGroups: panelGroups(4, 7),
  };
}
