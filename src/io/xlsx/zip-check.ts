/**
 * Integrity check of a zip container (an .xlsx file) before it is parsed: every entry listed in
 * the central directory must be present under the same name, inflate cleanly, match its recorded
 * size and CRC-32, and not be marked as a folder unless its name says so.
 * exceljs (through JSZip) does not check CRCs, so without this a damaged byte inside an entry
 * could silently change a cell.
 */
import { crc32, inflateRawSync } from "node:zlib";

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/**
 * Throw an Error naming `display` and the damaged entry if `bytes` is not an intact zip archive.
 * @example checkZip(await readFile("book.xlsx"), "book.xlsx");
 */
export function checkZip(bytes: Buffer, display: string): void {
  const fail = (what: string) =>
    new Error(`${display}: the file is damaged or incomplete (${what}); is it a complete .xlsx workbook?`);
  if (bytes.length < 4 || bytes.readUInt32LE(0) !== LOCAL) {
    throw new Error(
      `${display}: cannot read it as an Excel .xlsx workbook (it is not a zip archive); ` +
        "is it really .xlsx (not an old .xls, or a CSV file)?",
    );
  }
  const eocd = findEocd(bytes);
  if (eocd < 0) throw fail("no zip directory at the end");
  const entries = bytes.readUInt16LE(eocd + 10);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  let p = cdOffset;
  for (let k = 0; k < entries; k++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CENTRAL)
      throw fail(`zip directory entry ${k + 1} is unreadable`);
    const method = bytes.readUInt16LE(p + 10);
    const crc = bytes.readUInt32LE(p + 16);
    const compSize = bytes.readUInt32LE(p + 20);
    const size = bytes.readUInt32LE(p + 24);
    const nameLen = bytes.readUInt16LE(p + 28);
    const extraLen = bytes.readUInt16LE(p + 30);
    const commentLen = bytes.readUInt16LE(p + 32);
    const attributes = bytes.readUInt32LE(p + 38);
    const local = bytes.readUInt32LE(p + 42);
    const name = bytes.toString("utf8", p + 46, p + 46 + nameLen);
    p += 46 + nameLen + extraLen + commentLen;
    // JSZip takes the MS-DOS directory bit as "a folder" and drops the entry's content: a file
    // marked so (one damaged byte) would vanish, e.g. the first sheet, and the next sheet be read.
    if ((attributes & 0x10) !== 0 && !name.endsWith("/")) throw fail(`entry ${name} is marked as a folder`);
    if (compSize === 0xffffffff || size === 0xffffffff || local === 0xffffffff) continue; // zip64: not checked
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== LOCAL)
      throw fail(`entry ${name} is missing`);
    const localNameLen = bytes.readUInt16LE(local + 26);
    const localName = bytes.toString("utf8", local + 30, local + 30 + localNameLen);
    if (localName !== name)
      throw fail(`entry ${name} is named ${JSON.stringify(localName)} in its own header`);
    const start = local + 30 + localNameLen + bytes.readUInt16LE(local + 28);
    if (start + compSize > bytes.length) throw fail(`entry ${name} is cut off`);
    const raw = bytes.subarray(start, start + compSize);
    let data: Buffer;
    if (method === 0) data = raw;
    else if (method === 8) {
      try {
        data = inflateRawSync(raw);
      } catch {
        throw fail(`entry ${name} does not decompress`);
      }
    } else throw fail(`entry ${name} uses unsupported compression method ${method}`);
    if (data.length !== size || crc32(data) !== crc) throw fail(`entry ${name} fails its checksum`);
  }
}

function findEocd(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  for (let i = bytes.length - 22; i >= stop; i--) if (bytes.readUInt32LE(i) === EOCD) return i;
  return -1;
}
