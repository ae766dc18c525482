/**
 * Re-encoding a text file to UTF-8 in a stream (for GBK/GB18030 and other encodings DuckDB's CSV
 * reader does not know), and locating the first undecodable character of a file.
 */
import { createReadStream } from "node:fs";
import { open } from "node:fs/promises";
import { type BadTextSpot, BadTextTracker } from "./bad-text.js";

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

/**
 * A decoder that turns undecodable bytes into U+FFFD. GBK is decoded as GB18030, its superset (as
 * the WHATWG Encoding standard specifies): Node's own "gbk" decoder silently drops some invalid
 * bytes (0xFF) instead of flagging them.
 */
function decoderFor(encoding: string): TextDecoder {
  return new TextDecoder(encoding === "gbk" ? "gb18030" : encoding);
}

/**
 * Decode `src` from `encoding` and write it as UTF-8 to `dst`. Stops at the first undecodable
 * byte sequence and returns where it is (the output is then incomplete); null when all is well.
 * @example const bad = await transcodeToUtf8("gbk.csv", "/tmp/x.csv", "gbk");
 */
export async function transcodeToUtf8(
  src: string,
  dst: string,
  encoding: string,
): Promise<BadTextSpot | null> {
  const decoder = decoderFor(encoding);
  const tracker = new BadTextTracker();
  const out = await open(dst, "w");
  try {
    for await (const chunk of createReadStream(src, { highWaterMark: 1 << 20 })) {
      const text = decoder.decode(chunk as Buffer, { stream: true });
      if (tracker.push(text)) return tracker.spot;
      await out.write(text);
    }
    const rest = decoder.decode();
    if (tracker.push(rest)) return tracker.spot;
    await out.write(rest);
    return null;
  } finally {
    await out.close();
  }
}

/**
 * Scan a file for its first undecodable byte sequence in `encoding` (null when it decodes cleanly).
 * @example const spot = await findBadText("data.csv", "utf-8");
 */
export async function findBadText(path: string, encoding: string): Promise<BadTextSpot | null> {
  const decoder = decoderFor(encoding);
  const tracker = new BadTextTracker();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    if (tracker.push(decoder.decode(chunk as Buffer, { stream: true }))) return tracker.spot;
  }
  tracker.push(decoder.decode());
  return tracker.spot;
}
