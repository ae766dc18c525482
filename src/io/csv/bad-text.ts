/**
 * Finding where a text file stops decoding cleanly: the decoder turns undecodable bytes into
 * U+FFFD, and this tracker, fed the decoded text piece by piece, remembers the line number and the
 * text of the current line so that the first bad character can be reported as "line L, column C".
 */
import { splitRecord } from "./dialect.js";

/** Where the first undecodable character was found. */
export interface BadTextSpot {
  /** 1-based line number in the file. */
  readonly line: number;
  /** The line's text up to and including the bad character (U+FFFD), at most 4096 characters. */
  readonly prefix: string;
  /** The file's first line (the header), at most 4096 characters; "" when the bad spot is in it. */
  readonly firstLine: string;
}

/**
 * Feed decoded text in order; `spot` is set at the first U+FFFD.
 * @example const t = new BadTextTracker(); t.push("a,b\n1,\uFFFD"); t.spot?.line // => 2
 */
export class BadTextTracker {
  spot: BadTextSpot | null = null;
  private line: number;
  private current = "";
  private first: string | null;

  /**
   * Start at line `line` of the file (default 1); a tracker started after line 1 is given the
   * file's first line, `firstLine`.
   */
  constructor(line = 1, firstLine: string | null = null) {
    this.line = line;
    this.first = line > 1 ? (firstLine ?? "") : null;
  }

  /** Process the next piece of decoded text; returns true once a bad character has been seen. */
  push(text: string): boolean {
    if (this.spot) return true;
    const bad = text.indexOf("\uFFFD");
    const upTo = bad < 0 ? text : text.slice(0, bad + 1);
    let start = 0;
    for (let nl = upTo.indexOf("\n"); nl >= 0; nl = upTo.indexOf("\n", start)) {
      if (this.first === null)
        this.first = (this.current + upTo.slice(start, nl)).replace(/\r$/, "").slice(0, 4096);
      this.line++;
      this.current = "";
      start = nl + 1;
    }
    this.current += upTo.slice(start);
    if (this.current.length > 4096) this.current = this.current.slice(-4096);
    if (bad < 0) return false;
    this.spot = { line: this.line, prefix: this.current, firstLine: this.first ?? "" };
    return true;
  }
}

/**
 * Describe a bad-text spot for an error message, naming the column when the header is known.
 * @example describeSpot({ line: 3, prefix: "1,\uFFFD" }, ",", ["id", "name"]) // => 'line 3, column "name" (…)'
 */
export function describeSpot(spot: BadTextSpot, delimiter: string, names: readonly string[]): string {
  const field = splitRecord(spot.prefix.replace(/\r$/, ""), delimiter).length - 1;
  const name = names[field];
  const col = name === undefined ? `field ${field + 1}` : `column "${name}"`;
  return `line ${spot.line}, ${col} (text up to the bad bytes: ${JSON.stringify(spot.prefix.slice(-40))})`;
}
