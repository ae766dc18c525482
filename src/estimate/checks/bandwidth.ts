/**
 * A kernel bandwidth longer than the data's time span: ivreg2 refuses it ("invalid bandwidth in
 * option bw() - cannot exceed timespan of data", rc 198). Accepting it gives kernel weights near 1
 * at every lag, so the meat collapses towards the square of the summed scores (≈ 0 for OLS) and the
 * standard errors shrink towards zero: a wrong number, so it is an error naming the flag and the span.
 */
import type { TimeIndex } from "../vcov/time-index.js";

/**
 * Throw when the bandwidth exceeds T − 1, with T = max(t) − min(t) + 1 in the estimation sample.
 * @example checkBandwidth(30, { tmin: 2000, tmax: 2019, timeName: "year" } as TimeIndex); // throws
 */
export function checkBandwidth(bw: number, ti: Pick<TimeIndex, "tmin" | "tmax" | "timeName">): void {
  const maxBw = ti.tmax - ti.tmin;
  if (!(bw <= maxBw)) {
    throw new Error(
      `--bw ${bw} exceeds the time span of the data: ${ti.timeName} runs from ${ti.tmin} to ${ti.tmax} in the estimation sample, so the bandwidth can be at most ${maxBw} (as in ivreg2: "cannot exceed timespan of data")`,
    );
  }
}
