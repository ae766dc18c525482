/**
 * Turn a string column into the engine's categorical form (Int32Array codes into levels).
 */
import type { CategoricalColumn } from "../../frame/frame.js";

/** Options of {@link stringsToCategorical}. */
export interface CategoricalOptions {
  /** Treat "" (Stata's missing string) as missing, code −1. Default true. */
  readonly emptyAsMissing?: boolean;
  /** Order of levels: "first" (order of first appearance, default) or "sorted" (code-unit order). */
  readonly order?: "first" | "sorted";
}

/**
 * Encode strings as codes into a list of distinct levels.
 * @example stringsToCategorical(["b", "a", "", "b"]) // codes [0, 1, -1, 0], levels ["b", "a"]
 */
export function stringsToCategorical(
  values: readonly string[],
  opts: CategoricalOptions = {},
): CategoricalColumn {
  const emptyAsMissing = opts.emptyAsMissing ?? true;
  const index = new Map<string, number>();
  let levels: string[] = [];
  const codes = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (emptyAsMissing && v === "") {
      codes[i] = -1;
      continue;
    }
    let code = index.get(v);
    if (code === undefined) {
      code = levels.length;
      levels.push(v);
      index.set(v, code);
    }
    codes[i] = code;
  }
  if (opts.order === "sorted") {
    const sorted = [...levels].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const remap = new Int32Array(levels.length);
    sorted.forEach((level, k) => {
      remap[index.get(level)!] = k;
    });
    for (let i = 0; i < codes.length; i++) if (codes[i] >= 0) codes[i] = remap[codes[i]];
    levels = sorted;
  }
  return { type: "category", codes, levels };
}
