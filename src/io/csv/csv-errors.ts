/**
 * Translation of DuckDB's CSV parse errors into messages that name the user's file and line and
 * say what to fix.
 */
import { firstLine, messageOf } from "../errors.js";

/** What went wrong, as far as DuckDB's message says. */
export interface CsvParseFailure {
  readonly line: number | null;
  readonly kind: "fields" | "quote" | "unicode" | "line-size" | "other";
  readonly message: string;
}

/**
 * Classify a DuckDB CSV error and phrase it for the user.
 * @example explainCsvError(err, "data.csv", ["a", "b"]).message
 */
export function explainCsvError(err: unknown, display: string, names: readonly string[]): CsvParseFailure {
  const raw = messageOf(err);
  const lineMatch = /CSV Error on Line: (\d+)/.exec(raw);
  const line = lineMatch ? Number(lineMatch[1]) : null;
  const original = /Original Line: ?(.*)/.exec(raw)?.[1] ?? "";
  const where = line === null ? "" : ` line ${line}`;
  const shown = original
    ? ` (${JSON.stringify(original.length > 80 ? `${original.slice(0, 80)}…` : original)})`
    : "";
  const fields = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(raw);
  if (fields) {
    const found = Number(fields[2]);
    return {
      line,
      kind: "fields",
      message:
        `${display}:${where} has ${found} field${found === 1 ? "" : "s"} where the header has ${names.length} ` +
        `(${names.join(", ")})${shown}; fix that row (a missing or extra delimiter, or a stray quote?) — ` +
        "rows are never padded or cut to fit",
    };
  }
  if (/unterminated quote/i.test(raw)) {
    return {
      line,
      kind: "quote",
      message: `${display}:${where} opens a quoted field that is never closed${shown}; add the closing double quote`,
    };
  }
  if (/Invalid unicode/i.test(raw)) {
    return { line, kind: "unicode", message: `${display}:${where} is not valid UTF-8 text` };
  }
  if (/Maximum line size/i.test(raw)) {
    return {
      line,
      kind: "line-size",
      message: `${display}:${where} is longer than DuckDB's line limit; is a quote left open above it?`,
    };
  }
  return {
    line,
    kind: "other",
    message:
      `${display}:${where} cannot be parsed as CSV (${firstLine(raw)}); ` +
      "look for mixed line endings, a stray quote or binary data",
  };
}
