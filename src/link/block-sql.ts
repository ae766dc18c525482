/**
 * SQL of the blocking step, in two passes so that candidate generation stays selective at scale:
 *  1. an exact pass joins record cores to firm name cores (current and former names); a record
 *     whose core equals a name a firm of its city (or of unknown city) bore at the record's year
 *     is resolved by it (a typo that happens to spell another city's firm is not);
 *  2. a fuzzy pass gives only the unresolved records (typos, homophones, firms not in the list)
 *     their pinyin key and their deletion neighbourhood (the core with each one character deleted,
 *     which catches every one-character substitution, insertion or deletion).
 * Firm-side keys shared by more names than a cap are dropped (a block that large is no evidence,
 * as in Splink's blocking rules). A deterministic sample of resolved records also takes the fuzzy
 * pass, its extra pairs weighted by the inverse sampling rate: they stand for the near neighbours
 * of all resolved records in the model fit (the u of a one-character difference), and take no
 * part in the decision.
 */

/** Fuzzy blocking keys (kind 1: toneless pinyin; kind 2: deletion neighbourhood) of the names in `from`. */
function fuzzyKeys(from: string): string {
  return `
    SELECT row, 1 AS kind, pinyin AS key, 0 AS pos FROM ${from}
    UNION ALL SELECT row, 2, CASE WHEN pos = 0 THEN core ELSE left(core, pos - 1) || substr(core, pos + 1) END, pos
      FROM (SELECT row, core, unnest(range(0, length(core) + 1)) AS pos FROM ${from} WHERE length(core) >= 4)`;
}

/** Sizes of the blocking passes. */
export interface BlockingPlan {
  /** Firm names sharing a fuzzy key beyond this drop the key (the core cap is ten times it). */
  readonly cap: number;
  /** Every `sampleStep`-th resolved record also takes the fuzzy pass (for the model fit). */
  readonly sampleStep: number;
}

/**
 * The sample step for `records` records: about `target` resolved records take the fuzzy pass.
 * @example sampleStepFor(2_000_000, 50_000) // => 40
 */
export function sampleStepFor(records: number, target = 50_000): number {
  return Math.max(1, Math.ceil(records / target));
}

/**
 * Statements creating `lk_cand(rrow, frow, one_char, decide, w)` from name tables `lk_rname`,
 * `lk_fname` and records `lk_rec(rid, year)`: `one_char` is true when the two cores are at most
 * one character apart; `decide` marks the pairs the decision sees; `w` is the pair's weight in the
 * model fit (1, or the sample step for a sampled resolved record's fuzzy pair).
 * @example for (const sql of blockingSql({ cap: 50, sampleStep: 1 })) await session.run(sql);
 */
export function blockingSql(plan: BlockingPlan): string[] {
  const { cap, sampleStep } = plan;
  return [
    `CREATE OR REPLACE TEMP TABLE lk_fcore AS
      SELECT row, core FROM (SELECT row, core, count(*) OVER (PARTITION BY core) AS freq FROM lk_fname)
      WHERE freq <= ${cap * 10}`,
    `CREATE OR REPLACE TEMP TABLE lk_cand1 AS
      SELECT r.row AS rrow, f.row AS frow FROM lk_rname r JOIN lk_fcore f ON r.core = f.core`,
    `CREATE OR REPLACE TEMP TABLE lk_fuzzy AS
      WITH resolved AS (
        SELECT DISTINCT c.rrow FROM lk_cand1 c
        JOIN lk_fname f ON f.row = c.frow JOIN lk_rname r ON r.row = c.rrow
        JOIN lk_rec rec ON rec.rid = r.owner JOIN lk_firm firm ON firm.fid = f.owner
        WHERE (f.former = 0 OR isnan(f.until) OR rec.year IS NULL OR rec.year <= f.until)
          AND (rec.city = '' OR firm.city = '' OR rec.city = firm.city))
      SELECT n.row, n.core, n.pinyin, s.rrow IS NOT NULL AS sampled FROM lk_rname n
      LEFT JOIN resolved s ON s.rrow = n.row
      WHERE s.rrow IS NULL OR n.row % ${sampleStep} = 0`,
    `CREATE OR REPLACE TEMP TABLE lk_fkey AS
      SELECT row, kind, key, pos FROM (
        SELECT *, count(*) OVER (PARTITION BY kind, key) AS freq FROM (${fuzzyKeys("lk_fname")})
      ) WHERE freq <= ${cap}`,
    `CREATE OR REPLACE TEMP TABLE lk_cand2 AS
      SELECT r.row AS rrow, f.row AS frow, any_value(z.sampled) AS sampled,
        bool_or(r.kind = 2 AND (r.pos = f.pos OR r.pos = 0 OR f.pos = 0)) AS one_char
      FROM (${fuzzyKeys("lk_fuzzy")}) r
      JOIN lk_fuzzy z ON z.row = r.row
      JOIN lk_fkey f ON r.kind = f.kind AND r.key = f.key
      GROUP BY r.row, f.row`,
    `CREATE OR REPLACE TEMP TABLE lk_cand AS
      SELECT rrow, frow, bool_or(one_char) AS one_char, bool_or(decide) AS decide,
        CASE WHEN bool_or(decide) THEN 1 ELSE ${sampleStep} END::DOUBLE AS w
      FROM (
        SELECT rrow, frow, false AS one_char, true AS decide FROM lk_cand1
        UNION ALL SELECT rrow, frow, one_char, NOT sampled FROM lk_cand2)
      GROUP BY rrow, frow`,
    "DROP TABLE lk_fcore",
    "DROP TABLE lk_cand1",
    "DROP TABLE lk_fuzzy",
    "DROP TABLE lk_fkey",
    "DROP TABLE lk_cand2",
  ];
}
