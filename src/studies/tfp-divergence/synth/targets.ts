/**
 * Base-year TFP targets of the economies and the `High` group they define: targets closer to the
 * sample mean than a margin are moved out to the margin, so that the noisy base-year TFP the
 * pipeline observes always falls on the designed side of the mean.
 */

/** Targets after the push, and High (1 above the mean, 0 below). */
export interface HighDesign {
  readonly target: Float64Array;
  readonly high: Uint8Array;
  /** Mean of the targets over the members. */
  readonly mean: number;
}

/**
 * Push the `members`' targets at least `margin` (in logs) away from their mean (levels), repeating
 * until the classification is stable, and classify them.
 * @example highDesign(Float64Array.of(0.4, 0.69, 1), [0, 1, 2], 0.2).high; // [0, 0 or 1, 1]
 */
export function highDesign(targets: Float64Array, members: readonly number[], margin: number): HighDesign {
  const target = Float64Array.from(targets);
  const high = new Uint8Array(targets.length);
  let mean = 0;
  for (let round = 0; round < 50; round++) {
    mean = members.reduce((s, e) => s + target[e], 0) / members.length;
    let moved = false;
    for (const e of members) {
      const gap = Math.log(target[e] / mean);
      if (Math.abs(gap) < margin) {
        target[e] = mean * Math.exp(gap >= 0 ? margin : -margin);
        moved = true;
      }
    }
    if (!moved) break;
  }
  mean = members.reduce((s, e) => s + target[e], 0) / members.length;
  for (const e of members) high[e] = target[e] > mean ? 1 : 0;
  return { target, high, mean };
}
