/**
 * Any JSON summary (review files, diagnostics) as nested HTML: objects as two-column tables,
 * arrays of like objects as tables with one column per key, long lists of values shortened.
 */
import { escapeHtml } from "./escape-html.js";

/** Lists longer than this show their first items and a count of the rest. */
const LIST_LIMIT = 30;
/** Arrays of objects longer than this show their first rows. */
const ROW_LIMIT = 40;

/**
 * Render a JSON value as HTML (tables for objects, comma lists for values); `more` words the count of omitted items.
 * @example jsonHtml({ candidates: 660, rate: 0.78 }, "more");
 */
export function jsonHtml(v: unknown, more: string): string {
  if (v === null || v === undefined) return "—";
  if (typeof v === "number") return escapeHtml(formatValue(v));
  if (typeof v !== "object") return escapeHtml(String(v));
  if (Array.isArray(v)) return arrayHtml(v, more);
  const entries = Object.entries(v as Record<string, unknown>);
  const rows = entries.map(
    ([k, x]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${jsonHtml(x, more)}</td></tr>`,
  );
  return `<table class="kv">${rows.join("")}</table>`;
}

function arrayHtml(a: readonly unknown[], more: string): string {
  if (a.length === 0) return "—";
  const objects = a.every((x) => x !== null && typeof x === "object" && !Array.isArray(x));
  if (!objects) {
    const shown = a.slice(0, LIST_LIMIT).map((x) => jsonHtml(x, more));
    const rest = a.length > LIST_LIMIT ? ` … (${a.length - LIST_LIMIT} ${escapeHtml(more)})` : "";
    return `${shown.join(", ")}${rest}`;
  }
  const keys: string[] = [];
  for (const x of a) for (const k of Object.keys(x as object)) if (!keys.includes(k)) keys.push(k);
  const head = `<tr>${keys.map((k) => `<th scope="col">${escapeHtml(k)}</th>`).join("")}</tr>`;
  const body = a
    .slice(0, ROW_LIMIT)
    .map(
      (x) =>
        `<tr>${keys.map((k) => `<td>${jsonHtml((x as Record<string, unknown>)[k], more)}</td>`).join("")}</tr>`,
    );
  const rest =
    a.length > ROW_LIMIT ? `<p class="more">… ${a.length - ROW_LIMIT} ${escapeHtml(more)}</p>` : "";
  return `<div class="table-scroll"><table class="grid"><thead>${head}</thead><tbody>${body.join("")}</tbody></table></div>${rest}`;
}

/**
 * A number as printed in summaries: integers in full, others to 4 significant decimals.
 * @example formatValue(0.7777777); // "0.7778"
 */
export function formatValue(v: number): string {
  if (Number.isInteger(v)) return String(v);
  if (!Number.isFinite(v)) return String(v);
  return Math.abs(v) >= 1e-3 && Math.abs(v) < 1e6 ? v.toFixed(4) : v.toPrecision(4);
}
