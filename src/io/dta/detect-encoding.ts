/**
 * Text encoding of a `.dta` file written before format 118 (Stata 13 and older), which stores text
 * in the writer's code page without saying which. Chinese-language Stata wrote GBK; read as
 * windows-1252, such names, labels and strings become mojibake that `convert` would write out. When
 * the sampled text reads confidently as GBK, the file is decoded as GB18030 (a superset of GBK) and
 * a notice says so; otherwise the release's default stands.
 */
import type { ReleaseLayout } from "./release.js";
import { hasHighBytes, looksLikeGbk, validUtf8 } from "./text.js";
import type { SampledField } from "./text-sample.js";

/**
 * The encoding used when the caller names none and nothing is detected: UTF-8 for the tagged
 * formats (117+), windows-1252 before.
 * @example defaultEncoding(releaseLayout(115)!) // "windows-1252"
 */
export function defaultEncoding(release: ReleaseLayout): string {
  return release.tagged ? "utf-8" : "windows-1252";
}

/** The detected encoding and the notice that goes with it. */
export interface DetectedEncoding {
  readonly encoding: string;
  readonly notice: string;
}

/**
 * For a file before format 118 read without an explicit encoding: GB18030 with a notice when the
 * sample is confidently GBK (and, for format 117, not valid UTF-8); null to keep the default.
 * @example detectLegacyEncoding(sample.fields, releaseLayout(115)!, "old.dta")?.encoding // "gb18030"
 */
export function detectLegacyEncoding(
  fields: readonly SampledField[],
  release: ReleaseLayout,
  file: string,
): DetectedEncoding | null {
  if (release.release >= 118) return null;
  const high = fields.filter((f) => hasHighBytes(f.bytes));
  if (high.length === 0 || !looksLikeGbk(high)) return null;
  if (defaultEncoding(release) === "utf-8" && validUtf8(high)) return null;
  return {
    encoding: "gb18030",
    notice: `${file}: format ${release.release} stores text in the writer's code page; its names, labels and strings read as Chinese GBK, so they were decoded as GB18030 (pass --encoding windows-1252 or another code page to override)`,
  };
}
