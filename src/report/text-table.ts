/**
 * The printed layout shared by all table formats: header lines (cells may span columns), blocks of
 * body rows (separated by rules in LaTeX), and notes. Regression and descriptive tables are both
 * turned into this, then rendered to Markdown, LaTeX and CSV.
 */
import type { Lang } from "./lang.js";

/** A header cell spanning `span` data columns. */
export interface HeaderCell {
  readonly text: string;
  readonly span: number;
}

/** One header line: the stub (first column) and cells whose spans add up to the number of data columns. */
export interface HeaderLine {
  readonly stub: string;
  readonly cells: readonly HeaderCell[];
  /**
   * Where the format can merge cells (LaTeX), show runs of equal adjacent texts as one spanning cell;
   * Markdown and CSV repeat the text in each column.
   */
  readonly mergeEqual?: boolean;
  /** Draw a rule under each non-empty cell spanning more than one column (LaTeX `\cmidrule`). */
  readonly ruleUnderSpans?: boolean;
}

/** What a body row shows: a coefficient, its SE, a footer entry, a descriptive statistic or a panel heading. */
export type RowKind = "coef" | "se" | "footer" | "stat" | "panel";

/** One printed body line: the row label and one cell per data column. */
export interface TextRow {
  readonly kind: RowKind;
  readonly label: string;
  readonly cells: readonly string[];
}

/** A table ready to print. */
export interface TextTable {
  readonly id: string;
  readonly title: string;
  readonly lang: Lang;
  /** Number of data columns (besides the stub). */
  readonly ncols: number;
  readonly header: readonly HeaderLine[];
  /** Which header line is the Markdown table header (the others follow it as ordinary rows). */
  readonly primaryHeader: number;
  /** Body blocks, separated by a rule in LaTeX. */
  readonly blocks: readonly (readonly TextRow[])[];
  readonly notes: readonly string[];
}

/**
 * The cells of a header line one per data column: a spanning cell's text in its first column, blanks after.
 * @example expandHeader({ stub: "", cells: [{ text: "2SLS", span: 2 }] }); // ["2SLS", ""]
 */
export function expandHeader(line: HeaderLine): string[] {
  const out: string[] = [];
  for (const c of line.cells) {
    out.push(c.text);
    for (let k = 1; k < c.span; k++) out.push("");
  }
  return out;
}

/**
 * Merge runs of equal adjacent texts into spanning cells (used for column labels such as "2SLS" over two columns).
 * @example mergeRuns(["OLS", "2SLS", "2SLS"]); // [{text:"OLS",span:1},{text:"2SLS",span:2}]
 */
export function mergeRuns(texts: readonly string[]): HeaderCell[] {
  const out: HeaderCell[] = [];
  for (const t of texts) {
    const last = out[out.length - 1];
    if (last && last.text === t && t !== "") out[out.length - 1] = { text: t, span: last.span + 1 };
    else out.push({ text: t, span: 1 });
  }
  return out;
}
