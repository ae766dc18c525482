/**
 * Pieces shared by study B's regression tables: footers, coefficient rows, column groups.
 */
import type { FooterRow, Label, TableRow, TableSpec } from "../../../report/table-spec.js";
import { FOOTER, PANEL_LABELS, variableLabel } from "../labels.js";

/** The footer of an OLS table: controls, FE, adjusted R², N. */
export const OLS_FOOTER: readonly FooterRow[] = [
  FOOTER.economyControls,
  FOOTER.industryControls,
  FOOTER.industryFe,
  FOOTER.economyFe,
  FOOTER.yearFe,
  FOOTER.adjR2,
  FOOTER.nobs,
];

/** The footer of a table with 2SLS columns: the OLS footer plus KP rk LM, KP rk Wald F and Stock–Yogo. */
export const IV_FOOTER: readonly FooterRow[] = [...OLS_FOOTER, FOOTER.kpLm, FOOTER.kpF, FOOTER.sy10];

/**
 * Coefficient rows for terms, labelled from the variable labels.
 * @example rows(["Exposure", "Exposure:High"]);
 */
export function rows(terms: readonly string[]): TableRow[] {
  return terms.map((term) => ({ term, label: variableLabel(term) }));
}

/**
 * Column groups "economy-year" over columns first..mid and "economy-industry-year" over mid+1..last.
 * @example panelGroups(3, 6);
 */
export function panelGroups(lastCountry: number, last: number): NonNullable<TableSpec["columnGroups"]> {
  return [
    { label: PANEL_LABELS.country, first: 1, last: lastCountry },
    { label: PANEL_LABELS.industry, first: lastCountry + 1, last },
  ];
}

/**
 * Dependent-variable sublabel.
 * @example dep("var_tfp").en; // "Var_TFP"
 */
export function dep(name: string): Label {
  return variableLabel(name);
}
