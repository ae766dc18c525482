/**
 * Identify a `.dta` file's release from its first bytes, with clear errors for non-Stata files and
 * releases this module does not read.
 */
import { DtaError } from "./errors.js";
import type { FileSource } from "./file-source.js";
import { type ReleaseLayout, releaseLayout } from "./release.js";

const TAGGED_PREFIX = "<stata_dta><header><release>";

/**
 * The layout of the file's release.
 * @example const layout = await sniffRelease(src); // layout.release === 118
 */
export async function sniffRelease(src: FileSource): Promise<ReleaseLayout> {
  const file = src.path;
  if (src.size === 0) throw new DtaError(file, "the file is empty; expected a Stata .dta file");
  const head = Buffer.from(
    await src.readAt(0, Math.min(src.size, TAGGED_PREFIX.length + 3), "the file signature"),
  );
  const text = head.toString("latin1");
  if (text.startsWith("<stata_dta>")) {
    if (!text.startsWith(TAGGED_PREFIX) || head.length < TAGGED_PREFIX.length + 3) {
      throw new DtaError(file, "the <stata_dta> header is malformed or truncated; the file is corrupt", {
        offset: 0,
      });
    }
    const digits = text.slice(TAGGED_PREFIX.length, TAGGED_PREFIX.length + 3);
    const release = /^\d{3}$/.test(digits) ? Number(digits) : Number.NaN;
    const layout = releaseLayout(release);
    if (!layout?.tagged) {
      throw new DtaError(
        file,
        `unsupported .dta release "${digits}"; this reader handles releases 113–115 and 117–119 (Stata 8–17); ` +
          "re-save the data with `saveold` (e.g. `saveold file.dta, version(14)`) in Stata",
        { offset: TAGGED_PREFIX.length },
      );
    }
    return layout;
  }
  const first = head[0];
  const layout = releaseLayout(first);
  if (layout && !layout.tagged) return layout;
  if (first >= 102 && first <= 112 && (head[1] === 1 || head[1] === 2)) {
    throw new DtaError(
      file,
      `unsupported old .dta format ${first} (written by Stata 7 or earlier); this reader handles formats 113–119; ` +
        "open and re-save the file with Stata 8 or later",
      { offset: 0 },
    );
  }
  const shown = Array.from(head.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join(" ");
  throw new DtaError(
    file,
    `not a Stata .dta file: it starts with bytes ${shown}, not "<stata_dta>" or a format byte 113–115; check the file`,
    { offset: 0 },
  );
}
