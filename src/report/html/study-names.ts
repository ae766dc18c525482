/** Display names of the studies in the report. */
import type { Lang } from "../lang.js";

const NAMES: Readonly<Record<string, Readonly<Record<Lang, string>>>> = {
  "upstream-innovation": {
    en: "Study A: robot imports and the innovation of upstream component makers (Han & Li)",
    zh: "研究 A：机器人进口与上游零部件企业创新（Han & Li）",
  },
  "tfp-divergence": {
    en: "Study B: robots, TFP and productivity divergence across economies (Wang & Liu)",
    zh: "研究 B：工业机器人、全要素生产率与经济体间生产率分化（Wang & Liu）",
  },
};

/**
 * The display name of a study (its id when unknown).
 * @example studyName("tfp-divergence", "en");
 */
export function studyName(id: string, lang: Lang): string {
  return NAMES[id]?.[lang] ?? id;
}
