/**
 * Encode value-label sets as format-118 `<lbl>` records (values sorted ascending, texts
 * NUL-terminated), including labels of missing values (`.`, `.a` … `.z`).
 */
import { DtaError } from "./errors.js";
import { LONG_MAX, LONG_MIN, LONG_SYSMISS, missingTag } from "./missing.js";
import type { DtaValueLabel } from "./types.js";
import { checkLabel, checkStataName } from "./write-schema.js";

const NAME_LEN = 129;
const MAX_LABEL_BYTES = 32000;

/** The stored integer of a label entry: its value, or the long missing code named by `missing`. */
function storedValue(file: string, set: string, e: DtaValueLabel): number {
  if (e.missing !== undefined) {
    const tag = missingTag(e.missing);
    if (tag === 0) {
      throw new DtaError(
        file,
        `value label "${set}": missing value "${e.missing}" must be "." or ".a" … ".z"`,
      );
    }
    return LONG_SYSMISS + tag - 1;
  }
  const v = e.value;
  if (!Number.isInteger(v) || v < LONG_MIN || v > 2147483647) {
    throw new DtaError(
      file,
      `value label "${set}": value ${v} is not an integer from ${LONG_MIN} to ${LONG_MAX} (or a missing code); Stata labels only such values`,
    );
  }
  return v;
}

/**
 * The bytes of `<lbl>…</lbl>` records for every set (little-endian), in name order.
 * @example const bytes = encodeValueLabels("out.dta", { yesno: [{ value: 1, label: "yes" }] });
 */
export function encodeValueLabels(
  file: string,
  sets: Readonly<Record<string, readonly DtaValueLabel[]>>,
): Buffer {
  const parts: Buffer[] = [];
  for (const name of Object.keys(sets).sort()) {
    checkStataName(file, "value label", name);
    const entries = sets[name].map((e) => {
      checkLabel(
        file,
        `value label "${name}" text "${String(e.label).slice(0, 20)}"`,
        e.label,
        MAX_LABEL_BYTES,
        MAX_LABEL_BYTES,
      );
      return { value: storedValue(file, name, e), text: Buffer.from(e.label, "utf8") };
    });
    entries.sort((a, b) => a.value - b.value);
    for (let i = 1; i < entries.length; i++) {
      if (entries[i].value === entries[i - 1].value) {
        throw new DtaError(
          file,
          `value label "${name}" labels value ${entries[i].value} twice; keep one label per value`,
        );
      }
    }
    const n = entries.length;
    const txtlen = entries.reduce((s, e) => s + e.text.length + 1, 0);
    const len = 8 + 8 * n + txtlen;
    const rec = Buffer.alloc(5 + 4 + NAME_LEN + 3 + len + 6);
    let at = rec.write("<lbl>", 0, "latin1");
    at = rec.writeInt32LE(len, at);
    Buffer.from(name, "utf8").copy(rec, at);
    at += NAME_LEN + 3;
    at = rec.writeInt32LE(n, at);
    at = rec.writeInt32LE(txtlen, at);
    let off = 0;
    for (const e of entries) {
      at = rec.writeInt32LE(off, at);
      off += e.text.length + 1;
    }
    for (const e of entries) at = rec.writeInt32LE(e.value, at);
    for (const e of entries) {
      e.text.copy(rec, at);
      at += e.text.length + 1;
    }
    rec.write("</lbl>", at, "latin1");
    parts.push(rec);
  }
  return Buffer.concat(parts);
}
