/**
 * Streaming text columns of a DuckDB query into JavaScript arrays, chunk by chunk.
 */
import type { DataSession } from "../io/session.js";

/**
 * The columns of `sql` as arrays of strings (null for missing), every value cast to text.
 * @example const [ids, names] = await readStrings(session, "SELECT id, name FROM t ORDER BY rowid", 2);
 */
export async function readStrings(
  session: DataSession,
  sql: string,
  columns: number,
): Promise<(string | null)[][]> {
  const out: (string | null)[][] = Array.from({ length: columns }, () => []);
  const result = await session.connection.stream(sql);
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    for (let j = 0; j < columns; j++) {
      const target = out[j];
      for (const v of chunk.getColumnValues(j)) target.push(v === null || v === undefined ? null : String(v));
    }
  }
  return out;
}
