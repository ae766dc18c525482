/**
 * A CSV file too large to hold in one buffer, as UTF-8 chunks: read piece by piece, each chunk ending
 * on a character boundary, with the checks of {@link decodeCsvFile} applied chunk by chunk — the
 * byte-order mark dropped, other encodings re-encoded, bytes that are not UTF-8 named by line and
 * column (the line counted from the start of the file), and Chinese GBK text detected in a file
 * read without `--encoding`. GBK is detected in the first chunk that is not UTF-8, and only while
 * every chunk before it was plain ASCII (which reads the same in both); a file that is UTF-8 in one
 * part and GBK in another is not UTF-8, as a whole-file read finds too.
 */
import { isAscii, isUtf8 } from "node:buffer";
import { type FileHandle, open } from "node:fs/promises";
import { BadTextTracker } from "./bad-text.js";
import { looksLikeGbk, spotText } from "./decode-input.js";
import type { DialectOptions } from "./dialect.js";

/** Bytes that are not UTF-8 are judged (GBK or an error) on at least this many bytes, or the rest of the file. */
const DETECT_BYTES = 1 << 16;

/** What the chunks turned out to be, known once they have been read. */
export interface ChunkedDecoding {
  /** The encoding the file was read in. */
  encoding: string;
  /** Set when the encoding was detected rather than given. */
  notice: string | null;
}

/**
 * Yield `path`'s text as UTF-8 chunks of about `chunkBytes` read bytes (the last may be shorter),
 * updating `decoding` when the encoding is detected.
 * @example for await (const chunk of decodeCsvChunks("big.csv", "big.csv", "utf-8", false, {}, 1 << 26, state)) use(chunk);
 */
export async function* decodeCsvChunks(
  path: string,
  display: string,
  encoding: string,
  given: boolean,
  options: DialectOptions,
  chunkBytes: number,
  decoding: ChunkedDecoding,
): AsyncGenerator<Buffer> {
  const handle = await openFile(path, display);
  try {
    const { size } = await handle.stat();
    let decoder = encoding === "utf-8" ? null : new TextDecoder(label(encoding));
    let carry: Buffer = Buffer.alloc(0);
    let rawAt = 0;
    let ascii = true;
    while (rawAt < size || carry.length > 0) {
      const take = Math.min(chunkBytes, size - rawAt);
      const block = Buffer.allocUnsafe(take);
      await readFully(handle, block, rawAt, display);
      const chunkStart = rawAt - carry.length;
      rawAt += take;
      const last = rawAt >= size;
      let raw = carry.length ? Buffer.concat([carry, block]) : block;
      if (chunkStart === 0 && decoder === null && hasBom(raw)) raw = raw.subarray(3);
      if (decoder === null) {
        const cut = last ? raw.length : utf8Boundary(raw);
        const chunk = raw.subarray(0, cut);
        carry = Buffer.from(raw.subarray(cut));
        if (isUtf8(chunk)) {
          ascii &&= isAscii(chunk);
          yield chunk;
          continue;
        }
        if (!last && raw.length < DETECT_BYTES) {
          // too little to judge the encoding by: read on
          carry = raw;
          continue;
        }
        if (chunkStart === 0) rejectUtf16(raw, display);
        if (given || !ascii || !looksLikeGbk(chunk)) {
          const where = await spotIn(chunk, "utf-8", path, chunkStart, display, options);
          throw new Error(
            `${display}: ${where} is not valid UTF-8 text; if it is Chinese text saved by Excel or Stata on Windows, ` +
              "read it with --encoding gbk",
          );
        }
        // Every byte before this chunk was ASCII, which GB18030 reads the same: go on in GB18030.
        decoding.encoding = "gb18030";
        decoding.notice =
          `${display}: the file is not UTF-8 but reads cleanly as Chinese GBK text, so it was read as GB18030 ` +
          "(as saved by Excel or Stata on Windows); if that is wrong, give the encoding with --encoding";
        decoder = new TextDecoder("gb18030");
      }
      carry = Buffer.alloc(0);
      let text = decoder.decode(raw, { stream: !last });
      if (chunkStart === 0 && text.startsWith("\uFEFF")) text = text.slice(1);
      if (text.includes("\uFFFD")) {
        const where = await spotIn(raw, decoding.encoding, path, chunkStart, display, options);
        throw new Error(
          `${display}: ${where} is not valid ${decoding.encoding} text; check the encoding (e.g. --encoding utf-8 or gb18030)`,
        );
      }
      yield Buffer.from(text, "utf8");
    }
  } finally {
    await handle.close();
  }
}

/** GBK is decoded as GB18030, its superset (Node's "gbk" decoder drops some invalid bytes silently). */
function label(encoding: string): string {
  return encoding === "gbk" ? "gb18030" : encoding;
}

async function openFile(path: string, display: string): Promise<FileHandle> {
  try {
    return await open(path, "r");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "it is a folder" : String(err);
    throw new Error(`${display}: cannot open the file (${why})`);
  }
}

async function readFully(handle: FileHandle, into: Buffer, at: number, display: string): Promise<void> {
  for (let done = 0; done < into.length; ) {
    const { bytesRead } = await handle.read(into, done, Math.min(into.length - done, 1 << 30), at + done);
    if (bytesRead === 0) throw new Error(`${display}: the file shrank while it was read; read it again`);
    done += bytesRead;
  }
}

function hasBom(b: Buffer): boolean {
  return b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

function rejectUtf16(raw: Buffer, display: string): void {
  const utf16 =
    raw[0] === 0xff && raw[1] === 0xfe ? "utf-16le" : raw[0] === 0xfe && raw[1] === 0xff ? "utf-16be" : "";
  if (utf16) {
    throw new Error(
      `${display}: the file starts with a ${utf16.toUpperCase()} byte-order mark; read it with --encoding ${utf16}`,
    );
  }
}

/** The end of the last whole UTF-8 character of `b` (a sequence cut short at the end is left out). */
function utf8Boundary(b: Buffer): number {
  let i = b.length;
  // back over at most three continuation bytes to the lead byte of the last character
  for (let k = 0; k < 4 && i > 0; k++) {
    const c = b[i - 1];
    if (c < 0x80) return b.length;
    if (c >= 0xc0) {
      const need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      return b.length - (i - 1) >= need ? b.length : i - 1;
    }
    i--;
  }
  return b.length;
}

/** The file's first line, decoded leniently (for naming the column of a bad spot). */
function headLine(raw: Buffer, encoding: string): string {
  const nl = raw.indexOf(0x0a);
  const head = raw.subarray(0, nl < 0 ? Math.min(raw.length, 4096) : Math.min(nl, 4096));
  return new TextDecoder(label(encoding))
    .decode(head)
    .replace(/^\uFEFF/, "")
    .replace(/\r$/, "");
}

/**
 * "line L, column "c" (…)" for the first undecodable spot of `raw` (which starts `rawStart` bytes
 * into the file): the lines before it, the start of its line and the header are read again from
 * the file.
 */
async function spotIn(
  raw: Buffer,
  encoding: string,
  path: string,
  rawStart: number,
  display: string,
  options: DialectOptions,
): Promise<string> {
  const handle = await open(path, "r");
  let tracker: BadTextTracker;
  try {
    const { breaks, lineStart } = await lineBreaksBefore(handle, rawStart);
    const from = Math.max(lineStart, rawStart - 4096);
    const before = Buffer.alloc(rawStart - from);
    await readFully(handle, before, from, display);
    const head = Buffer.alloc(Math.min(1 << 16, (await handle.stat()).size));
    await readFully(handle, head, 0, display);
    tracker = new BadTextTracker(1 + breaks, breaks > 0 ? headLine(head, encoding) : null);
    tracker.push(new TextDecoder(label(encoding)).decode(Buffer.concat([before, raw])));
  } finally {
    await handle.close();
  }
  const spot = tracker.spot;
  return spot ? spotText(spot, display, options) : "the file";
}

/** Line breaks (0x0A bytes) in the first `end` bytes of the file, and where the line at `end` starts. */
async function lineBreaksBefore(
  handle: FileHandle,
  end: number,
): Promise<{ breaks: number; lineStart: number }> {
  const buf = Buffer.allocUnsafe(1 << 24);
  let breaks = 0;
  let lineStart = 0;
  for (let at = 0; at < end; ) {
    const { bytesRead } = await handle.read(buf, 0, Math.min(buf.length, end - at), at);
    if (bytesRead === 0) break;
    for (let i = buf.indexOf(0x0a); i >= 0 && i < bytesRead; i = buf.indexOf(0x0a, i + 1)) {
      breaks++;
      lineStart = at + i + 1;
    }
    at += bytesRead;
  }
  return { breaks, lineStart };
}
