/**
 * Parse a format 117–119 file (`<stata_dta>` tagged layout): header, map, descriptors,
 * characteristics, then skip the data, index the strLs and read the value labels.
 */
import { Cursor } from "./cursor.js";
import { DtaError, truncated } from "./errors.js";
import type { FileSource } from "./file-source.js";
import { type HeaderInfo, planVariables } from "./layout.js";
import type { ParsedFile } from "./parsed-file.js";
import type { ReleaseLayout } from "./release.js";
import { scanStrls } from "./strl-index.js";
import { decodeCString } from "./text.js";
import type { TextSample } from "./text-sample.js";
import type { DtaValueLabel } from "./types.js";
import { parseValueLabelTable } from "./value-labels.js";

/**
 * Parse all but the data rows of a 117–119 file.
 * @example const parsed = await parseTaggedFile(src, releaseLayout(118)!, decoder, sample);
 */
export async function parseTaggedFile(
  src: FileSource,
  release: ReleaseLayout,
  decoder: TextDecoder,
  sample: TextSample,
): Promise<ParsedFile> {
  const file = src.path;
  const cur = new Cursor(src, 0);
  await cur.expectTag("<stata_dta><header><release>");
  await cur.expectTag(String(release.release));
  await cur.expectTag("</release><byteorder>");
  await cur.need(3, "the byte order");
  const orderAt = cur.pos;
  const order = Buffer.from(cur.bytes(3)).toString("latin1");
  if (order !== "LSF" && order !== "MSF") {
    throw new DtaError(file, `byte order is "${order}"; expected "LSF" or "MSF"; the header is corrupt`, {
      offset: orderAt,
    });
  }
  cur.littleEndian = order === "LSF";
  await cur.expectTag("</byteorder><K>");
  await cur.need(release.kBytes, "K (number of variables)");
  const nvar = cur.uint(release.kBytes);
  await cur.expectTag("</K><N>");
  await cur.need(release.nBytes, "N (number of observations)");
  const nAt = cur.pos;
  const nobs = cur.uint(release.nBytes);
  if (!Number.isSafeInteger(nobs)) {
    throw new DtaError(
      file,
      `N (number of observations) ${nobs} is impossibly large; the header is corrupt`,
      {
        offset: nAt,
      },
    );
  }
  await cur.expectTag("</N><label>");
  await cur.need(release.labelLenBytes, "the data-label length");
  const labelLen = cur.uint(release.labelLenBytes);
  await cur.need(labelLen, "the data label");
  const labelBytes = cur.bytes(labelLen);
  sample.add(labelBytes);
  const dataLabel = decodeCString(decoder, labelBytes);
  await cur.expectTag("</label><timestamp>");
  await cur.need(1, "the timestamp length");
  const stampLen = cur.u8();
  await cur.need(stampLen, "the timestamp");
  const timestamp = decodeCString(decoder, cur.bytes(stampLen));
  await cur.expectTag("</timestamp></header><map>");
  await cur.need(14 * 8, "the section map");
  cur.bytes(14 * 8);
  await cur.expectTag("</map>");
  const header: HeaderInfo = { release, littleEndian: cur.littleEndian, nvar, nobs, dataLabel, timestamp };

  await cur.expectTag("<variable_types>");
  await cur.need(2 * nvar, "the variable types");
  const codes: number[] = [];
  const codeOffsets: number[] = [];
  for (let i = 0; i < nvar; i++) {
    codeOffsets.push(cur.pos);
    codes.push(cur.u16());
  }
  await cur.expectTag("</variable_types>");
  const names = await readSection(cur, "varnames", nvar, release.nameLen, decoder, sample);
  await cur.expectTag("<sortlist>");
  await cur.skip((nvar + 1) * release.sortEntryBytes, "the sort list");
  await cur.expectTag("</sortlist>");
  const formats = await readSection(cur, "formats", nvar, release.formatLen, decoder);
  const valueLabelNames = await readSection(cur, "value_label_names", nvar, release.nameLen, decoder);
  const labels = await readSection(cur, "variable_labels", nvar, release.varLabelLen, decoder, sample);
  const { plans, rowWidth } = planVariables(
    file,
    true,
    codes,
    codeOffsets,
    names,
    formats,
    valueLabelNames,
    labels,
  );

  await skipCharacteristics(cur);
  await cur.expectTag("<data>");
  const dataOffset = cur.pos;
  const dataEnd = dataOffset + nobs * rowWidth;
  if (dataEnd > src.size)
    throw truncated(file, `the data (${nobs} rows × ${rowWidth} bytes)`, dataOffset, dataEnd, src.size);
  cur.pos = dataEnd;
  await cur.expectTag("</data>");
  await cur.expectTag("<strls>");
  const strls = await scanStrls(cur, plans, nobs, release.gsoOBytes === 4 ? 4 : 8, (b, cut) =>
    sample.add(b, cut),
  );
  const valueLabels = await readTaggedValueLabels(cur, release.nameLen, decoder, sample);
  await cur.expectTag("</stata_dta>");
  return { header, plans, rowWidth, dataOffset, valueLabels, strls };
}

async function readSection(
  cur: Cursor,
  tag: string,
  n: number,
  len: number,
  decoder: TextDecoder,
  sample?: TextSample,
): Promise<string[]> {
  await cur.expectTag(`<${tag}>`);
  await cur.need(n * len, `<${tag}>`);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const bytes = cur.bytes(len);
    sample?.add(bytes);
    out.push(decodeCString(decoder, bytes));
  }
  await cur.expectTag(`</${tag}>`);
  return out;
}

async function skipCharacteristics(cur: Cursor): Promise<void> {
  await cur.expectTag("<characteristics>");
  while (await cur.peekTag("<ch>")) {
    await cur.need(4, "a characteristic length");
    const len = cur.u32();
    await cur.skip(len, "a characteristic");
    await cur.expectTag("</ch>");
  }
  await cur.expectTag("</characteristics>");
}

async function readTaggedValueLabels(
  cur: Cursor,
  nameLen: number,
  decoder: TextDecoder,
  sample: TextSample,
): Promise<Record<string, DtaValueLabel[]>> {
  const file = cur.src.path;
  const out = Object.create(null) as Record<string, DtaValueLabel[]>;
  await cur.expectTag("<value_labels>");
  while (await cur.peekTag("<lbl>")) {
    const at = cur.pos;
    await cur.need(4 + nameLen + 3, "a value-label table header");
    const len = cur.i32();
    const name = decodeCString(decoder, cur.bytes(nameLen));
    cur.bytes(3);
    if (len < 8 || cur.pos + len > cur.src.size) {
      throw new DtaError(
        file,
        `value-label table "${name}" declares length ${len}, which does not fit in the rest of the file; the file is corrupt or truncated`,
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
    await cur.expectTag("</lbl>");
  }
  await cur.expectTag("</value_labels>");
  return out;
}
