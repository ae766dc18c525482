/** Checks of a regression-table spec before anything is rendered, with errors that say what to fix. */
import { FOOTER_STATS } from "./footer-stat.js";
import { assertOutputId } from "./output-id.js";
import type { Label, TableSpec } from "./table-spec.js";

/**
 * Throw a descriptive error for a malformed spec: bad id, no columns, a column without a result,
 * unknown footer statistic, duplicate footer keys, a column footer key no footer row shows, bad
 * decimals, column groups out of range or overlapping, a label missing its English or Chinese text.
 * @example validateTableSpec(spec); // throws on the first problem found
 */
export function validateTableSpec(spec: TableSpec): void {
  assertOutputId(spec?.id, "table");
  const t = `table "${spec.id}"`;
  checkLabel(spec.title, `${t} title`);
  if (!Array.isArray(spec.columns) || spec.columns.length === 0)
    throw new Error(`${t} has no columns; give at least one column with an estimation result`);
  if (!Array.isArray(spec.rows)) throw new Error(`${t}: "rows" must be an array of coefficient rows`);
  if (!Array.isArray(spec.footer)) throw new Error(`${t}: "footer" must be an array (may be empty)`);
  checkDecimals(spec.decimals, `${t} decimals`);
  spec.columns.forEach((c, i) => {
    const where = `${t} column (${i + 1})`;
    checkLabel(c.label, `${where} label`);
    if (c.sublabel !== undefined) checkLabel(c.sublabel, `${where} sublabel`);
    const r = c.result;
    if (!r || typeof r !== "object" || !Array.isArray(r.coefficients) || !r.fit)
      throw new Error(`${where} has no estimation result; pass the object returned by feols`);
  });
  spec.rows.forEach((row, i) => {
    const where = `${t} row ${i + 1}`;
    if (typeof row?.term !== "string" || row.term === "")
      throw new Error(`${where} has no term; name the coefficient to show, e.g. "robot"`);
    checkLabel(row.label, `${where} ("${row.term}") label`);
    if (
      row.aliases !== undefined &&
      (!Array.isArray(row.aliases) || (row.aliases as readonly unknown[]).some((a) => typeof a !== "string"))
    )
      throw new Error(`${where} ("${row.term}"): aliases must be an array of term names, e.g. ["us_robot"]`);
    checkDecimals(row.decimals, `${where} ("${row.term}") decimals`);
  });
  const keys = new Set<string>();
  spec.footer.forEach((f, i) => {
    const where = `${t} footer row ${i + 1}`;
    if (!FOOTER_STATS.includes(f.stat))
      throw new Error(
        `${where} ("${f.key}") has unknown stat ${JSON.stringify(f.stat)}; use one of ${FOOTER_STATS.join(", ")}`,
      );
    if (keys.has(f.key))
      throw new Error(`${where}: footer key "${f.key}" is used twice; keys must be unique`);
    keys.add(f.key);
    checkLabel(f.label, `${where} ("${f.key}") label`);
  });
  const literal = new Set(spec.footer.filter((f) => f.stat === "literal").map((f) => f.key));
  spec.columns.forEach((c, i) => {
    for (const [k, v] of Object.entries(c.footer ?? {})) {
      if (!literal.has(k))
        throw new Error(
          `${t} column (${i + 1}) has footer cell "${k}" but no literal footer row has that key; add {key: "${k}", stat: "literal", label} to footer or fix the key`,
        );
      if (typeof v !== "string")
        throw new Error(`${t} column (${i + 1}) footer cell "${k}" must be a string`);
    }
  });
  checkGroups(spec, t);
}

function checkGroups(spec: TableSpec, t: string): void {
  let lastEnd = 0;
  (spec.columnGroups ?? []).forEach((g, i) => {
    const where = `${t} column group ${i + 1}`;
    checkLabel(g.label, `${where} label`);
    const n = spec.columns.length;
    if (
      !Number.isInteger(g.first) ||
      !Number.isInteger(g.last) ||
      g.first < 1 ||
      g.last > n ||
      g.first > g.last
    )
      throw new Error(
        `${where} spans columns (${g.first})–(${g.last}); give printed column numbers with 1 ≤ first ≤ last ≤ ${n}`,
      );
    if (g.first <= lastEnd)
      throw new Error(
        `${where} starts at column (${g.first}), inside the previous group; groups must be in order and not overlap`,
      );
    lastEnd = g.last;
  });
}

function checkDecimals(d: number | undefined, where: string): void {
  if (d !== undefined && (!Number.isInteger(d) || d < 0 || d > 12))
    throw new Error(`${where} is ${d}; give a whole number from 0 to 12`);
}

/**
 * Throw unless `label` has string `en` and `zh` texts.
 * @example checkLabel({ en: "N", zh: "样本量" }, "table2 footer row 1 label");
 */
export function checkLabel(label: Label | undefined, where: string): void {
  if (!label || typeof label.en !== "string" || typeof label.zh !== "string")
    throw new Error(`${where} must be {en: "…", zh: "…"}, got ${JSON.stringify(label)}`);
}
