/**
 * The parsed structure of a `.dta` file that the data decoder needs: per-variable storage and
 * byte position within a row, where the data start, and the row width.
 */
import { DtaError } from "./errors.js";
import type { ReleaseLayout } from "./release.js";
import type { DtaStorageType } from "./types.js";

/** One variable's descriptors plus where its bytes sit within a row. */
export interface VarPlan {
  readonly name: string;
  readonly type: DtaStorageType;
  readonly strWidth?: number;
  /** Bytes per value in a row. */
  readonly width: number;
  /** Byte offset of the value within a row. */
  readonly offset: number;
  readonly format: string;
  readonly label: string;
  readonly valueLabel: string | null;
}

/** Header fields common to every release. */
export interface HeaderInfo {
  readonly release: ReleaseLayout;
  readonly littleEndian: boolean;
  readonly nvar: number;
  readonly nobs: number;
  readonly dataLabel: string;
  readonly timestamp: string;
}

/**
 * Storage type and width of a type code, or undefined if the code is not valid for the release.
 * @example storageOfCode(65526, true) // { type: "double", width: 8 }
 */
export function storageOfCode(
  code: number,
  tagged: boolean,
): { type: DtaStorageType; width: number } | undefined {
  if (tagged) {
    if (code >= 1 && code <= 2045) return { type: "str", width: code };
    switch (code) {
      case 32768:
        return { type: "strL", width: 8 };
      case 65526:
        return { type: "double", width: 8 };
      case 65527:
        return { type: "float", width: 4 };
      case 65528:
        return { type: "long", width: 4 };
      case 65529:
        return { type: "int", width: 2 };
      case 65530:
        return { type: "byte", width: 1 };
      default:
        return undefined;
    }
  }
  if (code >= 1 && code <= 244) return { type: "str", width: code };
  switch (code) {
    case 251:
      return { type: "byte", width: 1 };
    case 252:
      return { type: "int", width: 2 };
    case 253:
      return { type: "long", width: 4 };
    case 254:
      return { type: "float", width: 4 };
    case 255:
      return { type: "double", width: 8 };
    default:
      return undefined;
  }
}

/**
 * Resolve type codes into storage types, widths and in-row offsets; errors name the variable.
 * @example const { plans, rowWidth } = planVariables("a.dta", codes, names, …);
 */
export function planVariables(
  file: string,
  tagged: boolean,
  codes: readonly number[],
  codeOffsets: readonly number[],
  names: readonly string[],
  formats: readonly string[],
  valueLabels: readonly string[],
  labels: readonly string[],
): { plans: VarPlan[]; rowWidth: number } {
  const plans: VarPlan[] = [];
  const seen = new Set<string>();
  let offset = 0;
  for (let i = 0; i < codes.length; i++) {
    const st = storageOfCode(codes[i], tagged);
    const name = names[i];
    if (!st) {
      const valid = tagged
        ? "1–2045 (str#), 32768 (strL), 65526–65530 (double, float, long, int, byte)"
        : "1–244 (str#), 251–255 (byte, int, long, float, double)";
      throw new DtaError(
        file,
        `unknown variable type code ${codes[i]}; valid codes are ${valid}; the file is corrupt`,
        {
          offset: codeOffsets[i],
          variable: name || `#${i + 1}`,
        },
      );
    }
    if (name === "") {
      throw new DtaError(file, `variable #${i + 1} has an empty name; the descriptors are corrupt`, {
        offset: codeOffsets[i],
      });
    }
    if (seen.has(name)) {
      throw new DtaError(file, `variable name "${name}" appears twice; the descriptors are corrupt`, {
        variable: name,
      });
    }
    seen.add(name);
    plans.push({
      name,
      type: st.type,
      ...(st.type === "str" ? { strWidth: st.width } : {}),
      width: st.width,
      offset,
      format: formats[i],
      label: labels[i],
      valueLabel: valueLabels[i] === "" ? null : valueLabels[i],
    });
    offset += st.width;
  }
  return { plans, rowWidth: offset };
}
