/**
 * The contract between a study and the rest of the system: its raw-source schema (what a user's
 * files must provide, and what the synthetic generator writes), how to generate its synthetic
 * sources, and how to run it end to end.
 */

export type StudyId = "upstream-innovation" | "tfp-divergence";
export type Scale = "tiny" | "default" | "paper";
export type Lang = "en" | "zh";

/** Canonical column types of raw sources. */
export type ColumnType = "string" | "integer" | "number";

/** One raw source table, e.g. the customs transactions. */
export interface SourceTableSchema {
  /** Canonical table name, e.g. `customs`. */
  readonly name: string;
  readonly description: string;
  readonly columns: readonly {
    readonly name: string;
    readonly type: ColumnType;
    readonly description: string;
    readonly optional?: boolean;
  }[];
}

export interface StudySchema {
  readonly study: StudyId;
  readonly tables: readonly SourceTableSchema[];
}

/** Where one source table comes from: a file, and optionally the user's column names for the canonical ones. */
export interface SourceFile {
  readonly path: string;
  /** canonical column name → the user's column name. */
  readonly columns?: Readonly<Record<string, string>>;
  readonly sheet?: string;
  readonly encoding?: string;
}

/** The result of generating synthetic sources. */
export interface SynthResult {
  /** Canonical table name → file written. */
  readonly files: Readonly<Record<string, string>>;
  /** Path of truth.json. */
  readonly truthPath: string;
}

/** truth.json: the DGP's parameters, the estimands by `<table id>.<column number>.<term>`, and biased estimators. */
export interface Truth {
  readonly study: StudyId;
  readonly seed: number;
  readonly scale: Scale;
  readonly parameters: Readonly<Record<string, unknown>>;
  readonly effects: Readonly<Record<string, number>>;
  readonly biased: Readonly<Record<string, string>>;
  /** Printed coefficients without a target, `<table id>.<column number>.<term>` → a one-line reason. */
  readonly untargeted?: Readonly<Record<string, string>>;
  /**
   * Signs the DGP builds in for estimates that have no single consistent target (e.g. a split by an
   * estimated markup): `<table id>.<column number>.<term>` → "positive" | "negative".
   */
  readonly signs?: Readonly<Record<string, "positive" | "negative">>;
}

export interface StudyRunOptions {
  /** The study's output folder (`OUT/<study>`). */
  readonly outDir: string;
  /** Source files by canonical table name. */
  readonly sources: Readonly<Record<string, SourceFile>>;
  readonly lang: Lang;
  /** Progress messages (steps), shown on a terminal. */
  readonly progress: (message: string) => void;
  /** Study-specific settings from the YAML configuration's `options` (e.g. study A's keyword list). */
  readonly options?: Readonly<Record<string, unknown>>;
  /**
   * True when the sources are the study's synthetic twin: figures of real public data (study B's
   * Figures 1–2 from PWT 10.01) then use the copy shipped in `data/`, else the user's own file.
   */
  readonly synthetic?: boolean;
}

export interface StudyRunResult {
  readonly tables: readonly string[];
  readonly figures: readonly string[];
  /** Seconds per named step, in order. */
  readonly timings: readonly { readonly step: string; readonly seconds: number }[];
}

export interface Study {
  readonly id: StudyId;
  readonly schema: StudySchema;
  /** Write source-shaped synthetic data (and truth.json) into `dir`. */
  synth(
    dir: string,
    opts: { readonly seed: number; readonly scale: Scale; readonly progress: (m: string) => void },
  ): Promise<SynthResult>;
  /** Run the whole pipeline from the sources to every table and figure. */
  run(opts: StudyRunOptions): Promise<StudyRunResult>;
}
