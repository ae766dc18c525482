/** The default notes printed under every table in each language. */
import type { Lang } from "./lang.js";

/**
 * The note on significance stars and parentheses appended to regression tables.
 * @example starsNote("en"); // "Standard errors in parentheses. * p<0.1, ** p<0.05, *** p<0.01."
 */
export function starsNote(lang: Lang): string {
  return lang === "zh"
    ? "括号内为标准误；*、**、*** 分别表示在 10%、5%、1% 的水平上显著。"
    : "Standard errors in parentheses. * p<0.1, ** p<0.05, *** p<0.01.";
}

/**
 * The note explaining the bracketed p-value of the underidentification LM statistic.
 * @example bracketNote("zh"); // "[ ] 内为 p 值。"
 */
export function bracketNote(lang: Lang): string {
  return lang === "zh" ? "[ ] 内为 p 值。" : "p-values in brackets.";
}
