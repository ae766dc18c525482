/**
 * Detection of text that was decoded with the wrong encoding: U+FFFD replacement characters, or
 * runs of four or more Latin-1 letters (U+0080–U+00FF), which is what GBK-encoded Chinese looks
 * like when read as Latin-1 ("ÖÐÎÄ" for 中文) and which real European text almost never has.
 */
import type { DataSession } from "../session.js";
import { quoteIdent } from "../sql.js";

/** The first suspicious value found. */
export interface MojibakeHit {
  readonly column: string;
  /** 1-based data row (not counting the header). */
  readonly row: number;
  readonly value: string;
}

/**
 * Look for mis-decoded text in the given text columns of a table; null when none is found.
 * @example const hit = await findMojibake(session, "t", ["name"]);
 */
export async function findMojibake(
  session: DataSession,
  table: string,
  columns: readonly string[],
): Promise<MojibakeHit | null> {
  for (const name of columns) {
    const c = quoteIdent(name);
    const rows = await session.rows(
      `SELECT rowid AS r, ${c} AS v FROM ${quoteIdent(table)} ` +
        `WHERE contains(${c}, chr(65533)) OR regexp_matches(${c}, '[\\x{80}-\\x{FF}]{4,}') ORDER BY rowid LIMIT 1`,
    );
    if (rows.length) return { column: name, row: Number(rows[0].r) + 1, value: String(rows[0].v) };
  }
  return null;
}
