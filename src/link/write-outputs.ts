/**
 * Writing the matches (one row per record) and the review file (the uncertain band, with names
 * side by side for clerical review) from table `lk_result`.
 */
import { extname } from "node:path";
import type { DataSession } from "../io/session.js";
import { writeTable } from "../io/write-file.js";

/** Rules whose records go to the review file. */
export const REVIEW_RULES: readonly string[] = [
  "uncertain",
  "ambiguous between firms",
  "one character or more from the firm name, no other evidence",
];

/**
 * The default review path beside the matches: `matches.csv` → `matches.review.csv`.
 * @example reviewPathFor("out/matches.csv") // => "out/matches.review.csv"
 */
export function reviewPathFor(out: string): string {
  const ext = extname(out);
  return `${out.slice(0, out.length - ext.length)}.review${ext || ".csv"}`;
}

/**
 * Write the matches to `out` and the review band to `review` (formats by extension).
 * @example await writeLinkOutputs(session, "matches.csv", "matches.review.csv");
 */
export async function writeLinkOutputs(session: DataSession, out: string, review: string): Promise<void> {
  const rules = REVIEW_RULES.map((r) => `'${r}'`).join(", ");
  await session.run(`CREATE OR REPLACE TEMP TABLE lk_review AS
    SELECT x.record_id, rec.raw_name AS record_name, rec.city AS record_city, rec.year AS record_year,
      x.candidate_firm_id AS firm_id, f.raw_name AS firm_name, f.city AS firm_city,
      x.score, x.weight, x.rule, x.evidence, x.second_firm_id, s.raw_name AS second_firm_name
    FROM lk_result x JOIN lk_rec rec USING (rid)
    LEFT JOIN lk_firm f ON f.id = x.candidate_firm_id
    LEFT JOIN lk_firm s ON s.id = x.second_firm_id
    WHERE x.rule IN (${rules})
    ORDER BY x.score DESC, x.rid`);
  await session.run(`CREATE OR REPLACE TEMP TABLE lk_matches AS
    SELECT record_id, firm_id, score, weight, rule, evidence FROM lk_result ORDER BY rid`);
  await writeTable(session, "lk_review", review);
  await writeTable(session, "lk_matches", out);
}
