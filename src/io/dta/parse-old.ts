/**
 * Parse a format 113–115 file (fixed binary header, descriptors, expansion fields, data, then value
 * labels to the end of the file).
 */
import { Cursor } from "./cursor.js";
import { DtaError, truncated } from "./errors.js";
import type { FileSource } from "./file-source.js";
import { type HeaderInfo, planVariables } from "./layout.js";
import type { ParsedFile } from "./parsed-file.js";
import type { ReleaseLayout } from "./release.js";
import { decodeCString } from "./text.js";
import type { TextSample } from "./text-sample.js";
import type { DtaValueLabel } from "./types.js";
import { parseValueLabelTable } from "./value-labels.js";

const HEADER_LEN = 109;

/**
 * Parse all but the data rows of a 113–115 file.
 * @example const parsed = await parseOldFile(src, releaseLayout(114)!, decoder, sample);
 */
export async function parseOldFile(
  src: FileSource,
  release: ReleaseLayout,
  decoder: TextDecoder,
  sample: TextSample,
): Promise<ParsedFile> {
  const file = src.path;
  const cur = new Cursor(src, 0);
  await cur.need(HEADER_LEN, "the header");
  cur.u8();
  const order = cur.u8();
  if (order !== 1 && order !== 2) {
    throw new DtaError(
      file,
      `byte-order flag is ${order}; expected 1 (MSF) or 2 (LSF); the header is corrupt`,
      {
        offset: 1,
      },
    );
  }
  cur.littleEndian = order === 2;
  const filetype = cur.u8();
  if (filetype !== 1) {
    throw new DtaError(file, `file-type flag is ${filetype}; expected 1; the header is corrupt`, {
      offset: 2,
    });
  }
  cur.u8();
  const nvar = cur.u16();
  const nobs = cur.u32();
  const labelBytes = cur.bytes(81);
  sample.add(labelBytes);
  const dataLabel = decodeCString(decoder, labelBytes);
  const timestamp = decodeCString(decoder, cur.bytes(18));
  const header: HeaderInfo = { release, littleEndian: cur.littleEndian, nvar, nobs, dataLabel, timestamp };

  const descLen =
    nvar * (1 + release.nameLen + release.formatLen + release.nameLen + release.varLabelLen) + 2 * (nvar + 1);
  await cur.need(descLen, "the variable descriptors");
  const typeStart = cur.pos;
  const codes = Array.from(cur.bytes(nvar));
  const codeOffsets = codes.map((_, i) => typeStart + i);
  const names = readFields(cur, nvar, release.nameLen, decoder, sample);
  cur.bytes(2 * (nvar + 1));
  const formats = readFields(cur, nvar, release.formatLen, decoder);
  const valueLabelNames = readFields(cur, nvar, release.nameLen, decoder);
  const labels = readFields(cur, nvar, release.varLabelLen, decoder, sample);
  const { plans, rowWidth } = planVariables(
    file,
    false,
    codes,
    codeOffsets,
    names,
    formats,
    valueLabelNames,
    labels,
  );

  await skipExpansionFields(cur);
  const dataOffset = cur.pos;
  const dataEnd = dataOffset + nobs * rowWidth;
  if (dataEnd > src.size)
    throw truncated(file, `the data (${nobs} rows × ${rowWidth} bytes)`, dataOffset, dataEnd, src.size);
  cur.pos = dataEnd;
  const valueLabels = await readOldValueLabels(cur, decoder, sample);
  return { header, plans, rowWidth, dataOffset, valueLabels, strls: null };
}

function readFields(
  cur: Cursor,
  n: number,
  len: number,
  decoder: TextDecoder,
  sample?: TextSample,
): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const bytes = cur.bytes(len);
    sample?.add(bytes);
    out.push(decodeCString(decoder, bytes));
  }
  return out;
}

async function skipExpansionFields(cur: Cursor): Promise<void> {
  for (;;) {
    const at = cur.pos;
    await cur.need(5, "the expansion fields");
    const type = cur.u8();
    const len = cur.i32();
    if (type === 0 && len === 0) return;
    if (len < 0) {
      throw new DtaError(cur.src.path, `expansion field has negative length ${len}; the file is corrupt`, {
        offset: at,
      });
    }
    await cur.skip(len, "an expansion field (characteristic)");
  }
}

async function readOldValueLabels(
  cur: Cursor,
  decoder: TextDecoder,
  sample: TextSample,
): Promise<Record<string, DtaValueLabel[]>> {
  const out = Object.create(null) as Record<string, DtaValueLabel[]>;
  const file = cur.src.path;
  while (cur.pos < cur.src.size) {
    const at = cur.pos;
    if (cur.src.size - at < 40) {
      throw new DtaError(
        file,
        `${cur.src.size - at} stray bytes after the data where a value-label table (at least 40 bytes) should start; the file is corrupt or its header gives the wrong row count`,
        { offset: at },
      );
    }
    await cur.need(40, "a value-label table header");
    const len = cur.i32();
    const name = decodeCString(decoder, cur.bytes(33));
    cur.bytes(3);
    if (len < 8 || at + 40 + len > cur.src.size) {
      throw new DtaError(
        file,
        `value-label table "${name}" declares length ${len}, which does not fit between byte ${at + 40} and the end of the file (${cur.src.size}); the file is corrupt or truncated`,
        { offset: at },
      );
    }
    if (name === "")
      throw new DtaError(file, "a value-label table has an empty name; the file is corrupt", { offset: at });
    await cur.need(len, `value-label table "${name}"`);
    const table = cur.bytes(len);
    out[name] = parseValueLabelTable(file, name, table, cur.littleEndian, decoder, at, (t) =>
      sample.addBlock(t),
    );
  }
  return out;
}
