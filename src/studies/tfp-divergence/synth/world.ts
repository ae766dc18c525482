/**
 * The fixed design of one synthetic world: which economies, their structural twins (TS and TL
 * groups), the High groups of the two panels, and the structural factor paths.
 */
import type { Scale } from "../../types.js";
import { streamRng } from "../../../synth/rng.js";
import { ECONOMIES, type EconomyInfo } from "./economies.js";
import { groupCount, randomWalks } from "./factors.js";
import { distinctPairGroups, pairGroups } from "./pairs.js";
import { PARAMS, ROBOT_YEARS } from "./params.js";
import { pwtAnchor } from "./pwt-anchors.js";
import { designedClass, highTfpClass, pushOff } from "./class-design.js";
import { type HighDesign, highDesign } from "./targets.js";

/** The design of a synthetic world (economy indices refer to `econ`). */
export interface World {
  /** The sampling seed: the shocks, noise and everything else that is redrawn per run. */
  readonly seed: number;
  /** The seed of the fixed design (twins, factor paths, industry mix, adoption levels). */
  readonly designSeed: number;
  readonly scale: Scale;
  readonly econ: readonly EconomyInfo[];
  /** Economies with IFR robot data (the country panel). */
  readonly ifr: readonly number[];
  /** Economies in the WIOD-like accounts. */
  readonly wiod: readonly number[];
  /** Economies in both (the industry panel). */
  readonly panel: readonly number[];
  /** TS twin group of every economy (IFR economies in pairs, the others alone). */
  readonly tsGroup: Int32Array;
  /** TL twin group of every economy (panel economies in pairs, the others alone). */
  readonly tlGroup: Int32Array;
  /** ctfp levels of every economy before the design moves them (PWT 10.01's of 2000, else hand-set). */
  readonly countryTfp: Float64Array;
  /** Country-panel High design (base year 1994, over the IFR economies; targets pushed off the mean). */
  readonly highCountry: HighDesign;
  /** Industry-panel High design (base year 2000, over the panel economies). */
  readonly highIndustry: HighDesign;
  /** Factor paths, group × robot year (ROBOT_YEARS.first …). */
  readonly factorTS: Float64Array;
  readonly factorTL: Float64Array;
  /**
   * How each TS group's factor moves its TS index (log-loading; the sign differs across groups, so
   * one pooled coefficient on the Structure control cannot absorb the factors).
   */
  readonly tsLoad: Float64Array;
  /** Number of robot years. */
  readonly robotYears: number;
}

/**
 * The economies of a scale: all of them at default and paper scale, a subset at tiny scale.
 * @example selectEconomies("tiny").length; // 31
 */
export function selectEconomies(scale: Scale): readonly EconomyInfo[] {
  return scale === "tiny" ? ECONOMIES.filter((e) => e.tiny) : ECONOMIES;
}

/**
 * Build the design of the world for a sampling seed and scale. The design itself (twins, factor
 * paths, loadings) is drawn from `designSeed`, fixed by the calibration: every sampling seed sees the
 * same world and redraws only its shocks (docs/STUDIES.md B.5, "Fixed design").
 * @example const world = makeWorld(42, "default"); world.designSeed; // PARAMS.designSeed
 */
export function makeWorld(seed: number, scale: Scale, designSeed: number = PARAMS.designSeed): World {
  const econ = selectEconomies(scale);
  const n = econ.length;
  const ifr: number[] = [];
  const wiod: number[] = [];
  const panel: number[] = [];
  econ.forEach((e, i) => {
    if (e.coverage !== "wiod-only") ifr.push(i);
    if (e.coverage !== "ifr-only") wiod.push(i);
    if (e.coverage === "both") panel.push(i);
  });
  const rng = streamRng(designSeed, "tfp/world");
  // TS twins: panel economies among themselves (so both panels find the same twin), the other
  // IFR economies among themselves.
  const tsPanel = pairGroups(rng, panel, n);
  const others = ifr.filter((i) => econ[i].coverage === "ifr-only");
  const tsOther = pairGroups(rng, others, n);
  const offset = groupCount(tsPanel);
  const tsGroup = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    if (tsPanel[i] >= 0) tsGroup[i] = tsPanel[i];
    else if (tsOther[i] >= 0) tsGroup[i] = offset + tsOther[i];
  }
  const tlGroup = distinctPairGroups(rng, panel, n, tsPanel);
  fillSingletons(tsGroup);
  fillSingletons(tlGroup);
  const tfp = Float64Array.from(econ, (e) => e.tfp);
  const countryTfp = Float64Array.from(econ, (e) => pwtAnchor(e.iso3).ctfp2000 ?? e.tfp);
  const highCountry = countryDesign(econ, ifr, panel, countryTfp);
  const highIndustry = highDesign(tfp, panel, PARAMS.highMargin);
  const robotYears = ROBOT_YEARS.last - ROBOT_YEARS.first + 1;
  const factorRng = streamRng(designSeed, "tfp/factors");
  const anchor = 2000 - ROBOT_YEARS.first;
  const factorTS = randomWalks(factorRng, groupCount(tsGroup), robotYears, PARAMS.robots.sdFactor, anchor);
  const factorTL = randomWalks(factorRng, groupCount(tlGroup), robotYears, PARAMS.robots.sdFactor, anchor);
  // Signs alternate over the (randomly numbered) groups: half the groups' TS rises with their factor.
  const tsLoad = Float64Array.from({ length: groupCount(tsGroup) }, (_, g) => {
    const size = PARAMS.structure.loadTS * (0.6 + 0.4 * factorRng.next());
    return g % 2 === 0 ? size : -size;
  });
  return {
    seed,
    designSeed,
    scale,
    econ,
    ifr,
    wiod,
    panel,
    tsGroup,
    tlGroup,
    countryTfp,
    highCountry,
    highIndustry,
    factorTS,
    factorTL,
    tsLoad,
    robotYears,
  };
}

/**
 * Country-panel design: ctfp targets (the noise-free levels of 2000, country-tfp.ts) at the
 * economies' PWT 10.01 levels of 2000 (the base year of the classes; the twin's relative TFP moves
 * little between 1994, the base year of High, and 2000), moved off the means so that the
 * industry-panel economies fall on their class's side of the panel mean (class-design.ts) and every
 * IFR economy's High (1994, over the IFR economies) is rarely in doubt: the 1994 levels also carry
 * the robot effects of 1994–2000 and the TFP shock, and over seeds 1–30 at default scale 10 of
 * 1,800 economy-seeds fall on the other side of the 1994 mean (6 with the levels anchored in 1994).
 * truth.json's targets use the pipeline's realised High. The US (ctfp = 1) stays.
 */
function countryDesign(
  econ: readonly EconomyInfo[],
  ifr: readonly number[],
  panel: readonly number[],
  levels: Float64Array,
): HighDesign {
  const logs = Float64Array.from(levels, Math.log);
  const classSide = new Map(panel.map((e) => [e, highTfpClass(designedClass(econ[e].iso3)) ? 1 : -1]));
  const apply = (members: readonly number[], side: number[], margin: number) => {
    const shift = pushOff(
      Float64Array.from(members, (e) => logs[e]),
      side,
      margin,
      members.map((e) => econ[e].iso3 === "USA"),
    );
    members.forEach((e, k) => {
      logs[e] += shift[k];
    });
    return shift.some((v) => v !== 0);
  };
  const meanOf = (members: readonly number[]) =>
    Math.log(members.reduce((a, e) => a + Math.exp(logs[e]), 0) / members.length);
  for (let round = 0; round < 50; round++) {
    const movedA = apply(
      panel,
      panel.map((e) => classSide.get(e) ?? 1),
      PARAMS.classMarginTfp,
    );
    const m = meanOf(ifr);
    const movedB = apply(
      ifr,
      ifr.map((e) => classSide.get(e) ?? (logs[e] >= m ? 1 : -1)),
      PARAMS.highMarginCountry,
    );
    if (!movedA && !movedB) break;
  }
  const target = Float64Array.from(logs, Math.exp);
  const m = meanOf(ifr);
  const high = new Uint8Array(econ.length);
  for (const e of ifr) high[e] = logs[e] > m ? 1 : 0;
  return { target, high, mean: Math.exp(m) };
}

/** Give every economy without a group a group of its own. */
function fillSingletons(group: Int32Array): void {
  let next = groupCount(group);
  for (let i = 0; i < group.length; i++) if (group[i] < 0) group[i] = next++;
}
