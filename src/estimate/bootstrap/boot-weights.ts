/**
 * Wild bootstrap weights, one per cluster and draw, as boottest draws them: Rademacher (±1, ½ each),
 * Webb's six-point (±√(3/2), ±1, ±√(1/2), ⅙ each), Mammen's two-point ((1 − √5)/2 with probability
 * (√5 + 1)/(2√5), else (1 + √5)/2) and standard normal; or, with Rademacher weights and 2^G ≤ B,
 * every one of the 2^G sign vectors (draw b has v_g = −1 where bit g of b is set).
 */
import { createRng, type Rng } from "../../measures/rng.js";

export type BootWeights = "rademacher" | "webb" | "mammen" | "normal";

export const BOOT_WEIGHTS: readonly BootWeights[] = ["rademacher", "webb", "mammen", "normal"];

const SQRT5 = Math.sqrt(5);
const WEBB = [-Math.sqrt(1.5), -1, -Math.sqrt(0.5), Math.sqrt(0.5), 1, Math.sqrt(1.5)];
const MAMMEN_P = (SQRT5 + 1) / (2 * SQRT5);

const DRAW: Record<BootWeights, (rng: Rng) => number> = {
  rademacher: (rng) => (rng.next() < 0.5 ? -1 : 1),
  webb: (rng) => WEBB[rng.int(6)],
  mammen: (rng) => (rng.next() < MAMMEN_P ? (1 - SQRT5) / 2 : (1 + SQRT5) / 2),
  normal: (rng) => rng.normal(),
};

/** The plan of draws: B random vectors, or full enumeration of the 2^G Rademacher sign vectors. */
export interface DrawPlan {
  readonly reps: number;
  readonly enumerated: boolean;
  /** Fill `v` (length G) with draw number b (0 ≤ b < reps); calls must come in order b = 0, 1, … */
  readonly fill: (b: number, v: Float64Array) => void;
}

/**
 * The draws for G clusters: enumeration when the weights are Rademacher and 2^G ≤ B.
 * @example const plan = drawPlan(12, 9999, "rademacher", 1); // enumerated: 4096 draws
 */
export function drawPlan(groups: number, reps: number, weights: BootWeights, seed: number): DrawPlan {
  if (!Number.isInteger(reps) || reps < 1)
    throw new Error(`--boot-reps must be a whole number ≥ 1, got ${reps}`);
  if (weights === "rademacher" && groups < 31 && 2 ** groups <= reps) {
    return {
      reps: 2 ** groups,
      enumerated: true,
      fill: (b, v) => {
        for (let g = 0; g < groups; g++) v[g] = (b >>> g) & 1 ? -1 : 1;
      },
    };
  }
  const rng = createRng(seed);
  const draw = DRAW[weights];
  return {
    reps,
    enumerated: false,
    fill: (_b, v) => {
      for (let g = 0; g < groups; g++) v[g] = draw(rng);
    },
  };
}
