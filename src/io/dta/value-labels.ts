/**
 * Value-label tables (`<lbl>` in 117+, the trailing section of 113–115): parse one table's bytes
 * into entries, with labels of missing values (`.`, `.a` … `.z`) recognised.
 */
import { DtaError } from "./errors.js";
import { integerMissingTag, LONG_MAX, LONG_SYSMISS, missingName } from "./missing.js";
import { decodeCString } from "./text.js";
import type { DtaValueLabel } from "./types.js";

/**
 * Parse a value_label_table (n, txtlen, off[n], val[n], txt[txtlen]) of `len` bytes.
 * `onText` receives the raw text block (for the encoding check).
 * @example parseValueLabelTable("a.dta", "yesno", bytes, true, new TextDecoder(), 1234);
 */
export function parseValueLabelTable(
  file: string,
  name: string,
  table: Uint8Array,
  littleEndian: boolean,
  decoder: TextDecoder,
  offset: number,
  onText?: (txt: Uint8Array) => void,
): DtaValueLabel[] {
  const bad = (why: string): DtaError =>
    new DtaError(file, `value-label table "${name}" is corrupt: ${why}`, { offset });
  if (table.length < 8) throw bad(`its length ${table.length} is below the 8-byte minimum`);
  const view = new DataView(table.buffer, table.byteOffset, table.byteLength);
  const n = view.getInt32(0, littleEndian);
  const txtlen = view.getInt32(4, littleEndian);
  if (n < 0 || txtlen < 0 || 8 + 8 * n + txtlen > table.length) {
    throw bad(`${n} entries with ${txtlen} bytes of text do not fit in its ${table.length} bytes`);
  }
  const txtStart = 8 + 8 * n;
  const txt = table.subarray(txtStart, txtStart + txtlen);
  onText?.(txt);
  const out: DtaValueLabel[] = [];
  for (let i = 0; i < n; i++) {
    const off = view.getInt32(8 + 4 * i, littleEndian);
    const value = view.getInt32(8 + 4 * n + 4 * i, littleEndian);
    if (off < 0 || off >= txtlen)
      throw bad(`entry ${i + 1} points at text offset ${off} outside 0…${txtlen - 1}`);
    const label = decodeCString(decoder, txt.subarray(off));
    if (value > LONG_MAX) {
      out.push({ value, label, missing: missingName(integerMissingTag(value, LONG_SYSMISS)) });
    } else {
      out.push({ value, label });
    }
  }
  return out;
}
