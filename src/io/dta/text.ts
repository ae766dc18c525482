/**
 * Text decoding for `.dta` strings: NUL-terminated fields in a chosen encoding, and a check that
 * warns when the bytes look like they were written in another encoding (GBK or UTF-8).
 */
import { DtaError } from "./errors.js";
import type { SampledField } from "./text-sample.js";

/**
 * A TextDecoder for a WHATWG encoding label, or a clear error naming the unknown label.
 * @example const dec = makeDecoder("gbk", "firms.dta");
 */
export function makeDecoder(label: string, file: string): TextDecoder {
  try {
    return new TextDecoder(label);
  } catch {
    throw new DtaError(
      file,
      `unknown text encoding "${label}"; use a WHATWG label such as utf-8, windows-1252, latin1, gbk or gb18030`,
    );
  }
}

/**
 * Decode bytes up to the first NUL (or the whole field if there is none).
 * @example decodeCString(new TextDecoder(), new Uint8Array([104, 105, 0, 120])) // "hi"
 */
export function decodeCString(decoder: TextDecoder, bytes: Uint8Array): string {
  const end = bytes.indexOf(0);
  const field = end < 0 ? bytes : bytes.subarray(0, end);
  if (field.length === 0) return "";
  let ascii = true;
  for (let i = 0; i < field.length; i++) {
    if (field[i] >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (!ascii) return decoder.decode(field);
  return field.length <= 64
    ? String.fromCharCode.apply(null, field as unknown as number[])
    : Buffer.from(field.buffer, field.byteOffset, field.byteLength).toString("latin1");
}

/**
 * True if any byte has the high bit set (the text is not plain ASCII).
 * @example hasHighBytes(new Uint8Array([0x41, 0xe9])) // true
 */
export function hasHighBytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] >= 0x80) return true;
  return false;
}

/** The fields decoded strictly (a cut field may end in an incomplete character), or null on an error. */
function decodesCleanly(label: string, fields: readonly SampledField[]): string | null {
  let decoder = new TextDecoder(label, { fatal: true });
  const parts: string[] = [];
  try {
    for (const f of fields) {
      parts.push(decoder.decode(f.bytes, { stream: f.cut }));
      if (f.cut) decoder = new TextDecoder(label, { fatal: true });
    }
  } catch {
    return null;
  }
  return parts.join("\n");
}

function cjkShare(text: string): number {
  let cjk = 0;
  let nonAscii = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c < 0x80) continue;
    nonAscii++;
    if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef)) cjk++;
  }
  return nonAscii === 0 ? 0 : cjk / nonAscii;
}

/**
 * Share of high bytes that pair up as GB2312 characters (lead 0xA1–0xF7, trail 0xA1–0xFE). Chinese
 * GBK text is almost all such pairs; Latin-1 text has isolated high bytes followed by ASCII.
 */
function gb2312PairShare(fields: readonly SampledField[]): number {
  let high = 0;
  let paired = 0;
  for (const { bytes } of fields) {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b < 0x80) continue;
      const next = i + 1 < bytes.length ? bytes[i + 1] : 0;
      if (b >= 0xa1 && b <= 0xf7 && next >= 0xa1 && next <= 0xfe) {
        high += 2;
        paired += 2;
        i++;
      } else {
        high++;
      }
    }
  }
  return high === 0 ? 0 : paired / high;
}

/**
 * True when the fields' high bytes read confidently as GBK Chinese: they decode strictly as GBK, at
 * least half of the non-ASCII characters are CJK, and at least 80% of high bytes pair up as GB2312
 * characters (Latin-1 or UTF-8 text fails the last test).
 * @example looksLikeGbk([{ bytes: new Uint8Array([0xd6, 0xd0, 0xce, 0xc4]), cut: false }]) // true
 */
export function looksLikeGbk(fields: readonly SampledField[]): boolean {
  const high = fields.filter((f) => hasHighBytes(f.bytes));
  if (high.length === 0) return false;
  const asGbk = decodesCleanly("gbk", high);
  return asGbk !== null && cjkShare(asGbk) >= 0.5 && gb2312PairShare(high) >= 0.8;
}

/**
 * True when every field decodes strictly as UTF-8.
 * @example validUtf8([{ bytes: new Uint8Array([0xe4, 0xb8, 0xad]), cut: false }]) // true
 */
export function validUtf8(fields: readonly SampledField[]): boolean {
  return decodesCleanly("utf-8", fields) !== null;
}

/**
 * Look at sampled string fields and return a warning when they do not look like text in
 * `encoding` but do look like GBK or UTF-8; null when nothing looks wrong.
 * @example diagnoseEncoding(sample.fields, "windows-1252", "old.dta") // "…pass --encoding gbk…" or null
 */
export function diagnoseEncoding(
  fields: readonly SampledField[],
  encoding: string,
  file: string,
): string | null {
  const high = fields.filter((f) => hasHighBytes(f.bytes));
  if (high.length === 0) return null;
  const enc = new TextDecoder(encoding).encoding;
  const asUtf8 = decodesCleanly("utf-8", high);
  const gbkLikely = looksLikeGbk(high);
  const example = (): string => new TextDecoder(enc).decode(high[0].bytes.subarray(0, 24));
  if (enc === "utf-8") {
    if (asUtf8 !== null) return null;
    const hint = gbkLikely
      ? "they look like GBK (Chinese): pass --encoding gbk"
      : "pass --encoding with the right code page (e.g. windows-1252 or gbk)";
    return `${file}: strings are not valid UTF-8 and were decoded with replacement characters (e.g. "${example()}"); ${hint}`;
  }
  if (enc === "gbk" || enc === "gb18030") {
    if (decodesCleanly("gbk", high) !== null || decodesCleanly("gb18030", high) !== null) return null;
    if (asUtf8 !== null)
      return `${file}: strings are not valid ${enc} but are valid UTF-8: pass --encoding utf-8`;
    return `${file}: strings are not valid ${enc} (e.g. "${example()}"); check the --encoding option`;
  }
  // A single-byte code page such as windows-1252 decodes anything; warn when another reading fits better.
  if (asUtf8 !== null && cjkShare(asUtf8) > 0) {
    return `${file}: strings were decoded as ${enc} but look like UTF-8 text (mis-decoded, e.g. "${example()}"); pass --encoding utf-8`;
  }
  if (gbkLikely) {
    return `${file}: strings were decoded as ${enc} but look like GBK (Chinese) text (mis-decoded, e.g. "${example()}"); pass --encoding gbk`;
  }
  if (asUtf8 !== null) {
    return `${file}: strings were decoded as ${enc} but are valid UTF-8; if accented letters look wrong, pass --encoding utf-8`;
  }
  return null;
}
