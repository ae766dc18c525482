/**
 * Parsing one CSV record with the quoting rules DuckDB's parser applies (so that the header is
 * read exactly as DuckDB reads the data): a field is quoted only if it starts with `"` (one
 * leading space is allowed); inside quotes `""` is a quote; after the closing quote spaces are
 * skipped, and a new quote after spaces continues the field (`"a" "b"` is `a b`); any other text
 * after a closing quote is an error. A quote inside an unquoted field is a literal character.
 */

/** A parsed record, or why it could not be parsed. */
export type RecordParse =
  | {
      readonly ok: true;
      readonly fields: string[] /** index after the record's line break */;
      readonly next: number;
    }
  | { readonly ok: false; readonly problem: "open-quote" | "after-quote"; readonly index: number };

/**
 * Parse the record starting at `start` of `text` (up to an unquoted `\n` or the end).
 * @example parseRecord('a,"b,c"\nx', 0, ",") // => { ok: true, fields: ["a", "b,c"], next: 8 }
 */
export function parseRecord(text: string, start: number, delimiter: string): RecordParse {
  const n = text.length;
  const fields: string[] = [];
  let i = start;
  for (;;) {
    let field = "";
    if (text[i] === " " && text[i + 1] === '"') i++;
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= n) return { ok: false, problem: "open-quote", index: i };
        const c = text[i];
        if (c === '"' && text[i + 1] === '"') {
          field += '"';
          i += 2;
        } else if (c === '"') {
          i++;
          let spaces = "";
          while (text[i] === " ") spaces += text[i++];
          if (text[i] === '"' && spaces !== "") {
            field += spaces;
            i++;
            continue;
          }
          break;
        } else {
          field += c;
          i++;
        }
      }
      if (i < n && text[i] !== delimiter && text[i] !== "\n" && text[i] !== "\r") {
        return { ok: false, problem: "after-quote", index: i };
      }
    } else {
      while (i < n && text[i] !== delimiter && text[i] !== "\n") field += text[i++];
      if (field.endsWith("\r") && text[i] !== delimiter) field = field.slice(0, -1);
    }
    fields.push(field);
    if (i < n && text[i] === "\r") i++;
    if (i >= n) return { ok: true, fields, next: n };
    if (text[i] === "\n") return { ok: true, fields, next: i + 1 };
    i++; // the delimiter
  }
}
