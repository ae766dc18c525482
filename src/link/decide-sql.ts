/**
 * SQL of the decision step: total match weight of each candidate pair; the match probability of a
 * pair given that a record is one firm or none (the record's candidates compete: with prior
 * probability ρ that the record's firm is in the list, P(firm j) = 2^w_j / (1 − ρ + Σ_k 2^w_k), the
 * pair prior being inside w); the best firm per record; and the rule applied (precision first: a
 * one-character name difference needs the same address; a record whose two best firms are close
 * is left for review).
 */
import { COMPARISONS, NAME_LEVELS, NEEDS_OTHER_EVIDENCE, SAME_DIFFERENT_MISSING } from "./levels.js";
import type { FellegiSunterModel } from "./fellegi-sunter.js";

/** Thresholds of the decision. */
export interface LinkThresholds {
  /** Minimum match probability for a match (default 0.99). */
  readonly match: number;
  /** Minimum match probability for the review file (default 0.2). */
  readonly review: number;
  /** Minimum weight gap (bits) between the best and second-best firm (default 4). */
  readonly margin: number;
}

function weightExpr(model: FellegiSunterModel): string {
  const terms = COMPARISONS.map((c, k) => {
    const cases = c.levels
      .map((_, l) => `WHEN ${l} THEN ${model.weights[k][l].toPrecision(17)}::DOUBLE`)
      .join(" ");
    return `(CASE ${c.sql} ${cases} END)`;
  });
  return `${model.priorWeight.toPrecision(17)}::DOUBLE + ${terms.join(" + ")}`;
}

function evidenceExpr(): string {
  const label = (column: string, levels: readonly string[]) =>
    `'${column}=' || (CASE b.${column} ${levels.map((l, i) => `WHEN ${i} THEN '${l}'`).join(" ")} END)`;
  return [
    label("name", NAME_LEVELS),
    label("city", SAME_DIFFERENT_MISSING),
    label("address", SAME_DIFFERENT_MISSING),
    label("form", SAME_DIFFERENT_MISSING),
  ].join(" || ';' || ");
}

/**
 * Statement creating `lk_result` (one row per record, in input order) from `lk_pairs`; `listed` is
 * ρ, the share of records whose firm is in the list.
 * @example await session.run(decideSql(model, { match: 0.99, review: 0.2, margin: 4 }, 0.85));
 */
export function decideSql(model: FellegiSunterModel, t: LinkThresholds, listed: number): string {
  const rho = Math.min(Math.max(listed, 1e-6), 1 - 1e-6);
  const needs = NEEDS_OTHER_EVIDENCE.join(", ");
  return `CREATE OR REPLACE TEMP TABLE lk_result AS
  WITH w AS (
    SELECT *, ${weightExpr(model)} AS weight FROM lk_pairs WHERE decide
  ), top AS (
    -- The two best firms of each record (weight descending, then firm order) by aggregation:
    -- one pass over the pairs, no window sort.
    SELECT rid,
      max_by(struct_pack(fid, weight, name, city, address, form), struct_pack(weight, nfid := -fid), 2) AS best,
      fsum(pow(2, weight)) AS mass
    FROM w GROUP BY rid
  ), b AS (
    SELECT rid, best[1].fid AS fid, best[1].weight AS weight, best[1].name AS name, best[1].city AS city,
      best[1].address AS address, best[1].form AS form,
      pow(2, best[1].weight) / (${(1 - rho).toPrecision(17)}::DOUBLE + mass) AS p,
      best[2].weight AS second_weight, best[2].fid AS second_fid
    FROM top
  ), d AS (
    SELECT b.*, ${evidenceExpr()} AS evidence,
      CASE
        WHEN p < ${t.review} THEN 'below review threshold'
        WHEN name IN (${needs}) AND address <> 0 THEN 'one character or more from the firm name, no other evidence'
        WHEN second_weight IS NOT NULL AND weight - second_weight < ${t.margin} THEN 'ambiguous between firms'
        WHEN p < ${t.match} THEN 'uncertain'
        ELSE 'match'
      END AS rule
    FROM b
  )
  SELECT rec.rid, rec.id AS record_id,
    CASE WHEN d.rule = 'match' THEN firm.id END AS firm_id,
    round(d.p, 6) AS score, round(d.weight, 4) AS weight,
    coalesce(d.rule, 'no candidate') AS rule, d.evidence,
    firm.id AS candidate_firm_id, sf.id AS second_firm_id
  FROM lk_rec rec
  LEFT JOIN d ON d.rid = rec.rid
  LEFT JOIN lk_firm firm ON firm.fid = d.fid
  LEFT JOIN lk_firm sf ON sf.fid = d.second_fid
  ORDER BY rec.rid`;
}
