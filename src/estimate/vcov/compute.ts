/**
 * Sandwich VCOVs V = c·B·S·B (S from the VCOV registry) and efficient-GMM VCOVs V = c·B, with the
 * finite-sample factor c under three conventions: Stata with `small` (regress/reghdfe/ivreg2 small),
 * ivreg2's large-sample defaults, and R fixest's default `ssc()`. The factor depends only on the
 * registry row's family: `model` types divide S by N − dofminus, `cluster` types by N.
 */
import { sandwich } from "../../linalg/dense.js";
import { eigenSym, symFunction } from "../../linalg/eigen-sym.js";
import type { VcovForm } from "../fit.js";
import type { MeatContext, VcovKind } from "./registry.js";

export type Convention = "small" | "large" | "fixest";

export interface VcovInput {
  readonly kind: VcovKind;
  readonly ctx: MeatContext;
  /** Row-major k×k bread over the kept regressors. */
  readonly bread: Float64Array;
  /** The columns the meat multiplies by the residual (kept regressors only; unused for `efficient`). */
  readonly scores: readonly Float64Array[];
  readonly resid: Float64Array;
  readonly form: VcovForm;
  /** Σ w e². */
  readonly rss: number;
  /** K for the small-sample factor (regressors + absorbed FE dof). */
  readonly k: number;
  /** K with FE nested in a cluster left out (fixest's fixef.K = "nested"; reghdfe). */
  readonly kNested: number;
  readonly dofminus: number;
  readonly sdofminus: number;
  readonly convention: Convention;
}

export interface VcovResult {
  readonly matrix: Float64Array;
  /** Residual degrees of freedom for t and F tests (null under large-sample z/χ² conventions). */
  readonly dfResid: number | null;
  /** Cluster counts per dimension (null unless clustered). */
  readonly groups: readonly number[] | null;
  /** K used in the finite-sample factor. */
  readonly kUsed: number;
  /** Whether a multi-way VCOV had negative eigenvalues set to zero. */
  readonly eigenFixed: boolean;
  /** Whether a kernel VCOV has a negative variance (its SE is reported missing, as Stata does). */
  readonly notPositive: boolean;
}

/**
 * The factor c and residual df of a registry row under a convention.
 * @example const { c } = vcovFactor(vcovKind("hetero"), ctx, { k: 3, kNested: 3, dofminus: 0, sdofminus: 0, convention: "small" });
 */
export function vcovFactor(
  kind: VcovKind,
  ctx: MeatContext,
  p: Pick<VcovInput, "k" | "kNested" | "dofminus" | "sdofminus" | "convention">,
): { c: number; dfResid: number | null; kUsed: number } {
  const N = ctx.N;
  const { convention: conv, dofminus, sdofminus } = p;
  if (kind.family === "model") {
    const df = N - p.k - dofminus - sdofminus;
    if (conv === "large") return { c: N / (N - dofminus), dfResid: null, kUsed: p.k };
    if (conv === "small") return { c: N / df, dfResid: df, kUsed: p.k };
    // fixest applies n/(n − K) to the iid and heteroskedasticity-robust VCOVs.
    return { c: N / (N - p.k), dfResid: df, kUsed: p.k };
  }
  const g = kind.groups(ctx) ?? 0;
  if (conv === "large") return { c: 1, dfResid: null, kUsed: p.k };
  const kUsed = p.kNested;
  const c = ((N - 1) / (N - kUsed - (conv === "small" ? sdofminus : 0))) * (g / (g - 1));
  return { c, dfResid: g - 1, kUsed };
}

/**
 * The VCOV of the coefficients.
 * @example const v = computeVcov({ kind: vcovKind("hetero"), ctx, bread, scores: xs, resid, form: "sandwich", … });
 */
export function computeVcov(inp: VcovInput): VcovResult {
  const k = inp.bread.length ? Math.round(Math.sqrt(inp.bread.length)) : 0;
  const { kind, ctx } = inp;
  const { c, dfResid, kUsed } = vcovFactor(kind, ctx, inp);
  const groups = kind.family === "cluster" ? groupCounts(inp) : null;
  let matrix: Float64Array;
  if (inp.form === "efficient") matrix = inp.bread.map((v) => v * c);
  else if (kind.homoskedastic) matrix = inp.bread.map((v) => (v * c * inp.rss) / ctx.N);
  else matrix = sandwich(inp.bread, kind.meat(inp.scores, inp.resid, ctx), k, c);
  let eigenFixed = false;
  if (kind.type === "cluster" && ctx.clusters.length > 1 && k > 0) {
    // Cameron, Gelbach & Miller (2011): a multi-way VCOV that is not positive semi-definite has its
    // negative eigenvalues set to zero.
    if (eigenSym(matrix, k).values[0] < 0) {
      matrix = symFunction(matrix, k, (l) => Math.max(l, 0));
      eigenFixed = true;
    }
  }
  let notPositive = false;
  for (let i = 0; i < k; i++) if (matrix[i * k + i] < 0) notPositive = true;
  return { matrix, dfResid, groups, kUsed, eigenFixed, notPositive };
}

function groupCounts(inp: VcovInput): number[] {
  if (inp.kind.type === "dkraay") return [inp.kind.groups(inp.ctx) ?? 0];
  return inp.ctx.clusters.map((c) => c.groups);
}
