/** What a run's reports (HTML, Word, PDF, LaTeX document) are drawn from: plain data read back from the run's output folder. */
import type { Manifest } from "../../studies/manifest.js";
import type { Lang } from "../lang.js";
import type { TextTable } from "../text-table.js";

/** One printed table: its layout and its files (paths relative to the run's output root). */
export interface ReportTable {
  readonly id: string;
  readonly title: string;
  readonly layout: TextTable;
  readonly files: readonly string[];
}

/** One figure: the SVG document, its title (read from the SVG) and its files. */
export interface ReportFigure {
  readonly id: string;
  readonly title: string;
  readonly svg: string;
  readonly files: readonly string[];
}

/** A CSV file read as rows of text (header first). */
export interface CsvDocument {
  readonly path: string;
  readonly rows: readonly (readonly string[])[];
}

/** The paper-versus-reproduction comparison of a study, when the run wrote one. */
export interface PaperComparison {
  readonly markdown: string | null;
  readonly csv: CsvDocument | null;
  /** `paper-descriptives.md`: the paper's Table 1 beside the run's, where the study has one. */
  readonly descriptives: string | null;
  /** `paper-samples.md`: the N of each printed column beside the run's, where the study has them. */
  readonly samples: string | null;
}

/** A review or diagnostics summary (any JSON file of `review/` or `diagnostics/`). */
export interface ReviewSummary {
  readonly path: string;
  readonly data: unknown;
}

/** Everything about one study's outputs. */
export interface ReportStudy {
  readonly id: string;
  readonly tables: readonly ReportTable[];
  readonly figures: readonly ReportFigure[];
  readonly comparison: PaperComparison | null;
  readonly reviews: readonly ReviewSummary[];
  /** CSV files of `review/` and `diagnostics/`, linked from the report. */
  readonly reviewCsvs: readonly string[];
}

/** A whole run as the reports see it. */
export interface RunReport {
  readonly lang: Lang;
  /** The manifest of the run (total time may still be running). */
  readonly manifest: Omit<Manifest, "total_seconds"> & { readonly total_seconds?: number };
  readonly studies: readonly ReportStudy[];
}
