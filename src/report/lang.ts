/** The two output languages and how labels and literal cells are chosen for one of them. */
import type { Label } from "./table-spec.js";

/** Output language: English or Chinese. */
export type Lang = "en" | "zh";

/**
 * Throw unless `lang` is "en" or "zh" (callers from JavaScript or the CLI can pass anything).
 * @example assertLang("zh", "writeTableOutputs(table2)");
 */
export function assertLang(lang: unknown, where: string): asserts lang is Lang {
  if (lang !== "en" && lang !== "zh") {
    throw new Error(`${where}: language must be "en" or "zh", got ${JSON.stringify(lang)}`);
  }
}

/**
 * The text of a label in one language.
 * @example pickLabel({ en: "Observations", zh: "样本量" }, "zh"); // "样本量"
 */
export function pickLabel(label: Label, lang: Lang): string {
  return lang === "zh" ? label.zh : label.en;
}

const ZH_LITERALS: Readonly<Record<string, string>> = { Yes: "是", No: "否" };

/**
 * A literal footer cell in the output language: "Yes"/"No" become 是/否 in Chinese, anything else is kept.
 * @example translateLiteral("Yes", "zh"); // "是"
 */
export function translateLiteral(cell: string, lang: Lang): string {
  return lang === "zh" ? (ZH_LITERALS[cell] ?? cell) : cell;
}
