/**
 * The one error type of the `.dta` reader and writer. Messages name the file, what was expected and
 * where (byte offset, variable, row), and say what to do.
 */

/** Where in a file a problem was found. */
export interface DtaErrorPlace {
  readonly offset?: number;
  readonly variable?: string;
  readonly row?: number;
}

/** A malformed, truncated or unsupported `.dta` file, or a table that cannot be written as one. */
export class DtaError extends Error {
  readonly file: string;
  readonly offset: number | undefined;
  readonly variable: string | undefined;
  readonly row: number | undefined;

  constructor(file: string, problem: string, place: DtaErrorPlace = {}) {
    super(`${file}: ${problem}${describePlace(place)}`);
    this.name = "DtaError";
    this.file = file;
    this.offset = place.offset;
    this.variable = place.variable;
    this.row = place.row;
  }
}

function describePlace(place: DtaErrorPlace): string {
  const parts: string[] = [];
  if (place.variable !== undefined) parts.push(`variable "${place.variable}"`);
  if (place.row !== undefined) parts.push(`row ${place.row + 1}`);
  if (place.offset !== undefined) parts.push(`byte offset ${place.offset}`);
  return parts.length ? ` (at ${parts.join(", ")})` : "";
}

/**
 * Error for a file that ends before a section it declares.
 * @example throw truncated("a.dta", "the data section", 1024, 2048, 1500);
 */
export function truncated(
  file: string,
  what: string,
  offset: number,
  needEnd: number,
  size: number,
): DtaError {
  return new DtaError(
    file,
    `file is truncated: ${what} needs bytes up to ${needEnd} but the file has only ${size} bytes; ` +
      "the file was not completely written or copied — obtain the complete file",
    { offset },
  );
}
