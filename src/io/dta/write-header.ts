/**
 * The front of a format-118 file, everything up to and including `<data>`, with the positions the
 * writer patches once the row count and later sections are known.
 */
import type { DtaStorageType } from "./types.js";
import { defaultFormat } from "./write-schema.js";
import type { DtaSchemaColumn } from "./write-types.js";

const NAME_LEN = 129;
const FORMAT_LEN = 57;
const LABEL_LEN = 321;

/** The encoded front and where its patchable fields are. */
export interface FrontMatter {
  readonly bytes: Buffer;
  /** Offset of the 8-byte N field. */
  readonly nOffset: number;
  /** Offset of the 14 × 8-byte map entries. */
  readonly mapOffset: number;
  /** Section start offsets 0–9 of the map (through `<data>`). */
  readonly sections: readonly number[];
}

/**
 * The format-118 type code of a storage type.
 * @example typeCode("str", 20) // 20
 */
export function typeCode(type: DtaStorageType, strWidth?: number): number {
  switch (type) {
    case "byte":
      return 65530;
    case "int":
      return 65529;
    case "long":
      return 65528;
    case "float":
      return 65527;
    case "double":
      return 65526;
    case "strL":
      return 32768;
    case "str":
      return strWidth!;
  }
}

/**
 * Encode the header and descriptors of a format-118 file (N written as 0 until patched).
 * @example const front = encodeFrontMatter(schema.columns, "Firms 2000–2007", "");
 */
export function encodeFrontMatter(
  cols: readonly DtaSchemaColumn[],
  dataLabel: string,
  timestamp: string,
): FrontMatter {
  const k = cols.length;
  const label = Buffer.from(dataLabel, "utf8");
  const stamp = Buffer.from(timestamp, "latin1");
  const size =
    200 +
    label.length +
    stamp.length +
    14 * 8 +
    k * (2 + NAME_LEN + FORMAT_LEN + NAME_LEN + LABEL_LEN) +
    2 * (k + 1) +
    300;
  const b = Buffer.alloc(size);
  let at = 0;
  const tag = (t: string): void => {
    at += b.write(t, at, "latin1");
  };
  const sections: number[] = [0];
  tag("<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>");
  at = b.writeUInt16LE(k, at);
  tag("</K><N>");
  const nOffset = at;
  at += 8;
  tag("</N><label>");
  at = b.writeUInt16LE(label.length, at);
  at += label.copy(b, at);
  tag("</label><timestamp>");
  at = b.writeUInt8(stamp.length, at);
  at += stamp.copy(b, at);
  tag("</timestamp></header>");
  sections.push(at);
  tag("<map>");
  const mapOffset = at;
  at += 14 * 8;
  tag("</map>");
  sections.push(at);
  tag("<variable_types>");
  for (const c of cols) at = b.writeUInt16LE(typeCode(c.type, c.strWidth), at);
  tag("</variable_types>");
  sections.push(at);
  tag("<varnames>");
  for (const c of cols) at = fixed(b, at, c.name, NAME_LEN);
  tag("</varnames>");
  sections.push(at);
  tag("<sortlist>");
  at += 2 * (k + 1);
  tag("</sortlist>");
  sections.push(at);
  tag("<formats>");
  for (const c of cols) at = fixed(b, at, c.format ?? defaultFormat(c.type, c.strWidth), FORMAT_LEN);
  tag("</formats>");
  sections.push(at);
  tag("<value_label_names>");
  for (const c of cols) at = fixed(b, at, c.valueLabel ?? "", NAME_LEN);
  tag("</value_label_names>");
  sections.push(at);
  tag("<variable_labels>");
  for (const c of cols) at = fixed(b, at, c.label ?? "", LABEL_LEN);
  tag("</variable_labels>");
  sections.push(at);
  tag("<characteristics></characteristics>");
  sections.push(at);
  tag("<data>");
  return { bytes: b.subarray(0, at), nOffset, mapOffset, sections };
}

function fixed(b: Buffer, at: number, text: string, len: number): number {
  b.write(text, at, len - 1, "utf8");
  return at + len;
}

/**
 * Format a Date as a .dta timestamp "dd Mon yyyy hh:mm" (UTC).
 * @example formatTimestamp(new Date(Date.UTC(2017, 2, 10, 14, 23))) // "10 Mar 2017 14:23"
 */
export function formatTimestamp(d: Date): string {
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  const two = (n: number): string => String(n).padStart(2, "0");
  return `${two(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
}
