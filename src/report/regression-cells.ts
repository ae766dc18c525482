/** The content of a regression table, cell by cell, before layout: coefficients per row and column, footer texts. */
import type { CoefficientRow } from "../estimate/result.js";
import { rowCoefficient } from "./coefficient-lookup.js";
import { footerStatCell } from "./footer-stat.js";
import { formatFixed, stars } from "./format-number.js";
import { type Lang, translateLiteral } from "./lang.js";
import type { TableSpec } from "./table-spec.js";

/** A coefficient cell: the coefficient shown and its printed coefficient (with stars) and SE. */
export interface CoefficientCell {
  readonly coefficient: CoefficientRow;
  readonly text: string;
  readonly seText: string;
}

/** Cells of a table: `coefficients[row][column]` (null = blank) and `footer[footerRow][column]`. */
export interface RegressionCells {
  readonly coefficients: readonly (readonly (CoefficientCell | null)[])[];
  readonly footer: readonly (readonly string[])[];
}

/**
 * Look up and format every cell of a (validated) spec. A row whose term and aliases appear in no
 * column is an error (a typo would otherwise print an empty row).
 * @example regressionCells(spec, "en").coefficients[0][0]?.text; // "-1.6400**"
 */
export function regressionCells(spec: TableSpec, lang: Lang): RegressionCells {
  const coefficients = spec.rows.map((row) => {
    const d = row.decimals ?? spec.decimals ?? 4;
    const cells = spec.columns.map((col, j) => {
      const c = rowCoefficient(col, row, `table "${spec.id}" column (${j + 1})`);
      if (!c) return null;
      return {
        coefficient: c,
        text: `${formatFixed(c.estimate, d)}${stars(c.p)}`,
        seText: `(${formatFixed(c.se, d)})`,
      };
    });
    if (cells.every((c) => c === null))
      throw new Error(missingRowMessage(spec, row.term, row.aliases ?? [], row.firstStageOf));
    return cells;
  });
  const footer = spec.footer.map((f) =>
    spec.columns.map((col) => {
      if (f.stat === "literal") {
        const v = col.footer?.[f.key];
        return v === undefined ? "" : translateLiteral(v, lang);
      }
      return footerStatCell(col.result, f.stat, col.firstStageOf !== undefined);
    }),
  );
  return { coefficients, footer };
}

function missingRowMessage(spec: TableSpec, term: string, aliases: readonly string[], fsOf?: string): string {
  const names = [term, ...aliases].map((n) => `"${n}"`).join(" or ");
  const dropped = spec.columns.some((c) => c.result.collinear.includes(term));
  const shown = spec.columns.map((c, j) => {
    const coefs = c.firstStageOf
      ? (c.result.iv?.first_stage.find((f) => f.endogenous === c.firstStageOf)?.coefficients ?? [])
      : c.result.coefficients;
    return `(${j + 1}) ${coefs.map((x) => x.term).join(", ")}`;
  });
  return `table "${spec.id}": row ${names}${fsOf ? ` (first stage of "${fsOf}")` : ""} is in none of the columns${
    dropped ? ` (dropped as collinear in some)` : ""
  }; fix the term name or add an alias. The columns' terms: ${shown.join("; ")}`;
}
