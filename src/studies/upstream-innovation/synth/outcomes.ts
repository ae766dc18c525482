/**
 * The outcome equations: what the city robot share (and the confounder u) does to the ASIE firms —
 * upstream firms' patents, output, sales expenses, profits, products and domestic value added;
 * downstream firms' imports of robot parts; other firms' patents (no effect, for the exclusion check).
 * Log outcomes are linear in robot with the PARAMS effects; counts are dithered so that E[ln count]
 * equals the linear index exactly.
 */
import { bernoulli, normal, uniform } from "../../../synth/distributions.js";
import { streamRng } from "../../../synth/rng.js";
import type { AsiePanel } from "./asie-panel.js";
import type { CityPanel } from "./city-panel.js";
import { ditherCount } from "./dither.js";
import type { Firms } from "./firms.js";
import { PARAMS } from "./parameters.js";

/** Outcomes by ASIE row (NaN where the row has no such outcome). */
export interface Outcomes {
  readonly output: Float64Array;
  /** Output of upstream firm-years without the robot effect (Q⁰; NaN for other firms). */
  readonly output0: Float64Array;
  readonly salesExpense: Float64Array;
  readonly profit: Float64Array;
  /** Number of products listed (0 = not recorded). */
  readonly products: Int32Array;
  /** Patent applications: total and inventions. */
  readonly patents: Int32Array;
  readonly inventions: Int32Array;
  /** The linear indices whose exponentials the counts are dithered from (NaN where no count). */
  readonly patentIndex: Float64Array;
  readonly inventionIndex: Float64Array;
  /** Imports of robot parts (thousand yuan; 0 when none). */
  readonly partImports: Float64Array;
  /** Target domestic value-added ratio of exporters (NaN for others). */
  readonly dvar: Float64Array;
  /** Export share of sales of exporters (0 for others). */
  readonly exportShare: Float64Array;
}

type Controls = AsiePanel["x"];

function controlIndex(x: Controls, k: number, g: typeof PARAMS.patents.controls): number {
  return (
    g.lnlp * x.lnlp[k] +
    g.lnkfix * x.lnkfix[k] +
    g.lnklratio * x.lnklratio[k] +
    g.lnbdat * x.lnbdat[k] +
    g.lngdp * x.lngdp[k] +
    g.second_rate * x.second_rate[k] +
    g.lnedc_cost * x.lnedc_cost[k] +
    g.cic4_hhi * x.cic4_hhi[k]
  );
}

/**
 * The effect of robot on ln(patents) of upstream firm i: the baseline mean plus the markup,
 * financing-constraint, ownership and technology-gap terms (each with population mean zero).
 * @example patentEffect(firms, i); // e.g. 5.2 for a private high-markup firm
 */
export function patentEffect(firms: Firms, i: number): number {
  const p = PARAMS.patents;
  return (
    p.mean +
    p.markup * (firms.highMarkup[i] - PARAMS.types.highMarkup) +
    p.constraint * (firms.lowConstraint[i] - PARAMS.types.lowConstraint) +
    p.ownership[firms.ownership[i]] +
    p.gap[firms.gap[i]]
  );
}

/**
 * Compute every outcome of every ASIE row given the robot shares.
 * @example const out = buildOutcomes(seed, firms, panel, asie, shares.share);
 */
export function buildOutcomes(
  seed: number,
  firms: Firms,
  panel: CityPanel,
  asie: AsiePanel,
  share: Float64Array,
): Outcomes {
  const n = asie.n;
  const output = new Float64Array(n);
  const output0 = new Float64Array(n).fill(Number.NaN);
  const salesExpense = new Float64Array(n);
  const profit = new Float64Array(n);
  const products = new Int32Array(n);
  const patents = new Int32Array(n);
  const inventions = new Int32Array(n);
  const partImports = new Float64Array(n);
  const patentIndex = new Float64Array(n).fill(Number.NaN);
  const inventionIndex = new Float64Array(n).fill(Number.NaN);
  const dvar = new Float64Array(n).fill(Number.NaN);
  const exportShare = new Float64Array(n);
  const rng = streamRng(seed, "asie/outcomes");
  // Separate streams for filing, the firm shocks and the dithering of counts, so that the rounding
  // draws are independent of everything in the linear index by construction.
  const rngP = streamRng(seed, "patents/counts");
  const rngE = streamRng(seed, "patents/shocks");
  const rngD = streamRng(seed, "patents/dither");
  // Upstream firm-years whose products the first draw leaves unrecorded may still be recorded
  // (`products.topUpShare`): drawn, valued and rounded on a stream of their own, so that they move
  // no other outcome.
  const rngQ = streamRng(seed, "products/top-up");
  const { u, shock } = panel;
  const P = PARAMS;
  // Rows of each firm are contiguous (sorted by firm, then year).
  let start = 0;
  while (start < n) {
    const i = asie.firm[start];
    let end = start;
    while (end < n && asie.firm[end] === i) end++;
    const up = firms.kind[i] === "upstream";
    const fe = {
      exp: P.expense.mean + normal(rng, 0, 0.3),
      prof: normal(rng, -1.2, 0.3),
      parts: normal(rng, 6.5, 0.8),
      // About a dozen products: fewer would let the integer counts' rounding noise dominate lnn (Table 4 (3)).
      prod: Math.log(12) + Math.abs(normal(rng, 0.3, 0.3)),
      pat: up ? normal(rng, -1.0, 0.7) : normal(rng, -3.0, 0.7),
      inv: Math.log(1.5) + Math.abs(normal(rng, 0.1, 0.2)),
      level: P.patents.firmLevelMin - Math.log(1 - rng.next()) * P.patents.firmLevel,
      dvar: uniform(rng, 0.55, 0.8),
      ex: uniform(rng, 0.1, 0.4),
      file: uniform(rng, P.patents.fileProbability[0], P.patents.fileProbability[1]),
    };
    let lnGross = 0;
    for (let k = start; k < end; k++) lnGross += Math.log(asie.valueAdded[k] / (1 - asie.materialShare[k]));
    const gross = Math.exp(lnGross / (end - start));
    // Linear indices of the log outcomes without the firm constants.
    const patIdx: number[] = [];
    const prodIdx: number[] = [];
    const prodTopUp: boolean[] = [];
    for (let k = start; k < end; k++) {
      const cy = asie.cityYear[k];
      const t = asie.year[k] - panel.years[0];
      const s = share[cy];
      const va = asie.valueAdded[k];
      const m = asie.materialShare[k];
      if (up) {
        // Output in levels: the firm's (geometric) mean gross output with a small shock, so that the
        // level noise of large firms does not swamp the standardised-output regression.
        const q = P.output.rho * u[cy] + normal(rng, 0, P.output.sigmaFirm);
        output0[k] = Math.max(1.05 * va, gross * Math.exp(q));
        output[k] = Math.max(1.02 * va, output0[k] * (1 + P.output.beta * s));
        const lexp =
          fe.exp +
          P.expense.beta * s +
          P.expense.rho * u[cy] +
          shock.expense[cy] +
          normal(rng, 0, P.expense.sigmaFirm);
        salesExpense[k] = output[k] * Math.exp(lexp);
        if (bernoulli(rng, P.profit.lossShare)) profit[k] = -Math.exp(normal(rng, 3, 1));
        else {
          const lprof =
            fe.prof +
            Math.log(va) +
            0.02 * t +
            P.profit.beta * s +
            P.profit.rho * u[cy] +
            shock.profit[cy] +
            normal(rng, 0, P.profit.sigmaFirm);
          profit[k] = Math.exp(lprof);
        }
        const recorded = bernoulli(rng, P.products.recordedShare);
        const topUp = !recorded && bernoulli(rngQ, P.products.topUpShare);
        const lnn = P.products.beta * s + P.products.rho * u[cy];
        prodIdx.push(
          recorded
            ? lnn + normal(rng, 0, P.products.sigmaFirm)
            : topUp
              ? lnn + normal(rngQ, 0, P.products.sigmaFirm)
              : Number.NaN,
        );
        prodTopUp.push(topUp);
        if (firms.exporter[i]) {
          dvar[k] =
            fe.dvar +
            P.dvar.beta * s +
            P.dvar.rho * u[cy] +
            shock.dvar[cy] +
            normal(rng, 0, P.dvar.sigmaFirm);
          exportShare[k] = fe.ex;
        }
      } else {
        output[k] = (va / (1 - m)) * Math.exp(normal(rng, 0, 0.05));
        salesExpense[k] = output[k] * Math.exp(fe.exp + normal(rng, 0, 0.2));
        profit[k] = bernoulli(rng, 0.1)
          ? -Math.exp(normal(rng, 3, 1))
          : 0.05 * output[k] * Math.exp(normal(rng, 0, 0.5));
        prodIdx.push(bernoulli(rng, P.products.recordedShare) ? normal(rng, 0, 0.3) : Number.NaN);
        prodTopUp.push(false);
        if (firms.partImporter[i]) {
          const g = P.partImports;
          partImports[k] = Math.exp(
            fe.parts +
              g.trend * t +
              g.beta * s +
              g.rho * u[cy] +
              g.controls * asie.x.lnlp[k] +
              shock.parts[cy] +
              normal(rng, 0, g.sigmaFirm),
          );
        }
      }
      if (firms.patenter[i] && bernoulli(rngP, fe.file)) {
        const c = up
          ? patentEffect(firms, i) * s + P.patents.rho * u[cy] + shock.patents[cy]
          : shock.exclusion[cy];
        patIdx.push(
          P.patents.trend * t +
            controlIndex(asie.x, k, P.patents.controls) +
            c +
            normal(rngE, 0, P.patents.sigmaFirm),
        );
      } else patIdx.push(Number.NaN);
    }
    // Firm constants set so that the firm's smallest log count is its floor (0, or what its invention
    // count needs) plus its level (absorbed by the firm fixed effect; Table 1's mean and spread).
    const inventor = up && firms.inventor[i] === 1;
    const delta = P.patents.deltaInvention;
    let shift = Number.NEGATIVE_INFINITY;
    for (let k = start; k < end; k++) {
      const v = patIdx[k - start];
      if (Number.isNaN(v)) continue;
      const floor = inventor ? fe.inv + delta * share[asie.cityYear[k]] : 0;
      shift = Math.max(shift, floor - (fe.pat + v));
    }
    shift += fe.level;
    let prodShift = 0;
    for (const v of prodIdx) if (!Number.isNaN(v)) prodShift = Math.max(prodShift, -(fe.prod + v));
    for (let k = start; k < end; k++) {
      const v = patIdx[k - start];
      if (!Number.isNaN(v)) {
        const L = fe.pat + shift + v;
        patents[k] = ditherCount(rngD, L);
        patentIndex[k] = L;
        if (inventor) {
          const Lfm = L - fe.inv - delta * share[asie.cityYear[k]];
          inventions[k] = ditherCount(rngD, Lfm);
          inventionIndex[k] = Lfm;
        }
      }
      const w = prodIdx[k - start];
      if (!Number.isNaN(w))
        products[k] = ditherCount(prodTopUp[k - start] ? rngQ : rngD, fe.prod + prodShift + w);
    }
    start = end;
  }
  return {
    output,
    output0,
    salesExpense,
    profit,
    products,
    patents,
    inventions,
    patentIndex,
    inventionIndex,
    partImports,
    dvar,
    exportShare,
  };
}
