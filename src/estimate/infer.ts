/**
 * Inference on a fitted model: the VCOV context (clusters, time index, kernel, bandwidth) for a VCOV
 * request, and `vcovOf(fit, spec)`, which recomputes the VCOV of a fit without re-reading or
 * re-demeaning the data (two-step GMM, whose weights depend on the VCOV, is refitted on the stored
 * demeaned columns).
 */
import { buildFactor, subsetFactor } from "../fe/factor.js";
import type { Frame } from "../frame/frame.js";
import { estimatorDef } from "./estimators/registry.js";
import type { EstimatorSpec } from "./estimators/types.js";
import { fixedEffectDof, totalFeDof } from "./fe-dof.js";
import type { Fit } from "./fit.js";
import type { ModelData } from "./model-data.js";
import { autoBandwidth } from "./vcov/auto-bandwidth.js";
import { type Convention, computeVcov, type VcovResult } from "./vcov/compute.js";
import type { ClusterDim } from "./vcov/meat.js";
import { type MeatContext, type VcovKind, type VcovSpec, vcovKind } from "./vcov/registry.js";
import { type TimeIndex, timeIndex } from "./vcov/time-index.js";

/** The conventions inference needs besides the VCOV request. */
export interface InferOptions {
  readonly convention: Convention;
  readonly ssc: "stata" | "fixest";
  readonly dofminus: number;
  readonly sdofminus: number;
  readonly coviv: boolean;
  readonly estimator: EstimatorSpec;
}

/** A VCOV request resolved against a sample: registry row, meat context, bandwidth used. */
export interface ResolvedVcov {
  readonly spec: VcovSpec;
  readonly kind: VcovKind;
  readonly ctx: MeatContext;
}

/**
 * Resolve a VCOV request on the estimation sample: cluster dimensions (taken from the sample, or
 * evaluated on its rows for a new clustering), the time index, and the bandwidth (without `auto`,
 * which needs residuals: see {@link resolveBandwidth}).
 * @example const r = resolveVcov(md, { type: "hetero" }, null);
 */
export function resolveVcov(md: ModelData, spec: VcovSpec, frame: Frame | null): ResolvedVcov {
  const kind = vcovKind(spec.type);
  let clusters = clusterDims(md, spec, frame);
  let time: TimeIndex | null = null;
  let lagIndex: TimeIndex | null = null;
  if (kind.needs.time) {
    if (!md.time) throw new Error(`--vcov ${spec.type} needs --time VAR`);
    time = timeIndex(md.time.values, null, md.time.name, null, false);
    if (spec.type === "dkraay") {
      // Driscoll–Kraay clusters on time (ivreg2: cluster(T) with a kernel): one group per period.
      const t = time;
      const codes = Int32Array.from(t.t, (v) => v - t.tmin);
      clusters = [{ name: md.time.name, codes, groups: t.tmax - t.tmin + 1 }];
    } else {
      const panel = spec.type === "cluster_kernel" ? clusters[0] : md.panel;
      lagIndex = timeIndex(
        md.time.values,
        panel?.codes ?? null,
        md.time.name,
        panel ? ("name" in panel ? panel.name : null) : null,
      );
    }
  }
  const ctx: MeatContext = {
    weights: md.weights,
    fweights: md.weightType === "fweight",
    clusters,
    time,
    lagIndex,
    kernel: spec.kernel ?? (spec.type === "dkraay" ? "bartlett" : null),
    bw: typeof spec.bw === "number" ? spec.bw : null,
    N: md.nobs,
  };
  return { spec, kind, ctx };
}

/**
 * Fix `--bw auto` with ivreg2's automatic bandwidth from the fit's residuals and scores.
 * @example const r2 = resolveBandwidth(r, fit.scores, fit.resid);
 */
export function resolveBandwidth(r: ResolvedVcov, z: readonly Float64Array[], e: Float64Array): ResolvedVcov {
  if (r.spec.bw !== "auto") return r;
  const ti = r.ctx.lagIndex ?? r.ctx.time;
  if (!ti || !r.ctx.kernel) throw new Error("--bw auto needs --kernel and --time");
  const bw = autoBandwidth(z, e, r.ctx.weights, ti, r.ctx.kernel);
  return { spec: { ...r.spec, bw }, kind: r.kind, ctx: { ...r.ctx, bw } };
}

/**
 * The columns ivreg2's automatic bandwidth multiplies the residuals by: the instruments Z (included
 * exogenous regressors and kept excluded instruments) for IV, the kept regressors for OLS.
 * @example resolveBandwidth(r, bandwidthScores(fit), fit.resid);
 */
export function bandwidthScores(fit: Fit): readonly Float64Array[] {
  const a = fit.absorbed;
  if (!a.inst.length) return fit.kept.map((j) => a.x[j]);
  return [...a.exog, ...fit.keptInst.map((j) => a.inst[j])];
}

function clusterDims(md: ModelData, spec: VcovSpec, frame: Frame | null): ClusterDim[] {
  const vars = spec.vars ?? [];
  return vars.map((v) => {
    const have = md.clusters.find((c) => c.name === v);
    if (have) return have;
    if (!frame) throw new Error(`internal: cluster variable ${v} is not in the sample and no frame was kept`);
    const fac = buildFactor(frame, v.split("^"), v);
    const keep = new Uint8Array(fac.codes.length);
    for (const r of md.rows) keep[r] = 1;
    for (const r of md.rows)
      if (fac.codes[r] < 0)
        throw new Error(
          `cluster variable "${v}" is missing in row ${r + 1} of the estimation sample; estimate afresh with --vcov cluster:${v} so that the sample drops it`,
        );
    const s = subsetFactor(fac, keep, md.rows.length);
    if (s.levels < 2)
      throw new Error(`cluster variable "${v}" has ${s.levels} group in the estimation sample`);
    return { name: v, codes: s.codes, groups: s.levels };
  });
}

/** K (regressors + FE dof) and K without FE nested in the clusters, for a fit and a clustering. */
export function dofK(fit: Fit, clusters: readonly ClusterDim[], ssc: "stata" | "fixest") {
  const md = fit.absorbed.md;
  const feDofs = fixedEffectDof(md.factors, clusters, ssc !== "fixest");
  const tot = totalFeDof(feDofs);
  return { feDofs, feTot: tot, k: fit.kept.length + tot.all, kNested: fit.kept.length + tot.withoutNested };
}

/**
 * The VCOV of a fit under another request, with no re-demeaning: the sandwich of the stored bread,
 * scores and residuals (two-step GMM is refitted on the stored demeaned columns, since its weights
 * depend on the VCOV). Returns the fit the VCOV belongs to.
 * @example const { vcov } = vcovOf(fit, { type: "cluster", vars: ["province^year"] }, opts, frame);
 */
export function vcovOf(
  fit: Fit,
  spec: VcovSpec,
  opts: InferOptions,
  frame: Frame | null = null,
): { fit: Fit; vcov: VcovResult; resolved: ResolvedVcov } {
  const md = fit.absorbed.md;
  let r = resolveVcov(md, spec, frame);
  if (r.spec.bw === "auto") r = resolveBandwidth(r, bandwidthScores(fit), fit.resid);
  const { k, kNested, feTot } = dofK(fit, r.ctx.clusters, opts.ssc);
  const def = estimatorDef(fit.estimator);
  const f = def.vcovDependent
    ? def.fit(fit.absorbed, opts.estimator, {
        vcov: r.kind,
        meat: r.ctx,
        dofminus: opts.dofminus,
        sdofminus: opts.sdofminus + feTot.all,
        coviv: opts.coviv,
      })
    : fit;
  const vcov = computeVcov({
    kind: r.kind,
    ctx: r.ctx,
    bread: f.bread,
    // Read only by the meats that need them (a streamed fit materialises them then).
    get scores() {
      return f.scores;
    },
    get resid() {
      return f.resid;
    },
    form: f.form,
    rss: f.rss,
    k,
    kNested,
    dofminus: opts.dofminus,
    sdofminus: opts.sdofminus,
    convention: opts.convention,
  });
  return { fit: f, vcov, resolved: r };
}
