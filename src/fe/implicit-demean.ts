/**
 * Absorbing fixed effects without storing the demeaned columns: each column is kept as the raw
 * column plus the per-level coefficients of its direct solves (direct-solver.ts), and any row of the
 * demeaned column is evaluated from them when a pass over the data needs it.
 *
 * The convergence test is cgDemean's (demean.ts): ‖(I − T)x̃‖ at most max(tol·‖(I − T)x‖, 1e-15·‖x‖),
 * with the direct solve re-applied (at most twice) while it still reduces the residual. T's
 * projections are evaluated on coefficients too: after any of them the column is x̃ − Σ_j D_j·δ_j,
 * so a projection is one pass that sets δ_j to FE j's weighted means of x̃ − Σ_{l≠j} D_l·δ_l (adding
 * the means of the current column to δ_j is the same), and (I − T)x̃ = Σ_j D_j·δ_j.
 * A column that would need CG iterations is not handled here (null): the caller demeans explicitly.
 */
import type { DirectPlan, FeStep } from "./direct-solver.js";
import type { Factor } from "./factor.js";
import { codeView } from "./value-codes.js";

/** A column absorbed implicitly: its residual is `plan.fill(x, steps, …)`. */
export interface ImplicitColumn {
  readonly x: Float64Array;
  readonly steps: readonly FeStep[];
}

export interface ImplicitDemeanResult {
  readonly columns: readonly ImplicitColumn[];
  /** Largest relative residual ‖(I − T)x̃‖ / ‖(I − T)x‖ over the columns. */
  readonly reachedTol: number;
}

/**
 * Direct solves of every column, checked as cgDemean checks them; null when some column would need
 * CG iterations to meet the criterion.
 * @example const res = implicitDemean(plan, [y, x], [worker, firm, year], null, 1e-11);
 */
export function implicitDemean(
  plan: DirectPlan,
  columns: readonly Float64Array[],
  factors: readonly Factor[],
  weights: Float64Array | null,
  tol: number,
): ImplicitDemeanResult | null {
  const sweep = new ImplicitSweep(plan, factors, weights);
  const out: ImplicitColumn[] = [];
  let worst = 0;
  for (const x of columns) {
    const yNorm = Math.sqrt(weightedSS(x, weights));
    let rr = sweep.residualSS(x, []);
    const r0 = Math.sqrt(rr);
    const target = Math.max(tol * r0, 1e-15 * yNorm);
    const steps: FeStep[] = [];
    for (let k = 0; k < 2 && Math.sqrt(rr) > target; k++) {
      const before = rr;
      // A later step is solved into the sweep's work arrays and added to the first (see `addStep`).
      if (steps.length) addStep(steps[0], plan.step(x, steps, sweep.work));
      else steps.push(plan.step(x, steps));
      rr = sweep.residualSS(x, steps);
      if (!(rr < 0.25 * before)) break;
    }
    if (!(Math.sqrt(rr) <= target)) return null;
    worst = Math.max(worst, r0 > 0 ? Math.sqrt(rr) / r0 : 0);
    out.push({ x, steps });
  }
  return { columns: out, reachedTol: worst };
}

/**
 * A later step added to the first, level by level: a column is kept as one step (one lookup per FE
 * when evaluated, no arrays per extra step). The sums differ from applying the steps one after the
 * other only by rounding, and the criterion is checked on the summed coefficients.
 */
function addStep(first: FeStep, later: FeStep): void {
  for (const key of ["a", "f", "s"] as const) {
    const to = first[key];
    const from = later[key];
    for (let g = 0; g < to.length; g++) to[g] += from[g];
  }
}

/** Σ w·x² (w omitted when null), as the projector's W-inner product sums it. */
function weightedSS(x: Float64Array, w: Float64Array | null): number {
  let s = 0;
  if (w) for (let i = 0; i < x.length; i++) s += w[i] * x[i] * x[i];
  else for (let i = 0; i < x.length; i++) s += x[i] * x[i];
  return s;
}

/**
 * The symmetric Kaczmarz sweep T (projector.ts's order) applied to implicit columns. With the steps'
 * coefficients c_l per FE, the column after any projections is x − Σ_l D_l·E_l (E = c at the start);
 * projecting on FE j sets E_j to FE j's weighted means of x − Σ_{l≠j} D_l·E_l (one pass), and at the
 * end (I − T)x̃ = Σ_l D_l·(E_l − c_l).
 */
class ImplicitSweep {
  private readonly codes: (Int32Array | Float64Array)[];
  private readonly bases: number[];
  /** Summed weights of each level (the plan's for the largest FE). */
  private readonly tot: Float64Array[];
  private readonly coef: Float64Array[];
  /** The work arrays as a step (E is their per-factor view): a later direct step is solved into them. */
  readonly work: FeStep;
  private readonly order: number[];

  constructor(
    private readonly plan: DirectPlan,
    factors: readonly Factor[],
    private readonly w: Float64Array | null,
  ) {
    const views = factors.map(codeView);
    this.codes = views.map((v) => v.array);
    this.bases = views.map((v) => v.base);
    this.tot = factors.map((f, j) => {
      const have = plan.levelWeights(j);
      if (have) return have;
      const tot = new Float64Array(f.levels);
      const c = this.codes[j];
      const base = this.bases[j];
      for (let i = 0; i < c.length; i++) tot[c[i] - base] += w ? w[i] : 1;
      return tot;
    });
    this.work = plan.workStep();
    this.coef = plan.byFactor(this.work);
    const k = factors.length;
    this.order = [];
    for (let j = 0; j < k; j++) this.order.push(j);
    for (let j = k - 2; j >= 0; j--) this.order.push(j);
  }

  /** ‖(I − T)x̃‖²_W for x̃ = x after the steps. */
  residualSS(x: Float64Array, steps: readonly FeStep[]): number {
    const { codes, bases, coef: E, w } = this;
    const k = codes.length;
    const n = x.length;
    const c = steps.map((st) => this.plan.byFactor(st));
    for (let l = 0; l < k; l++) {
      E[l].fill(0);
      for (const cp of c) for (let g = 0; g < E[l].length; g++) E[l][g] += cp[l][g];
    }
    for (const j of this.order) {
      const ej = E[j];
      ej.fill(0);
      if (k <= 3) this.projectSmall(x, j);
      else {
        const cj = codes[j];
        const bj = bases[j];
        for (let i = 0; i < n; i++) {
          let u = x[i];
          for (let l = 0; l < k; l++) if (l !== j) u -= E[l][codes[l][i] - bases[l]];
          ej[cj[i] - bj] += w ? w[i] * u : u;
        }
      }
      const tot = this.tot[j];
      for (let g = 0; g < ej.length; g++) ej[g] = tot[g] > 0 ? ej[g] / tot[g] : 0;
    }
    // E − c, level by level, then ‖Σ_l D_l·(E_l − c_l)‖².
    for (let l = 0; l < k; l++) for (const cp of c) for (let g = 0; g < E[l].length; g++) E[l][g] -= cp[l][g];
    if (k <= 3) return this.sumSquaresSmall();
    let rr = 0;
    for (let i = 0; i < n; i++) {
      let r = 0;
      for (let l = 0; l < k; l++) r += E[l][codes[l][i] - bases[l]];
      rr += w ? w[i] * r * r : r * r;
    }
    return rr;
  }

  /** ‖Σ_l D_l·E_l‖²_W with two or three FE, operands in locals (a third FE of zeros when there are two). */
  private sumSquaresSmall(): number {
    const { codes, bases, coef: E, w } = this;
    const [c0, c1] = codes;
    const [b0, b1] = bases;
    const [e0, e1] = E;
    const c2 = codes.length > 2 ? codes[2] : c1;
    const b2 = codes.length > 2 ? bases[2] : b1;
    const e2 = codes.length > 2 ? E[2] : new Float64Array(E[1].length);
    const n = c0.length;
    let rr = 0;
    if (w) {
      for (let i = 0; i < n; i++) {
        const r = e0[c0[i] - b0] + e1[c1[i] - b1] + e2[c2[i] - b2];
        rr += w[i] * r * r;
      }
    } else {
      for (let i = 0; i < n; i++) {
        const r = e0[c0[i] - b0] + e1[c1[i] - b1] + e2[c2[i] - b2];
        rr += r * r;
      }
    }
    return rr;
  }

  /** The projection pass on FE j with two or three FE, its operands held in locals (the hot loop). */
  private projectSmall(x: Float64Array, j: number): void {
    const { codes, bases, coef: E, w } = this;
    const others = codes.map((_, l) => l).filter((l) => l !== j);
    const cj = codes[j];
    const bj = bases[j];
    const ej = E[j];
    const o1 = others[0];
    const c1 = codes[o1];
    const b1 = bases[o1];
    const e1 = E[o1];
    // With two FE the second operand is a zero-coefficient stand-in that adds nothing.
    const o2 = others.length > 1 ? others[1] : -1;
    const c2 = o2 >= 0 ? codes[o2] : c1;
    const b2 = o2 >= 0 ? bases[o2] : b1;
    const e2 = o2 >= 0 ? E[o2] : null;
    const n = x.length;
    if (e2 === null) {
      if (w) for (let i = 0; i < n; i++) ej[cj[i] - bj] += w[i] * (x[i] - e1[c1[i] - b1]);
      else for (let i = 0; i < n; i++) ej[cj[i] - bj] += x[i] - e1[c1[i] - b1];
    } else if (w) {
      for (let i = 0; i < n; i++) ej[cj[i] - bj] += w[i] * (x[i] - e1[c1[i] - b1] - e2[c2[i] - b2]);
    } else {
      for (let i = 0; i < n; i++) ej[cj[i] - bj] += x[i] - e1[c1[i] - b1] - e2[c2[i] - b2];
    }
  }
}
