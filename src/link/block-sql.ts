/**
 * SQL of the blocking step: keys per name (the core; its toneless pinyin; the core with each one
 * character deleted, a deletion neighbourhood that catches every one-character substitution,
 * insertion or deletion), frequent keys dropped on the firm side, and the candidate pairs.
 */

/** Blocking keys of a name table (`row`, `core`, `pinyin`) as a query; `cap` limits firm-side key frequency. */
function keysQuery(names: string, cap: number | null): string {
  const keys = `
    SELECT row, 0 AS kind, core AS key, 0 AS pos FROM ${names}
    UNION ALL SELECT row, 1, pinyin, 0 FROM ${names}
    UNION ALL SELECT row, 2, CASE WHEN pos = 0 THEN core ELSE left(core, pos - 1) || substr(core, pos + 1) END, pos
      FROM (SELECT row, core, unnest(range(0, length(core) + 1)) AS pos FROM ${names} WHERE length(core) >= 4)`;
  if (cap === null) return keys;
  return `SELECT row, kind, key, pos FROM (
    SELECT *, count(*) OVER (PARTITION BY kind, key) AS freq FROM (${keys})
  ) WHERE freq <= CASE WHEN kind = 0 THEN ${cap * 10} ELSE ${cap} END`;
}

/**
 * Statements creating `lk_cand(rrow, frow, one_char)` from name tables `lk_rname` and `lk_fname`:
 * `one_char` is true when the two cores are at most one character apart.
 * @example for (const sql of blockingSql(50)) await session.run(sql);
 */
export function blockingSql(cap: number): string[] {
  return [
    `CREATE OR REPLACE TEMP TABLE lk_fkey AS ${keysQuery("lk_fname", cap)}`,
    `CREATE OR REPLACE TEMP TABLE lk_rkey AS ${keysQuery("lk_rname", null)}`,
    `CREATE OR REPLACE TEMP TABLE lk_cand AS
      SELECT r.row AS rrow, f.row AS frow,
        bool_or(r.kind = 2 AND (r.pos = f.pos OR r.pos = 0 OR f.pos = 0)) AS one_char
      FROM lk_rkey r JOIN lk_fkey f ON r.kind = f.kind AND r.key = f.key
      GROUP BY r.row, f.row`,
    "DROP TABLE lk_fkey",
    "DROP TABLE lk_rkey",
  ];
}
