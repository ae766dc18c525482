/** What a study hands the report layer to make one figure: the data rows and a Vega-Lite spec over them. */
import type { Label } from "../table-spec.js";

/** One figure: rendered to `<id>.svg`, its data written to `<id>.csv`. */
export interface FigureSpec {
  /** File stem, e.g. `figure3` (letters, digits, `_`, `-`, `.`). */
  readonly id: string;
  readonly title: Label;
  /** The plotted rows, written to `<id>.csv` (columns in the key order of the first row). */
  readonly data: readonly Readonly<Record<string, string | number | null>>[];
  /** A Vega-Lite spec whose data are `data` (inline: `data: { values: data }`). */
  readonly vegaLite: object;
  readonly caption?: Label;
}
