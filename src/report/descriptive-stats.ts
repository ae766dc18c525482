/** The statistics a descriptive table can show and their headings. */
import type { DescriptiveSpec } from "./table-spec.js";

/** A statistic of a descriptive table. */
export type DescriptiveStat = DescriptiveSpec["stats"][number];

/** Column headings of the statistics in both languages. */
export const STAT_LABELS: Readonly<Record<DescriptiveStat, { readonly en: string; readonly zh: string }>> = {
  n: { en: "N", zh: "样本量" },
  mean: { en: "Mean", zh: "均值" },
  sd: { en: "S.D.", zh: "标准差" },
  min: { en: "Min", zh: "最小值" },
  max: { en: "Max", zh: "最大值" },
  median: { en: "Median", zh: "中位数" },
};
