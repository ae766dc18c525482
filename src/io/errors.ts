/**
 * Small helpers for turning thrown values and DuckDB errors into readable messages.
 */

/**
 * The message of an unknown thrown value.
 * @example messageOf(new Error("x")) // => "x"
 */
export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * The first line of a DuckDB error message without its "Invalid Input Error: " style prefix.
 * @example firstLine("Invalid Input Error: bad\nmore") // => "bad"
 */
export function firstLine(message: string): string {
  const line = message.split("\n", 1)[0];
  return line.replace(/^[A-Za-z ]+ Error: /, "");
}
