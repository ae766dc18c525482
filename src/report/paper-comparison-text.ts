/**
 * The words and sentences of the paper-beside-reproduction documents (`paper-comparison.md`,
 * `paper-samples.md`, `paper-descriptives.md`) in English and Chinese (`--lang en|zh`). The CSV
 * files keep English headers in every language: they are for programs.
 */
import type { Lang } from "./lang.js";
import type { Label } from "./table-spec.js";

const WORDS = {
  yes: { en: "yes", zh: "是" },
  no: { en: "no", zh: "否" },
  off: { en: "off", zh: "偏离" },
  overall: { en: "Overall", zh: "总体" },
  byTable: { en: "By table", zh: "分表" },
  coefficients: { en: "Coefficients", zh: "系数" },
  summary: { en: "Summary", zh: "概要" },
  table1: { en: "Table 1", zh: "表 1" },
  samples: { en: "Samples", zh: "样本量" },
  paperLabel: { en: "Paper", zh: "原文" },
  sourceLabel: { en: "Printed coefficients from", zh: "原文系数来源" },
  comparisonTitle: { en: "Paper beside reproduction", zh: "原文与复现结果对比" },
  samplesTitle: { en: "Paper beside reproduction, sample sizes", zh: "原文与复现结果对比：样本量" },
  descriptivesTitle: {
    en: "Paper beside reproduction, descriptive statistics",
    zh: "原文与复现结果对比：描述性统计",
  },
  withinRule: {
    en: "Sign agreement counts the paper's significant coefficients (at least one star); 'within 2 SE' means\n|reproduction − paper| ≤ 2·sqrt(se² + paper se²).",
    zh: "符号一致只统计原文显著（至少一颗星）的系数；“2 个标准误内”指\n|复现 − 原文| ≤ 2·sqrt(复现标准误² + 原文标准误²)。",
  },
  coefficientHeader: {
    en: "| table | column | term | paper | paper SE | run | run SE | diff (SE) | sign | stars |",
    zh: "| 表 | 列 | 变量 | 原文 | 原文标准误 | 复现 | 复现标准误 | 差异（标准误） | 符号一致 | 星号一致 |",
  },
  samplesRule: {
    en: "Each row is one regression column the paper prints, with the N of its 样本量 row; 'gap' is\nrun N / paper N − 1, and columns more than 10% off are marked (off).",
    zh: "每行是原文的一列回归及其“样本量”行的 N；“差距”为复现 N / 原文 N − 1，相差超过 10% 的列标为（偏离）。",
  },
  samplesHeader: {
    en: "| table | column | paper N | run N | gap |",
    zh: "| 表 | 列 | 原文 N | 复现 N | 差距 |",
  },
  descriptivesRule: {
    en: "Each cell is paper / run. 'Gap' is (run mean − paper mean) divided by the paper's s.d., or by a\nquarter of its range (max − min) where it prints no s.d.",
    zh: "每格为 原文 / 复现。“差距”为（复现均值 − 原文均值）除以原文标准差；原文未报告标准差时，除以其极差（最大值 − 最小值）的四分之一。",
  },
  panel: { en: "panel", zh: "面板" },
  variable: { en: "variable", zh: "变量" },
  mean: { en: "mean", zh: "均值" },
  sd: { en: "s.d.", zh: "标准差" },
  min: { en: "min", zh: "最小值" },
  max: { en: "max", zh: "最大值" },
  gap: { en: "gap", zh: "差距" },
} as const satisfies Record<string, Label>;

/** A word or fixed sentence of the comparison documents. */
export type ComparisonWord = keyof typeof WORDS;

/**
 * The comparison documents' word in the given language.
 * @example comparisonWord("overall", "zh"); // "总体"
 */
export function comparisonWord(w: ComparisonWord, lang: Lang): string {
  return WORDS[w][lang];
}

/** A language's punctuation: the colon after a label, the full stop, the semicolon between clauses. */
export function punctuation(lang: Lang): {
  readonly colon: string;
  readonly stop: string;
  readonly semi: string;
} {
  return lang === "zh" ? { colon: "：", stop: "。", semi: "；" } : { colon: ": ", stop: ".", semi: "; " };
}

/**
 * A sentence after a bold label, with the language's punctuation.
 * @example labelledSentence("summary", "N equal for 1/4 columns", "en"); // "**Summary:** N equal for 1/4 columns."
 */
export function labelledSentence(w: ComparisonWord, text: string, lang: Lang): string {
  const { colon, stop } = punctuation(lang);
  return `**${WORDS[w][lang]}${colon.trim()}** ${text}${stop}`;
}

/** Chinese names of `paper-comparison.csv`'s columns, for reading the file in report.html. */
const CSV_HEADERS_ZH: Readonly<Record<string, string>> = {
  table: "表",
  column: "列",
  term: "变量",
  paper_coef: "原文系数",
  paper_se: "原文标准误",
  paper_stars: "原文星号",
  coef: "复现系数",
  se: "复现标准误",
  stars: "复现星号",
  diff_se: "差异（标准误）",
  sign_agree: "符号一致",
  star_agree: "星号一致",
};

/**
 * How a column of `paper-comparison.csv` is headed where people read it (report.html): its own
 * name in English, a Chinese name in Chinese (the file itself keeps the English names).
 * @example comparisonCsvHeader("paper_coef", "zh"); // "原文系数"
 */
export function comparisonCsvHeader(name: string, lang: Lang): string {
  return lang === "zh" ? (CSV_HEADERS_ZH[name] ?? name) : name;
}

/** "k/n" with its percentage, "–" for an empty base. */
const pct = (k: number, n: number) => (n === 0 ? "–" : `${Math.round((100 * k) / n)}%`);

/** The counts of one coefficient summary line. */
export interface CoefficientCounts {
  readonly signAgree: number;
  readonly significant: number;
  readonly within2Se: number;
  readonly printed: number;
  readonly starAgree: number;
  readonly missing: number;
}

/**
 * One summary line of coefficient agreement.
 * @example coefficientLine({ signAgree: 10, significant: 12, within2Se: 9, printed: 14, starAgree: 7, missing: 0 }, "en");
 */
export function coefficientLine(c: CoefficientCounts, lang: Lang): string {
  if (lang === "zh")
    return (
      `显著系数符号一致 ${c.signAgree}/${c.significant}（${pct(c.signAgree, c.significant)}）；` +
      `2 个标准误内 ${c.within2Se}/${c.printed}（${pct(c.within2Se, c.printed)}）；` +
      `星号一致 ${c.starAgree}/${c.printed}` +
      (c.missing > 0 ? `；${c.missing} 个不在本次运行中` : "")
    );
  return (
    `sign agrees for ${c.signAgree}/${c.significant} significant (${pct(c.signAgree, c.significant)}); ` +
    `${c.within2Se}/${c.printed} within 2 SE (${pct(c.within2Se, c.printed)}); ` +
    `stars agree for ${c.starAgree}/${c.printed}` +
    (c.missing > 0 ? `; ${c.missing} not in the run` : "")
  );
}

/**
 * One summary line of sample sizes.
 * @example samplesLine({ equal: 1, close: 2, total: 4, missing: 1, closeShare: 0.1 }, "en"); // "N equal for 1/4 columns, …"
 */
export function samplesLine(
  s: { equal: number; close: number; total: number; missing: number; closeShare: number },
  lang: Lang,
): string {
  const share = `${s.closeShare * 100}%`;
  if (lang === "zh")
    return (
      `N 相同 ${s.equal}/${s.total} 列，相差 ${share} 以内 ${s.close}/${s.total} 列` +
      (s.missing > 0 ? `（${s.missing} 列不在本次运行中）` : "")
    );
  return (
    `N equal for ${s.equal}/${s.total} columns, within ${share} for ${s.close}/${s.total}` +
    (s.missing > 0 ? ` (${s.missing} not in the run)` : "")
  );
}

/**
 * One summary line of descriptive statistics.
 * @example descriptivesLine({ close: 13, sameN: 14, total: 14, missing: 0, closeGap: 0.5 }, "en");
 */
export function descriptivesLine(
  d: { close: number; sameN: number; total: number; missing: number; closeGap: number },
  lang: Lang,
): string {
  if (lang === "zh")
    return (
      `均值接近 ${d.close}/${d.total}（|差距| ≤ 原文尺度的 ${d.closeGap}）；N 相同 ${d.sameN}/${d.total}` +
      (d.missing > 0 ? `；${d.missing} 个不在本次运行中` : "")
    );
  return (
    `means close for ${d.close}/${d.total} (|gap| ≤ ${d.closeGap} of the paper's scale); ` +
    `N equal for ${d.sameN}/${d.total}` +
    (d.missing > 0 ? `; ${d.missing} not in the run` : "")
  );
}
