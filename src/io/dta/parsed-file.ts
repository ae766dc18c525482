/**
 * Result of parsing everything but the data rows of a `.dta` file.
 */
import type { HeaderInfo, VarPlan } from "./layout.js";
import type { StrlIndex } from "./strl-index.js";
import type { DtaValueLabel } from "./types.js";

/** Header, variables, where the rows are, strL index and value labels. */
export interface ParsedFile {
  readonly header: HeaderInfo;
  readonly plans: readonly VarPlan[];
  readonly rowWidth: number;
  /** File offset of the first data byte. */
  readonly dataOffset: number;
  readonly valueLabels: Record<string, DtaValueLabel[]>;
  /** Index of the `<strls>` section (117+ only; null for older releases). */
  readonly strls: StrlIndex | null;
}
