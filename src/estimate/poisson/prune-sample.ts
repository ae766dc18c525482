/**
 * The Poisson estimation sample: from the listwise-complete sample, remove FE groups whose outcome is
 * all zero, singletons (unless kept) and observations separated by the regressors, repeating until
 * nothing changes (each removal can create another), as ppmlhdfe does.
 */
import { dropSingletons } from "../../fe/singletons.js";
import { type Factor, subsetFactor } from "../../fe/factor.js";
import { dropAllZeroGroups, reluSeparation } from "./separation.js";

export interface PruneInput {
  readonly y: Float64Array;
  readonly x: readonly Float64Array[];
  readonly factors: readonly Factor[];
  readonly keepSingletons: boolean;
  /** Run the ReLU check for separation by the regressors (default true). */
  readonly checkSeparation: boolean;
}

export interface PruneResult {
  /** 1 for rows kept. */
  readonly keep: Uint8Array;
  readonly kept: number;
  readonly allZero: number;
  readonly separated: number;
  readonly singletons: number;
}

/**
 * Which rows of a Poisson sample to keep.
 * @example const p = prunePoissonSample({ y, x: [x1], factors: [firm], keepSingletons: false, checkSeparation: true });
 */
export function prunePoissonSample(inp: PruneInput): PruneResult {
  const n = inp.y.length;
  const keep = new Uint8Array(n).fill(1);
  let allZero = 0;
  let separated = 0;
  let singletons = 0;
  let kept = n;
  for (let round = 0; round < 100; round++) {
    let changed = 0;
    for (;;) {
      const z = dropAllZeroGroups(inp.factors, inp.y, keep);
      const s = inp.keepSingletons ? 0 : dropSingletons(inp.factors, keep);
      allZero += z;
      singletons += s;
      kept -= z + s;
      changed += z + s;
      if (z + s === 0) break;
    }
    if (kept === 0) break;
    if (!inp.checkSeparation || (round > 0 && changed === 0)) break;
    const rows = keptRows(keep, kept);
    const sub = (c: Float64Array) => Float64Array.from(rows, (r) => c[r]);
    const sep = reluSeparation(
      sub(inp.y),
      inp.x.map(sub),
      inp.factors.map((f) => subsetFactor(f, keep, kept)),
    );
    if (!sep.length) break;
    for (const i of sep) keep[rows[i]] = 0;
    separated += sep.length;
    kept -= sep.length;
  }
  return { keep, kept, allZero, separated, singletons };
}

function keptRows(keep: Uint8Array, kept: number): Int32Array {
  const rows = new Int32Array(kept);
  for (let i = 0, r = 0; i < keep.length; i++) if (keep[i]) rows[r++] = i;
  return rows;
}
