/**
 * The coefficients a study's paper prints, shipped as data (`data/papers/<study>.json`): the reference a
 * run is compared with (`paper-comparison.md/.csv`). Keys follow `truth.json`: `<table id>.<column>.<term>`.
 * The optional `descriptives` are the paper's descriptive statistics (Table 1), one entry per printed
 * variable, compared with the run's Table 1 (`paper-descriptives.ts`); the optional `samples` the N of
 * each regression column, compared with the run's (`paper-samples.ts`).
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { packageRoot } from "../package-root.js";

const coefficientSchema = z
  .object({
    key: z.string().min(1),
    table: z.string().min(1),
    column: z.string().min(1),
    term: z.string().min(1),
    coef: z.number().finite(),
    se: z.number().finite().nonnegative().nullable(),
    stars: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
    printed: z.string(),
    note: z.string().optional(),
  })
  .strict();

const descriptiveSchema = z
  .object({
    /** The run's descriptive table (`tables/<table>.json`). */
    table: z.string().min(1),
    /** 0-based panel of that table (its panels in order), null for a table without panels. */
    panel: z.number().int().nonnegative().nullable(),
    /** The run's variable id in that table. */
    variable: z.string().min(1),
    /** The paper's name of the variable, as printed. */
    name: z.string().min(1),
    n: z.number().int().positive(),
    mean: z.number().finite(),
    /** Null where the paper prints no standard deviation. */
    sd: z.number().finite().nonnegative().nullable(),
    min: z.number().finite(),
    max: z.number().finite(),
    printed: z.string(),
    note: z.string().optional(),
  })
  .strict();

const sampleSchema = z
  .object({
    /** The run's regression table (`tables/<table>.json`) and column number, as in `coefficients`. */
    table: z.string().min(1),
    column: z.string().min(1),
    /** The N the paper prints for that column (样本量). */
    n: z.number().int().positive(),
    note: z.string().optional(),
  })
  .strict();

const paperSchema = z
  .object({
    study: z.string().min(1),
    paper: z.string(),
    source: z.string(),
    coefficients: z.array(coefficientSchema).min(1),
    descriptives: z.array(descriptiveSchema).optional(),
    samples: z.array(sampleSchema).optional(),
  })
  .strict();

/** One printed coefficient of a paper. */
export type PaperCoefficient = Readonly<z.infer<typeof coefficientSchema>>;

/** One variable of a paper's descriptive-statistics table. */
export type PaperDescriptive = Readonly<z.infer<typeof descriptiveSchema>>;

/** The N a paper prints for one regression column. */
export type PaperSample = Readonly<z.infer<typeof sampleSchema>>;

/** A paper's printed coefficients (the parsed `data/papers/<study>.json`). */
export interface PaperCoefficients {
  readonly study: string;
  readonly paper: string;
  readonly source: string;
  readonly coefficients: readonly PaperCoefficient[];
  /** The paper's descriptive statistics (Table 1), where the papers file has them. */
  readonly descriptives?: readonly PaperDescriptive[];
  /** The paper's N of each regression column, where the papers file has them. */
  readonly samples?: readonly PaperSample[];
}

/**
 * The path of a study's papers file inside the package (whether or not it exists).
 * @example paperFile("upstream-innovation"); // ".../data/papers/upstream-innovation.json"
 */
export function paperFile(study: string): string {
  return join(packageRoot(), "data", "papers", `${study}.json`);
}

/**
 * Parse and check a papers document; `file` names it in errors. Each key must equal
 * `<table>.<column>.<term>` and be unique; each descriptive variable appears once per table panel, its
 * mean within its min and max; each sample's column appears once.
 * @example const p = parsePaperCoefficients(JSON.parse(text), "data/papers/x.json");
 */
export function parsePaperCoefficients(doc: unknown, file: string): PaperCoefficients {
  const r = paperSchema.safeParse(doc);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new Error(`${file}: ${issue.path.join(".") || "(root)"}: ${issue.message}; fix the papers file`);
  }
  const seen = new Set<string>();
  r.data.coefficients.forEach((c, i) => {
    const want = `${c.table}.${c.column}.${c.term}`;
    if (c.key !== want)
      throw new Error(`${file}: coefficients[${i}].key is "${c.key}" but table/column/term give "${want}"`);
    if (seen.has(c.key)) throw new Error(`${file}: coefficients[${i}].key "${c.key}" appears twice`);
    seen.add(c.key);
  });
  const seenVars = new Set<string>();
  (r.data.descriptives ?? []).forEach((d, i) => {
    const where = `descriptives[${i}]`;
    if (d.min > d.mean || d.mean > d.max)
      throw new Error(
        `${file}: ${where} (${d.variable}): mean ${d.mean} is outside [min ${d.min}, max ${d.max}]`,
      );
    const id = `${d.table}/${d.panel ?? "-"}/${d.variable}`;
    if (seenVars.has(id))
      throw new Error(`${file}: ${where}: ${d.variable} of ${d.table} panel ${d.panel} appears twice`);
    seenVars.add(id);
  });
  const seenCols = new Set<string>();
  (r.data.samples ?? []).forEach((c, i) => {
    const id = `${c.table}.${c.column}`;
    if (seenCols.has(id)) throw new Error(`${file}: samples[${i}] (${id}) appears twice`);
    seenCols.add(id);
  });
  return r.data;
}

/**
 * A study's printed coefficients from the package's `data/papers/<study>.json`, or null if the study has
 * no papers file.
 * @example const paper = loadPaperCoefficients("upstream-innovation");
 */
export function loadPaperCoefficients(study: string, file = paperFile(study)): PaperCoefficients | null {
  if (!existsSync(file)) return null;
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new Error(`${file}: not valid JSON (${(err as Error).message})`);
  }
  const paper = parsePaperCoefficients(doc, file);
  if (paper.study !== study) throw new Error(`${file}: "study" is "${paper.study}", expected "${study}"`);
  return paper;
}
