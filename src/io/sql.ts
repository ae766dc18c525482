/**
 * Quoting of identifiers and string literals for SQL text sent to DuckDB. Every name that comes
 * from a file or a user goes through these, so odd column names (spaces, quotes, Chinese) are safe.
 */

/**
 * A DuckDB identifier in double quotes, inner quotes doubled.
 * @example quoteIdent('my "col"') // => '"my ""col"""'
 */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/**
 * A DuckDB string literal in single quotes, inner quotes doubled.
 * @example quoteLiteral("it's") // => "'it''s'"
 */
export function quoteLiteral(text: string): string {
  if (text.includes("\u0000")) {
    throw new Error(
      `text ${JSON.stringify(text.slice(0, 40))} contains a NUL character, which SQL cannot hold`,
    );
  }
  return `'${text.replaceAll("'", "''")}'`;
}

/**
 * A list of string literals for SQL, e.g. for `nullstr=[...]` or `IN (...)`.
 * @example literalList(["", "."]) // => "['', '.']"
 */
export function literalList(items: readonly string[]): string {
  return `[${items.map(quoteLiteral).join(", ")}]`;
}
