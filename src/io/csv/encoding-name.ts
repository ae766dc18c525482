/**
 * Text encoding names as the user gives them.
 */

/**
 * Normalise an encoding name to its WHATWG label ("GBK" → "gbk", "utf8" → "utf-8"), or fail
 * with the encodings one can use.
 * @example normaliseEncoding("UTF8", "data.csv") // => "utf-8"
 */
export function normaliseEncoding(encoding: string | undefined, display: string): string {
  if (encoding === undefined || encoding === "") return "utf-8";
  try {
    return new TextDecoder(encoding).encoding;
  } catch {
    throw new Error(
      `${display}: unknown text encoding "${encoding}"; use e.g. utf-8, gbk, gb18030, big5, latin1, utf-16le`,
    );
  }
}
