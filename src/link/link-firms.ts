/**
 * `linkFirms`: link records (name, city, address, year) to a firm list (name, city, address,
 * former names) by DuckDB blocking, comparison levels and a Fellegi–Sunter model fitted by EM.
 */
import { BatchAppender, type BatchColumnSpec } from "../io/batch-appender.js";
import { readFile } from "../io/read-file.js";
import type { ReadOptions } from "../io/read-options.js";
import { requireColumns } from "../io/require-columns.js";
import type { DataSession } from "../io/session.js";
import { quoteIdent } from "../io/sql.js";
import { anchorM } from "./anchor-m.js";
import { blockingSql, sampleStepFor } from "./block-sql.js";
import { compareSql } from "./compare-sql.js";
import { decideSql, type LinkThresholds } from "./decide-sql.js";
import { type FellegiSunterModel, fitFellegiSunter } from "./fellegi-sunter.js";
import { globalU } from "./global-u.js";
import { COMPARISONS } from "./levels.js";
import { placeSet } from "./normalize-name.js";
import { CITIES, PROVINCES, placeShortForm } from "./places.js";
import { type EntityColumns, type NameColumns, prepareEntities } from "./prepare.js";
import { readStrings } from "./read-strings.js";
import { validateIds } from "./validate-ids.js";

/** Logical columns of the firm list; map them to your file's names with `firmColumns`. */
export const FIRM_COLUMNS = ["firm_id", "name", "city", "address", "former_names"] as const;
/** Logical columns of the records; map them with `recordColumns`. */
export const RECORD_COLUMNS = ["record_id", "name", "city", "address", "year"] as const;

/** Options of {@link linkFirms}. */
export interface LinkOptions {
  /** Your column name for each logical firm column (default: the same name). */
  readonly firmColumns?: Partial<Record<(typeof FIRM_COLUMNS)[number], string>>;
  readonly recordColumns?: Partial<Record<(typeof RECORD_COLUMNS)[number], string>>;
  readonly firmRead?: ReadOptions;
  readonly recordRead?: ReadOptions;
  readonly thresholds?: Partial<LinkThresholds>;
  /** Firm-side blocking keys shared by more firms than this are dropped (default 50). */
  readonly blockingCap?: number;
  /**
   * About this many records resolved by their exact core also take the fuzzy blocking pass, to
   * estimate how common near neighbours are among non-matches (default 50,000; fewer is faster).
   */
  readonly uSample?: number;
  readonly onProgress?: (message: string) => void;
}

/** What {@link linkFirms} did; the matches are in table `lk_result` of the session. */
export interface LinkSummary {
  readonly firms: number;
  readonly firmNames: number;
  readonly records: number;
  /** Record × firm pairs the decision saw. */
  readonly candidatePairs: number;
  /** Pairs of the full blocking (fuzzy pairs of sampled resolved records scaled up), for the fit. */
  readonly comparedPairs: number;
  readonly matched: number;
  readonly review: number;
  readonly thresholds: LinkThresholds;
  readonly model: FellegiSunterModel;
  readonly seconds: Readonly<Record<string, number>>;
}

/** Default thresholds: match at probability ≥ 0.99, review from 0.2, best firm ≥ 4 bits ahead. */
export const DEFAULT_THRESHOLDS: LinkThresholds = { match: 0.99, review: 0.2, margin: 4 };

const NAME_SPECS: readonly BatchColumnSpec[] = [
  { name: "row", type: "DOUBLE" },
  { name: "owner", type: "DOUBLE" },
  { name: "former", type: "DOUBLE" },
  { name: "until", type: "DOUBLE" },
  { name: "clean", type: "VARCHAR" },
  { name: "core", type: "VARCHAR" },
  { name: "pinyin", type: "VARCHAR" },
  { name: "form", type: "VARCHAR" },
];

async function appendNames(session: DataSession, table: string, n: NameColumns): Promise<void> {
  const app = await BatchAppender.create(session, table, NAME_SPECS);
  const rows = n.owner.length;
  const seq = Float64Array.from({ length: rows }, (_, i) => i);
  app.append(
    [
      seq,
      Float64Array.from(n.owner),
      Float64Array.from(n.former),
      Float64Array.from(n.until),
      n.clean,
      n.core,
      n.pinyin,
      n.form,
    ],
    rows,
  );
  app.close();
}

async function appendEntities(
  session: DataSession,
  table: string,
  key: string,
  ids: readonly (string | null)[],
  names: readonly (string | null)[],
  e: EntityColumns,
  year: Float64Array<ArrayBuffer> | null,
): Promise<void> {
  const specs: BatchColumnSpec[] = [
    { name: key, type: "DOUBLE" },
    { name: "id", type: "VARCHAR" },
    { name: "raw_name", type: "VARCHAR" },
    { name: "city", type: "VARCHAR" },
    { name: "address", type: "VARCHAR" },
  ];
  const rows = ids.length;
  const cols: (Float64Array<ArrayBuffer> | readonly (string | null)[])[] = [
    Float64Array.from({ length: rows }, (_, i) => i),
    ids,
    names,
    e.city,
    e.address,
  ];
  if (year) {
    specs.push({ name: "year", type: "DOUBLE" });
    cols.push(year);
  }
  const app = await BatchAppender.create(session, table, specs);
  app.append(cols, rows);
  app.close();
}

/** Read a file and select its logical columns (absent optional ones as NULL). */
async function readColumns(
  session: DataSession,
  table: string,
  path: string,
  logical: readonly string[],
  required: readonly string[],
  map: Partial<Record<string, string>>,
  read: ReadOptions | undefined,
): Promise<(string | null)[][]> {
  await readFile(session, table, path, read);
  const have = (await session.columns(table)).map((c) => c.name);
  const actual = logical.map((l) => map[l] ?? l);
  requireColumns(
    path,
    have,
    required.map((l) => map[l] ?? l),
  );
  const select = actual
    .map((a) => (have.includes(a) ? `CAST(${quoteIdent(a)} AS VARCHAR)` : "NULL::VARCHAR"))
    .join(", ");
  const cols = await readStrings(
    session,
    `SELECT ${select} FROM ${quoteIdent(table)} ORDER BY rowid`,
    logical.length,
  );
  await session.run(`DROP TABLE ${quoteIdent(table)}`);
  return cols;
}

function parseYears(
  path: string,
  column: string,
  values: readonly (string | null)[],
): Float64Array<ArrayBuffer> {
  const out = new Float64Array(values.length);
  values.forEach((v, i) => {
    if (v === null || v.trim() === "") out[i] = Number.NaN;
    else {
      const y = Number(v.trim());
      if (!Number.isInteger(y) || y < 1000 || y > 9999)
        throw new Error(
          `${path}: column "${column}", row ${i + 1}: "${v}" is not a year; give a four-digit year or leave it empty`,
        );
      out[i] = y;
    }
  });
  return out;
}

/** Firms in memory: ids, names, cities, addresses and `;`-separated former names (null: none). */
export interface FirmInput {
  readonly id: readonly (string | null)[];
  readonly name: readonly (string | null)[];
  readonly city: readonly (string | null)[];
  readonly address: readonly (string | null)[];
  readonly formerNames: readonly (string | null)[];
}

/** Records in memory: ids, names, cities, addresses and years (NaN: unknown). */
export interface RecordInput {
  readonly id: readonly (string | null)[];
  readonly name: readonly (string | null)[];
  readonly city: readonly (string | null)[];
  readonly address: readonly (string | null)[];
  readonly year: Float64Array<ArrayBuffer>;
}

/**
 * Link the records in `recordsPath` to the firms in `firmsPath`; the result is left in table
 * `lk_result` (record_id, firm_id, score, weight, rule, evidence, candidate_firm_id, second_firm_id).
 * @example const summary = await linkFirms(session, "firms.csv", "records.csv");
 */
export async function linkFirms(
  session: DataSession,
  firmsPath: string,
  recordsPath: string,
  options: LinkOptions = {},
): Promise<LinkSummary> {
  const t0 = performance.now();
  const fmap = options.firmColumns ?? {};
  const rmap = options.recordColumns ?? {};
  const [fid, fname, fcity, faddr, fformer] = await readColumns(
    session,
    "lk_firms_in",
    firmsPath,
    FIRM_COLUMNS,
    ["firm_id", "name"],
    fmap,
    options.firmRead,
  );
  const [rid, rname, rcity, raddr, ryear] = await readColumns(
    session,
    "lk_records_in",
    recordsPath,
    RECORD_COLUMNS,
    ["record_id", "name"],
    rmap,
    options.recordRead,
  );
  validateIds(firmsPath, fmap.firm_id ?? "firm_id", fid, fmap.name ?? "name", fname);
  validateIds(recordsPath, rmap.record_id ?? "record_id", rid, rmap.name ?? "name", rname);
  const years = parseYears(recordsPath, rmap.year ?? "year", ryear);
  const read = Math.round((performance.now() - t0) / 10) / 100;
  options.onProgress?.("link: read done");
  const summary = await linkColumns(
    session,
    { id: fid, name: fname, city: fcity, address: faddr, formerNames: fformer },
    { id: rid, name: rname, city: rcity, address: raddr, year: years },
    options,
  );
  return { ...summary, seconds: { read, ...summary.seconds } };
}

/**
 * Link records held in memory to firms held in memory (ids unique and present, names present: see
 * validateIds); the result is left in table `lk_result` as for {@link linkFirms}.
 * @example await linkColumns(session, { id: ["F1"], name: ["甲科技有限公司"], city: [null], address: [null], formerNames: [null] }, records);
 */
export async function linkColumns(
  session: DataSession,
  firmsIn: FirmInput,
  recordsIn: RecordInput,
  options: Pick<LinkOptions, "thresholds" | "blockingCap" | "uSample" | "onProgress"> = {},
): Promise<LinkSummary> {
  const seconds: Record<string, number> = {};
  let t0 = performance.now();
  const lap = (name: string) => {
    const t = performance.now();
    seconds[name] = Math.round((t - t0) / 10) / 100;
    t0 = t;
    options.onProgress?.(`link: ${name} done`);
  };
  const thresholds = { ...DEFAULT_THRESHOLDS, ...options.thresholds };
  const { id: fid, name: fname, city: fcity, address: faddr, formerNames: fformer } = firmsIn;
  const { id: rid, name: rname, city: rcity, address: raddr, year: years } = recordsIn;

  const cities = new Set(CITIES);
  for (const c of [...fcity, ...rcity]) if (c) cities.add(placeShortForm(c.normalize("NFKC").trim()));
  const places = placeSet(PROVINCES, cities);
  const firms = prepareEntities(fname, fcity, faddr, fformer, places);
  const recs = prepareEntities(rname, rcity, raddr, null, places);
  lap("normalise");
  await appendNames(session, "lk_fname", firms.names);
  await appendNames(session, "lk_rname", recs.names);
  await appendEntities(session, "lk_firm", "fid", fid, fname, firms.entities, null);
  await appendEntities(session, "lk_rec", "rid", rid, rname, recs.entities, years);
  lap("load");

  const plan = { cap: options.blockingCap ?? 50, sampleStep: sampleStepFor(rid.length, options.uSample) };
  for (const sql of blockingSql(plan)) await session.run(sql, "link: blocking");
  const [{ n: cand }] = await session.rows("SELECT count(*) FILTER (WHERE decide) AS n FROM lk_cand");
  lap("block");
  await session.run(compareSql(0.5), "link: comparison");
  const [{ n: compared }] = await session.rows("SELECT sum(w) AS n FROM lk_pairs");
  lap("compare");

  const levelCols = COMPARISONS.map((c) => `${c.sql} AS ${c.name}`).join(", ");
  const pat = await session.rows(
    `SELECT ${levelCols}, sum(w)::DOUBLE AS n FROM lk_pairs GROUP BY ALL ORDER BY ALL`,
  );
  const patterns = {
    levels: COMPARISONS.map((c) => Int32Array.from(pat, (r) => Number(r[c.name]))),
    counts: Float64Array.from(pat, (r) => Number(r.n)),
  };
  const u = await globalU(session);
  const model = fitFellegiSunter(
    COMPARISONS,
    patterns,
    [COMPARISONS[0].levels.map(() => 0), u.address, u.form],
    Number(compared),
    fid.length * rid.length,
    {
      blocked: { index: 0, tailShares: [u.citySame, u.cityDifferent, u.cityMissing] },
      fixedM: await anchorM(session),
    },
  );
  lap("fit");
  const listed = (model.candidateMatchShare * Number(compared)) / rid.length;
  await session.run(decideSql(model, thresholds, listed), "link: decision");
  const [{ matched, review }] = await session.rows(`SELECT count(firm_id) AS matched,
    count(*) FILTER (WHERE firm_id IS NULL AND rule NOT IN ('below review threshold', 'no candidate')) AS review
    FROM lk_result`);
  lap("decide");
  return {
    firms: fid.length,
    firmNames: firms.names.owner.length,
    records: rid.length,
    candidatePairs: Number(cand),
    comparedPairs: Number(compared),
    matched: Number(matched),
    review: Number(review),
    thresholds,
    model,
    seconds,
  };
}
