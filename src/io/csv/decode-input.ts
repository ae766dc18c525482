/**
 * A CSV file's bytes as UTF-8, ready to parse: read whole, the byte-order mark dropped, other
 * encodings (`--encoding gbk`, latin1, …) re-encoded. Bytes that are not valid UTF-8 in a file read
 * without `--encoding` are checked for Chinese GBK text (as Excel and Stata on Windows save it): when
 * the whole file decodes as GB18030 and its double-byte characters are common GB2312 characters, the
 * file is read as GB18030 with a notice — in the header as in the cells, so that no column is named
 * `����`. Otherwise the error names the line and column of the first bad bytes and suggests
 * `--encoding gbk`.
 */
import { constants, isUtf8 } from "node:buffer";
import { open } from "node:fs/promises";
import { BadTextTracker, describeSpot } from "./bad-text.js";
import { type DialectOptions, dialectFromLine } from "./dialect.js";

/** The decoded file. */
export interface DecodedCsv {
  readonly bytes: Buffer;
  /** The encoding the file was read in. */
  readonly encoding: string;
  /** Set when the encoding was detected rather than given. */
  readonly notice: string | null;
}

/** At least this share of a GBK file's double-byte characters are common GB2312 characters. */
const GB2312_SHARE = 0.9;

/**
 * Read `path` (named `display` in messages) as UTF-8 bytes. `encoding` is a WHATWG label already
 * normalised ("utf-8" when none was given; `given` says whether the user chose it).
 * @example const { bytes } = await decodeCsvFile("data.csv", "data.csv", "utf-8", false, {});
 */
export async function decodeCsvFile(
  path: string,
  display: string,
  encoding: string,
  given: boolean,
  options: DialectOptions,
): Promise<DecodedCsv> {
  const raw = await readWhole(path, display);
  if (encoding !== "utf-8")
    return { bytes: reencode(raw, encoding, display, options), encoding, notice: null };
  const bytes = hasBom(raw) ? raw.subarray(3) : raw;
  if (isUtf8(bytes)) return { bytes, encoding, notice: null };
  const utf16 =
    raw[0] === 0xff && raw[1] === 0xfe ? "utf-16le" : raw[0] === 0xfe && raw[1] === 0xff ? "utf-16be" : "";
  if (utf16) {
    throw new Error(
      `${display}: the file starts with a ${utf16.toUpperCase()} byte-order mark; read it with --encoding ${utf16}`,
    );
  }
  if (!given && looksLikeGbk(bytes)) {
    const text = new TextDecoder("gb18030").decode(bytes);
    const notice =
      `${display}: the file is not UTF-8 but reads cleanly as Chinese GBK text, so it was read as GB18030 ` +
      "(as saved by Excel or Stata on Windows); if that is wrong, give the encoding with --encoding";
    return { bytes: Buffer.from(text, "utf8"), encoding: "gb18030", notice };
  }
  const spot = badSpot(bytes, "utf-8");
  const where = spot ? spotText(spot, display, options) : "the file";
  throw new Error(
    `${display}: ${where} is not valid UTF-8 text; if it is Chinese text saved by Excel or Stata on Windows, ` +
      "read it with --encoding gbk",
  );
}

async function readWhole(path: string, display: string): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(path, "r");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : String(err);
    throw new Error(`${display}: cannot open the file (${why})`);
  }
  try {
    const { size } = await handle.stat();
    if (size > constants.MAX_LENGTH) {
      throw new Error(
        `${display}: the file is ${(size / 2 ** 30).toFixed(1)} GiB; CSV files up to ` +
          `${Math.floor(constants.MAX_LENGTH / 2 ** 30)} GiB are read — split it, or save it as Parquet`,
      );
    }
    const bytes = Buffer.allocUnsafe(size);
    // in pieces: one read call is limited to 2 GiB
    for (let at = 0; at < size; ) {
      const { bytesRead } = await handle.read(bytes, at, Math.min(size - at, 1 << 30), at);
      if (bytesRead === 0) throw new Error(`${display}: the file shrank while it was read; read it again`);
      at += bytesRead;
    }
    return bytes;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "EISDIR") throw new Error(`${display}: cannot open the file (it is a folder)`);
    throw err;
  } finally {
    await handle.close();
  }
}

function hasBom(b: Buffer): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

/**
 * Whether bytes that are not UTF-8 are GBK Chinese text: they decode as GB18030 without an error,
 * hold at least one double-byte character, most of those are in GB2312's rows (lead and trail byte
 * 0xA1–0xFE, where common Chinese characters and punctuation are), and no more of its non-ASCII
 * bytes form valid UTF-8 characters than not (a UTF-8 file with one corrupted character is not
 * re-read as GBK). European text
 * in windows-1252 rarely has two accented letters in a row, so it fails this.
 * @example looksLikeGbk(Buffer.from([0xd6, 0xd0, 0xce, 0xc4])) // => true ("中文")
 */
export function looksLikeGbk(bytes: Buffer): boolean {
  let pairs = 0;
  let common = 0;
  // bytes in valid UTF-8 characters against other non-ASCII bytes: a UTF-8 file with a corrupted
  // character has far more of the former
  let utf8 = 0;
  let other = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] < 0x80) continue;
    const len = utf8Length(bytes, i);
    if (len > 1) {
      utf8 += len;
      i += len - 1;
    } else other++;
  }
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b < 0x80) continue;
    const t = bytes[i + 1];
    pairs++;
    if (b >= 0x81 && b <= 0xfe && t >= 0x30 && t <= 0x39) {
      i += 3; // a four-byte GB18030 sequence
      continue;
    }
    if (b >= 0xa1 && b <= 0xf7 && t >= 0xa1 && t <= 0xfe) common++;
    i++;
  }
  if (pairs === 0 || common < GB2312_SHARE * pairs || utf8 > other) return false;
  try {
    new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The length of a valid UTF-8 multi-byte character starting at `i`, or 0. */
function utf8Length(bytes: Buffer, i: number): number {
  const b = bytes[i];
  const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
  for (let k = 1; k < len; k++) {
    const c = bytes[i + k];
    if (!(c >= 0x80 && c <= 0xbf)) return 0;
  }
  return len;
}

/** Decode from `encoding` and re-encode as UTF-8, or fail naming the first undecodable spot. */
function reencode(raw: Buffer, encoding: string, display: string, options: DialectOptions): Buffer {
  // GBK is decoded as GB18030, its superset (as the WHATWG Encoding standard specifies): Node's own
  // "gbk" decoder silently drops some invalid bytes (0xFF) instead of flagging them.
  const label = encoding === "gbk" ? "gb18030" : encoding;
  let text = new TextDecoder(label).decode(raw);
  if (text.includes("\uFFFD")) {
    const spot = badSpot(raw, encoding);
    if (spot) {
      throw new Error(
        `${display}: ${spotText(spot, display, options)} is not valid ${encoding} text; ` +
          "check the encoding (e.g. --encoding utf-8 or gb18030)",
      );
    }
  }
  if (text.startsWith("\uFEFF")) text = text.slice(1);
  return Buffer.from(text, "utf8");
}

function badSpot(bytes: Buffer, encoding: string) {
  const tracker = new BadTextTracker();
  tracker.push(new TextDecoder(encoding === "gbk" ? "gb18030" : encoding).decode(bytes));
  return tracker.spot;
}

/**
 * "line L, column "c" (…)" for an undecodable spot, with the header's dialect when it can be read.
 * @example spotText(tracker.spot, "data.csv", {}); // 'line 12, column "name" …'
 */
export function spotText(
  spot: NonNullable<BadTextTracker["spot"]>,
  display: string,
  options: DialectOptions,
): string {
  if (spot.line > 1) {
    try {
      const dialect = dialectFromLine(spot.firstLine.replace(/^\uFEFF/, ""), display, options);
      return describeSpot(spot, dialect.delimiter, dialect.names);
    } catch {
      // the header itself cannot be read: name the line only
    }
  }
  return `line ${spot.line}`;
}
