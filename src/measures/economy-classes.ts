/**
 * Study B's four classes of economies (Figure 3, Table 9) from base-year TFP and robot adoption.
 */
import { numericArg, sameLength } from "./validate.js";

/** Classes of {@link economyClasses}. */
export interface EconomyClasses {
  /** 1 = I (high TFP, high robots), 2 = II (low, high), 3 = III (low, low), 4 = IV (high, low); 0 = missing input. */
  readonly classes: Int32Array;
  /** 1 where base TFP is above its mean (study B's `High`), 0 where not, −1 where missing. */
  readonly highTfp: Int32Array;
  /** Mean base TFP over the economies with both inputs. */
  readonly tfpMean: number;
  /** Mean robots per 100 workers over the economies with both inputs. */
  readonly robotMean: number;
}

/**
 * Classify economies (one row each) by base-year TFP (2000, PWT `ctfp` or `rtfpna`) and robots
 * installed 2000–2019 per 100 manufacturing workers of the base year, split at the means of the two
 * over the economies where both are non-missing. "High" means strictly above the mean (a value equal
 * to the mean is low). Rows with a missing input get class 0 and do not enter the means.
 * @example economyClasses(Float64Array.of(1, 0, 0, 1), Float64Array.of(5, 5, 1, 1)).classes; // [1, 2, 3, 4]
 */
export function economyClasses(baseTfp: Float64Array, robotsPer100: Float64Array): EconomyClasses {
  const fn = "economyClasses";
  numericArg(fn, "baseTfp", baseTfp);
  numericArg(fn, "robotsPer100", robotsPer100);
  const n = sameLength(fn, [
    ["baseTfp", baseTfp.length],
    ["robotsPer100", robotsPer100.length],
  ]);
  let m = 0;
  let st = 0;
  let sr = 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(baseTfp[i]) || Number.isNaN(robotsPer100[i])) continue;
    m++;
    st += baseTfp[i];
    sr += robotsPer100[i];
  }
  if (m === 0) throw new Error(`${fn}: no economy has both baseTfp and robotsPer100; nothing to classify`);
  const tfpMean = st / m;
  const robotMean = sr / m;
  const classes = new Int32Array(n);
  const highTfp = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(baseTfp[i]) || Number.isNaN(robotsPer100[i])) continue;
    const hiT = baseTfp[i] > tfpMean;
    const hiR = robotsPer100[i] > robotMean;
    highTfp[i] = hiT ? 1 : 0;
    classes[i] = hiT ? (hiR ? 1 : 4) : hiR ? 2 : 3;
  }
  return Object.freeze({ classes, highTfp, tfpMean, robotMean });
}
