/**
 * The paper's four classes of the industry panel's economies (Table 9, Figure 3): base-year (2000)
 * TFP (`ctfp`) above or below the sample mean × robots installed 2000–2019 per 100 manufacturing
 * workers above or below the sample mean. The paper has 14 / 4 / 18 / 5 economies in classes
 * I–IV and names China, Czechia and Slovakia (II) and Norway, Ireland and the UK (IV). The twin
 * fixes the class of every economy: the High side follows PWT 10.01's ctfp of 2000 (its 19 highest
 * of the 41 are High), the robot side the paper's named economies and real adoption; the generator
 * then keeps each economy at least a margin away from both means (`pushOff`).
 */

/** Class I–IV of each industry-panel economy. */
export const CLASS_DESIGN: Readonly<Record<string, 1 | 2 | 3 | 4>> = {
  // I: high TFP, high robots (14)
  NLD: 1,
  TWN: 1,
  FRA: 1,
  BEL: 1,
  ESP: 1,
  DNK: 1,
  DEU: 1,
  USA: 1,
  ITA: 1,
  CAN: 1,
  AUT: 1,
  CHE: 1,
  FIN: 1,
  SWE: 1,
  // II: low TFP, high robots (4)
  CHN: 2,
  CZE: 2,
  SVK: 2,
  KOR: 2,
  // III: low TFP, low robots (18)
  BGR: 3,
  PRT: 3,
  AUS: 3,
  MEX: 3,
  JPN: 3,
  POL: 3,
  HUN: 3,
  GRC: 3,
  SVN: 3,
  BRA: 3,
  HRV: 3,
  LTU: 3,
  LVA: 3,
  EST: 3,
  ROU: 3,
  IDN: 3,
  IND: 3,
  RUS: 3,
  // IV: high TFP, low robots (5)
  LUX: 4,
  IRL: 4,
  NOR: 4,
  GBR: 4,
  TUR: 4,
};

/**
 * The designed class of an industry-panel economy.
 * @example designedClass("CHN"); // 2
 */
export function designedClass(iso3: string): 1 | 2 | 3 | 4 {
  const c = CLASS_DESIGN[iso3];
  if (!c)
    throw new Error(
      `synth tfp-divergence: economy ${iso3} of the industry panel has no class (class-design.ts)`,
    );
  return c;
}

/** Whether a class has base-year TFP above the mean (I, IV). */
export const highTfpClass = (c: number): boolean => c === 1 || c === 4;
/** Whether a class installs more robots per worker than the mean (I, II). */
export const highRobotClass = (c: number): boolean => c === 1 || c === 2;

/**
 * Log shifts that put every member's value (exp(log + shift)) at least `margin` (in logs) from the
 * members' mean (of levels) on its designed side (`side[k]` = +1 above, −1 below); `fixed[k]` marks
 * members that cannot move. Repeats until no member is within the margin.
 * @example pushOff(Float64Array.of(0, 0.1, 1), [1, -1, 1], 0.2, [false, false, false]);
 */
export function pushOff(
  logs: Float64Array,
  side: readonly number[],
  margin: number,
  fixed: readonly boolean[],
): Float64Array {
  const shift = new Float64Array(logs.length);
  for (let round = 0; round < 200; round++) {
    const mean = Math.log(logs.reduce((s, v, k) => s + Math.exp(v + shift[k]), 0) / logs.length);
    let moved = false;
    for (let k = 0; k < logs.length; k++) {
      const gap = side[k] * (logs[k] + shift[k] - mean);
      if (gap < margin - 1e-9 && !fixed[k]) {
        shift[k] += side[k] * (margin - gap + 1e-6);
        moved = true;
      }
    }
    if (!moved) return shift;
  }
  throw new Error("synth tfp-divergence: the class design did not settle (pushOff)");
}
