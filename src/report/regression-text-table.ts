/** The papers' regression-table layout as a printable table (column numbers, labels, coefficient/SE lines, footer). */
import { type Lang, pickLabel } from "./lang.js";
import type { RegressionCells } from "./regression-cells.js";
import { bracketNote, starsNote } from "./table-notes.js";
import type { TableSpec } from "./table-spec.js";
import type { HeaderCell, HeaderLine, TextRow, TextTable } from "./text-table.js";

/**
 * Lay out a validated spec and its cells: optional column-group line, `(1) (2) …`, column labels
 * (equal neighbours merged where the format allows), sublabels; one coefficient line (with stars) and one SE line per row;
 * the footer block; the spec's notes followed by the stars note (and the bracket note when an LM
 * statistic with p-value is shown).
 * @example const t = regressionTextTable(spec, regressionCells(spec, "en"), "en");
 */
export function regressionTextTable(spec: TableSpec, cells: RegressionCells, lang: Lang): TextTable {
  const n = spec.columns.length;
  const header: HeaderLine[] = [];
  if (spec.columnGroups?.length)
    header.push({ stub: "", cells: groupCells(spec, lang), ruleUnderSpans: true });
  const primaryHeader = header.length;
  header.push({
    stub: lang === "zh" ? "变量" : "Variable",
    cells: spec.columns.map((c, j) => ({ text: `(${c.number ?? j + 1})`, span: 1 })),
  });
  header.push({
    stub: "",
    cells: spec.columns.map((c) => ({ text: pickLabel(c.label, lang), span: 1 })),
    mergeEqual: true,
    ruleUnderSpans: true,
  });
  if (spec.columns.some((c) => c.sublabel))
    header.push({
      stub: "",
      cells: spec.columns.map((c) => ({ text: c.sublabel ? pickLabel(c.sublabel, lang) : "", span: 1 })),
    });
  const body: TextRow[] = [];
  spec.rows.forEach((row, i) => {
    const cs = cells.coefficients[i];
    body.push({ kind: "coef", label: pickLabel(row.label, lang), cells: cs.map((c) => c?.text ?? "") });
    body.push({ kind: "se", label: "", cells: cs.map((c) => c?.seText ?? "") });
  });
  const footer: TextRow[] = spec.footer.map((f, i) => ({
    kind: "footer",
    label: pickLabel(f.label, lang),
    cells: cells.footer[i],
  }));
  const notes = (spec.notes ?? []).map((x) => pickLabel(x, lang));
  notes.push(starsNote(lang));
  if (spec.footer.some((f) => f.stat === "kp_lm")) notes.push(bracketNote(lang));
  return {
    id: spec.id,
    title: pickLabel(spec.title, lang),
    lang,
    ncols: n,
    header,
    primaryHeader,
    blocks: [body, footer].filter((b) => b.length > 0),
    notes,
  };
}

function groupCells(spec: TableSpec, lang: Lang): HeaderCell[] {
  const out: HeaderCell[] = [];
  let col = 1;
  for (const g of spec.columnGroups ?? []) {
    for (; col < g.first; col++) out.push({ text: "", span: 1 });
    out.push({ text: pickLabel(g.label, lang), span: g.last - g.first + 1 });
    col = g.last + 1;
  }
  for (; col <= spec.columns.length; col++) out.push({ text: "", span: 1 });
  return out;
}
