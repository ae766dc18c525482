/**
 * Column names that clash in DuckDB: its identifiers are case-insensitive, so "ID" and "id" (or
 * Stata's `l` and `L`) cannot both be columns of one table. Every reader checks its names with this
 * before creating a table, and names both columns in its own error.
 */

/**
 * The positions of the first two names equal ignoring case, or null when all differ.
 * @example caseClash(["id", "x", "ID"]); // [0, 2]
 */
export function caseClash(names: readonly string[]): [number, number] | null {
  const first = new Map<string, number>();
  for (let i = 0; i < names.length; i++) {
    const key = names[i].toLowerCase();
    const prev = first.get(key);
    if (prev !== undefined) return [prev, i];
    first.set(key, i);
  }
  return null;
}
