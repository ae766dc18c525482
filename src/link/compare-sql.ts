/**
 * SQL of the comparison step: for each candidate record × firm pair, the best name level over the
 * firm's names and the city, address and legal-form levels (codes as in levels.ts).
 */
import { NAME } from "./levels.js";

const BIGRAMS = (col: string) => `list_distinct([substr(${col}, i, 2) FOR i IN range(1, length(${col}))])`;

/**
 * Statement creating `lk_pairs(rid, fid, name, city, address, form, decide, w)` from `lk_cand`
 * (`decide`: the decision sees the pair; `w`: its weight in the model fit).
 * @example await session.run(compareSql(0.5));
 */
export function compareSql(similar: number): string {
  const agree = "(r.core = f.core OR r.pinyin = f.pinyin OR c.one_char)";
  return `CREATE OR REPLACE TEMP TABLE lk_pairs AS
  WITH c AS (
    SELECT r.owner AS rid, f.owner AS fid,
      CASE
        WHEN f.former = 1 AND rec.year IS NOT NULL AND NOT isnan(f.until) AND rec.year > f.until
          THEN CASE WHEN ${agree} THEN ${NAME.former_after_rename} ELSE ${NAME.other} END
        WHEN r.clean = f.clean THEN ${NAME.exact} + ${NAME.former_exact - NAME.exact} * f.former
        WHEN r.core = f.core THEN ${NAME.core} + ${NAME.former_core - NAME.core} * f.former
        WHEN r.pinyin = f.pinyin THEN ${NAME.homophone} + ${NAME.former_homophone - NAME.homophone} * f.former
        WHEN c.one_char THEN ${NAME.one_char} + ${NAME.former_one_char - NAME.one_char} * f.former
        WHEN length(list_intersect(${BIGRAMS("r.core")}, ${BIGRAMS("f.core")}))
          >= ${similar} * length(list_distinct(${BIGRAMS("r.core")} || ${BIGRAMS("f.core")})) THEN ${NAME.similar}
        ELSE ${NAME.other}
      END AS name,
      CASE WHEN r.form = '' OR f.form = '' THEN 2 WHEN r.form = f.form THEN 0 ELSE 1 END AS form,
      c.decide, c.w
    FROM lk_cand c
    JOIN lk_rname r ON r.row = c.rrow
    JOIN lk_fname f ON f.row = c.frow
    JOIN lk_rec rec ON rec.rid = r.owner
  ), best AS (
    SELECT rid, fid, min(name) AS name, arg_min(form, name * 4 + form) AS form,
      bool_or(decide) AS decide, min(w) AS w FROM c GROUP BY rid, fid
  )
  SELECT b.rid, b.fid, b.name::TINYINT AS name,
    (CASE WHEN r.city = '' OR f.city = '' THEN 2 WHEN r.city = f.city THEN 0 ELSE 1 END)::TINYINT AS city,
    (CASE WHEN r.address = '' OR f.address = '' THEN 2 WHEN r.address = f.address THEN 0 ELSE 1 END)::TINYINT AS address,
    b.form::TINYINT AS form, b.decide, b.w
  FROM best b JOIN lk_rec r ON r.rid = b.rid JOIN lk_firm f ON f.fid = b.fid`;
}
