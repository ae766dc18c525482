/**
 * Assemble the public metadata of an opened file, with its warnings: text that looks mis-decoded
 * (judged on labels and the first rows' strings) and value labels used but not defined.
 */
import { kindOfFormat } from "./dates.js";
import type { FileSource } from "./file-source.js";
import type { ParsedFile } from "./parsed-file.js";
import { diagnoseEncoding } from "./text.js";
import type { TextSample } from "./text-sample.js";
import type { DtaMeta, DtaVariable } from "./types.js";

const SAMPLE_ROWS = 2_000;

/**
 * Add the `str#` fields of the first rows to the encoding sample.
 * @example await sampleFirstRows(src, parsed, sample);
 */
export async function sampleFirstRows(
  src: FileSource,
  parsed: ParsedFile,
  sample: TextSample,
): Promise<void> {
  const strs = parsed.plans.filter((p) => p.type === "str");
  const n = Math.min(parsed.header.nobs, SAMPLE_ROWS);
  if (strs.length === 0 || n === 0 || sample.full) return;
  const chunk = await src.readAt(parsed.dataOffset, n * parsed.rowWidth, "the first rows of data");
  for (let i = 0; i < n && !sample.full; i++) {
    for (const p of strs) {
      const at = i * parsed.rowWidth + p.offset;
      sample.add(chunk.subarray(at, at + p.width));
    }
  }
}

/**
 * The metadata of a parsed file, with warnings (first `notice`, e.g. the detected encoding).
 * @example const meta = buildMeta("a.dta", parsed, "utf-8", sample);
 */
export function buildMeta(
  path: string,
  parsed: ParsedFile,
  encoding: string,
  sample: TextSample,
  notice?: string,
): DtaMeta {
  const { header, plans, valueLabels } = parsed;
  const warnings: string[] = notice ? [notice] : [];
  const enc = diagnoseEncoding(sample.fields, encoding, path);
  if (enc) warnings.push(enc);
  const variables: DtaVariable[] = plans.map((p) => ({
    name: p.name,
    type: p.type,
    ...(p.strWidth !== undefined ? { strWidth: p.strWidth } : {}),
    format: p.format,
    label: p.label,
    valueLabel: p.valueLabel,
    kind: kindOfFormat(p.format, p.type),
  }));
  for (const v of variables) {
    if (v.valueLabel !== null && !Object.hasOwn(valueLabels, v.valueLabel)) {
      warnings.push(
        `${path}: variable "${v.name}" uses value label "${v.valueLabel}", which the file does not define`,
      );
    }
  }
  return {
    format: header.release.release,
    byteOrder: header.littleEndian ? "LSF" : "MSF",
    nrows: header.nobs,
    dataLabel: header.dataLabel,
    timestamp: header.timestamp,
    variables,
    valueLabels,
    encoding,
    warnings,
  };
}
