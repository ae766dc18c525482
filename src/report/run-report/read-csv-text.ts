/** Small CSV files written by the run (review lists, comparisons) read back as rows of text. */
import { parseRecord } from "../../io/csv/record-parser.js";

/**
 * Rows of a comma-separated text (RFC 4180 quoting), header first; a malformed record is an error naming the file and line.
 * @example csvRows('a,b\n1,"x,y"\n', "f.csv"); // [["a","b"],["1","x,y"]]
 */
export function csvRows(text: string, where: string): string[][] {
  const body = text.replace(/^\uFEFF/, "").replace(/\r\n/g, "\n");
  const rows: string[][] = [];
  let i = 0;
  while (i < body.length) {
    const r = parseRecord(body, i, ",");
    if (!r.ok) {
      const line = body.slice(0, r.index).split("\n").length;
      throw new Error(
        `${where}: line ${line}: malformed CSV (${r.problem}); the file was changed or damaged, rerun`,
      );
    }
    rows.push(r.fields);
    i = r.next;
  }
  return rows.filter((r) => !(r.length === 1 && r[0] === ""));
}
