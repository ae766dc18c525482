/**
 * The VCOV registry: one row per VCOV type with its name and aliases, label, the variables it
 * needs, its meat S (Σ-form, V = c·B·S·B) and its family of small-sample factors. Every part of the
 * engine — coefficient VCOVs, first stages, ivreg2's diagnostics — looks a type up here; adding a
 * type means adding a row (and, if new, its meat).
 */
import { checkBandwidth } from "../checks/bandwidth.js";
import { acMeat, driscollKraayMeat, hacMeat, type Lags } from "./kernel-meat.js";
import { type KernelName, kernelDef, kernelLags } from "./kernel.js";
import { type ClusterDim, heteroMeat, multiwayMeat } from "./meat.js";
import { type TimeIndex, timeIndex, timeSpan } from "./time-index.js";

export type VcovType = "iid" | "hetero" | "cluster" | "ac" | "hac" | "cluster_kernel" | "dkraay" | "kiefer";

/** A parsed VCOV request. `vars` are cluster variables; `kernel`/`bw` for the kernel types. */
export interface VcovSpec {
  readonly type: VcovType;
  readonly vars?: readonly string[];
  readonly kernel?: KernelName;
  readonly bw?: number | "auto";
}

/** What a meat needs besides scores and residuals, all on the estimation sample. */
export interface MeatContext {
  /** Cross-product weights (aweights/pweights normalised, fweights as counts), or null. */
  readonly weights: Float64Array | null;
  readonly fweights: boolean;
  readonly clusters: readonly ClusterDim[];
  /** Time (and panel) structure; required by the kernel types. */
  readonly time: TimeIndex | null;
  /** Unique-(panel, time) index for panel-wise lags (HAC/AC/Kiefer/cluster-kernel); null otherwise. */
  readonly lagIndex: TimeIndex | null;
  readonly kernel: KernelName | null;
  /** Bandwidth actually used (auto already resolved). */
  readonly bw: number | null;
  /** e(N). */
  readonly N: number;
}

/**
 * How the factor c is formed: `model` types (iid, AC, robust HC/HAC, Kiefer) divide the moment
 * covariance by N − dofminus (small: N − K − dofminus − sdofminus); `cluster` types divide by N
 * (small: (N−1)/(N−K−sdofminus)·G/(G−1)).
 */
export type FactorFamily = "model" | "cluster";

export interface VcovKind {
  readonly type: VcovType;
  readonly aliases: readonly string[];
  readonly label: string;
  /** Needs cluster variables (how many), --time, --panel, a kernel. */
  readonly needs: {
    readonly clusters: "none" | "one+" | "two";
    readonly time: boolean;
    readonly panel: boolean;
    readonly kernel: boolean;
  };
  /** Homoskedastic (σ²·bread; ivreg2's Sargan, Anderson LM, Cragg–Donald) or robust diagnostics. */
  readonly homoskedastic: boolean;
  readonly family: FactorFamily;
  /** ivreg2's diagnostic category. */
  readonly diagnostics: "iid" | "robust" | "cluster";
  /** S for scores z and residual e. */
  readonly meat: (z: readonly Float64Array[], e: Float64Array, ctx: MeatContext) => Float64Array;
  /** Number of clusters G for the cluster factor (null for model types). */
  readonly groups: (ctx: MeatContext) => number | null;
}

/**
 * The lags and kernel weights of a kernel VCOV's context.
 * @example kernelLagsOf(ctx); // [[1, 2/3], [2, 1/3]]
 */
export const kernelLagsOf = (ctx: MeatContext): Lags => {
  if (!ctx.kernel || ctx.bw === null || !ctx.time)
    throw new Error("internal: kernel VCOV without kernel, bandwidth or time");
  checkBandwidth(ctx.bw, ctx.time);
  return kernelLags(kernelDef(ctx.kernel), ctx.bw, timeSpan(ctx.time));
};
/**
 * The time index a kernel VCOV takes its lags from.
 * @example lagRows(lagIndexOf(ctx), 1);
 */
export const lagIndexOf = (ctx: MeatContext): TimeIndex => {
  if (!ctx.lagIndex) throw new Error("internal: kernel VCOV without a time index");
  return ctx.lagIndex;
};
const heteroWeights = (ctx: MeatContext) =>
  ctx.weights ? (ctx.fweights ? ctx.weights.map(Math.sqrt) : ctx.weights) : null;
const multiway = (z: readonly Float64Array[], e: Float64Array, ctx: MeatContext) => {
  const k = z.length;
  const s = new Float64Array(k * k);
  for (const t of multiwayMeat(z, e, ctx.weights, ctx.clusters))
    for (let i = 0; i < s.length; i++) s[i] += t.sign * t.s[i];
  return s;
};
const homoskedasticMeat = (z: readonly Float64Array[], e: Float64Array, ctx: MeatContext) => {
  const k = z.length;
  const w = ctx.weights;
  let ee = 0;
  for (let i = 0; i < e.length; i++) ee += (w ? w[i] : 1) * e[i] * e[i];
  const s = new Float64Array(k * k);
  for (let a = 0; a < k; a++)
    for (let b = a; b < k; b++) {
      let acc = 0;
      const za = z[a];
      const zb = z[b];
      for (let i = 0; i < e.length; i++) acc += (w ? w[i] : 1) * za[i] * zb[i];
      s[a * k + b] = s[b * k + a] = (acc * ee) / ctx.N;
    }
  return s;
};
const minGroups = (ctx: MeatContext) => Math.min(...ctx.clusters.map((c) => c.groups));

/** Every VCOV type the engine knows. */
export const VCOV_KINDS: readonly VcovKind[] = [
  {
    type: "iid",
    aliases: ["ols", "unadjusted"],
    label: "iid",
    needs: { clusters: "none", time: false, panel: false, kernel: false },
    homoskedastic: true,
    family: "model",
    diagnostics: "iid",
    meat: homoskedasticMeat,
    groups: () => null,
  },
  {
    type: "hetero",
    aliases: ["robust", "hc1"],
    label: "heteroskedasticity-robust",
    needs: { clusters: "none", time: false, panel: false, kernel: false },
    homoskedastic: false,
    family: "model",
    diagnostics: "robust",
    meat: (z, e, ctx) => heteroMeat(z, e, heteroWeights(ctx)),
    groups: () => null,
  },
  {
    type: "cluster",
    aliases: ["cl"],
    label: "cluster-robust",
    needs: { clusters: "one+", time: false, panel: false, kernel: false },
    homoskedastic: false,
    family: "cluster",
    diagnostics: "cluster",
    meat: multiway,
    groups: minGroups,
  },
  {
    type: "ac",
    aliases: [],
    label: "autocorrelation-consistent (AC)",
    needs: { clusters: "none", time: true, panel: false, kernel: true },
    homoskedastic: false,
    family: "model",
    diagnostics: "robust",
    meat: (z, e, ctx) => acMeat(z, e, ctx.weights, lagIndexOf(ctx), kernelLagsOf(ctx), ctx.N),
    groups: () => null,
  },
  {
    type: "hac",
    aliases: [],
    label: "heteroskedasticity- and autocorrelation-consistent (HAC)",
    needs: { clusters: "none", time: true, panel: false, kernel: true },
    homoskedastic: false,
    family: "model",
    diagnostics: "robust",
    meat: (z, e, ctx) => hacMeat(z, e, heteroWeights(ctx), lagIndexOf(ctx), kernelLagsOf(ctx)),
    groups: () => null,
  },
  {
    type: "cluster_kernel",
    aliases: [],
    label: "cluster-kernel (Thompson)",
    needs: { clusters: "two", time: true, panel: false, kernel: true },
    homoskedastic: false,
    family: "cluster",
    diagnostics: "cluster",
    // S(ID) + S(time, kernel) − S(HAC within ID): Thompson (2011), ivreg2's cluster(ID T) with a kernel.
    meat: (z, e, ctx) => {
      const sid = multiwayMeat(z, e, ctx.weights, [ctx.clusters[0]])[0].s;
      const st = driscollKraayMeat(z, e, ctx.weights, ctx.time as TimeIndex, kernelLagsOf(ctx));
      const sh = hacMeat(z, e, ctx.weights, lagIndexOf(ctx), kernelLagsOf(ctx));
      return sid.map((v, i) => v + st[i] - sh[i]);
    },
    groups: minGroups,
  },
  {
    type: "dkraay",
    aliases: ["driscoll-kraay", "dk"],
    label: "Driscoll-Kraay",
    needs: { clusters: "none", time: true, panel: true, kernel: false },
    homoskedastic: false,
    family: "cluster",
    diagnostics: "cluster",
    meat: (z, e, ctx) => driscollKraayMeat(z, e, ctx.weights, ctx.time as TimeIndex, kernelLagsOf(ctx)),
    groups: (ctx) => new Set(ctx.time?.t ?? []).size,
    // (resolveVcov also sets ctx.clusters to the time dimension, for cluster counts and diagnostics.)
  },
  {
    type: "kiefer",
    aliases: [],
    label: "Kiefer (within-panel)",
    needs: { clusters: "none", time: true, panel: true, kernel: false },
    homoskedastic: false,
    family: "model",
    diagnostics: "robust",
    // ivreg2: kiefer ≡ AC with the truncated kernel and bandwidth T, within panels.
    meat: (z, e, ctx) => {
      const ti = lagIndexOf(ctx);
      return acMeat(
        z,
        e,
        ctx.weights,
        ti,
        kernelLags(kernelDef("truncated"), timeSpan(ti), timeSpan(ti)),
        ctx.N,
      );
    },
    groups: () => null,
  },
];

/**
 * The registry row of a type.
 * @example vcovKind("hetero").label; // "heteroskedasticity-robust"
 */
export function vcovKind(type: VcovType): VcovKind {
  const k = VCOV_KINDS.find((d) => d.type === type);
  if (!k) throw new Error(`internal: unknown VCOV type ${type}`);
  return k;
}

/** Options that refine a VCOV request (--time, --panel, --kernel, --bw). */
export interface VcovRefinement {
  readonly time?: string;
  readonly panel?: string;
  readonly kernel?: string;
  readonly bw?: number | "auto";
}

/**
 * Parse `--vcov` (`iid`, `hetero`, `cluster:A`, `cluster:A+B`, `dkraay`, `kiefer`, or an alias) and
 * combine it with `--kernel`/`--bw`/`--time`/`--panel`: a kernel turns iid into AC, hetero into HAC
 * and cluster:ID+TIME into the Thompson cluster-kernel VCOV. Nonsensical combinations are errors that
 * name the flags.
 * @example parseVcov("hetero", { kernel: "bartlett", bw: 3, time: "t" }); // { type: "hac", kernel: "bartlett", bw: 3 }
 */
export function parseVcov(spec: string | VcovSpec | undefined, ref: VcovRefinement = {}): VcovSpec {
  let base: VcovSpec;
  if (spec === undefined) base = { type: "iid" };
  else if (typeof spec !== "string") base = spec;
  else base = parseVcovString(spec);
  const kernelName = ref.kernel ? kernelDef(ref.kernel).name : undefined;
  if (ref.bw !== undefined && ref.bw !== "auto" && !(ref.bw > 0))
    throw new Error(`--bw ${ref.bw}: the bandwidth must be a positive number or "auto"`);
  let out: VcovSpec = base;
  if (kernelName || ref.bw !== undefined) {
    const kernel = kernelName ?? "bartlett";
    const bw = ref.bw;
    if (base.type === "dkraay") out = { type: "dkraay", kernel, bw: bw ?? missingBw("dkraay") };
    else if (base.type === "iid" || base.type === "ac")
      out = { type: "ac", kernel, bw: bw ?? missingBw(kernel) };
    else if (base.type === "hetero" || base.type === "hac")
      out = { type: "hac", kernel, bw: bw ?? missingBw(kernel) };
    else if (base.type === "cluster" || base.type === "cluster_kernel") {
      const vars = base.vars ?? [];
      if (vars.length !== 2)
        throw new Error(
          `--kernel with --vcov cluster needs two cluster variables, the unit and the time (cluster:ID+TIME), for the Thompson cluster-kernel VCOV; got ${vars.join("+")}`,
        );
      out = { type: "cluster_kernel", vars, kernel, bw: bw ?? missingBw(kernel) };
    } else throw new Error(`--kernel/--bw do not combine with --vcov ${base.type}`);
  } else if (base.type === "dkraay")
    throw new Error("--vcov dkraay needs a bandwidth: add --bw N (and optionally --kernel)");
  const kind = vcovKind(out.type);
  if (kind.needs.time && !ref.time)
    throw new Error(
      `${out.type === "ac" || out.type === "hac" || out.type === "cluster_kernel" ? "--kernel" : `--vcov ${out.type}`} needs --time VAR (the time variable)`,
    );
  if (kind.needs.panel && !ref.panel)
    throw new Error(`--vcov ${out.type} needs --panel VAR (the unit) and --time VAR`);
  if (out.type === "cluster_kernel" && ref.time && out.vars?.[1] !== ref.time)
    throw new Error(
      `--vcov cluster:${out.vars?.join("+")} with --kernel: the second cluster variable must be the --time variable (${ref.time})`,
    );
  if (out.bw === "auto" && ref.panel && out.type !== "dkraay")
    throw new Error("--bw auto is not available for panel data (--panel), as in ivreg2; give a number");
  return out;
}

function missingBw(what: string): never {
  throw new Error(`--kernel ${what} needs a bandwidth: add --bw N or --bw auto`);
}

function parseVcovString(spec: string): VcovSpec {
  const s = spec.trim().toLowerCase();
  const m = /^(?:cluster|cl)\s*[:=]\s*(.+)$/.exec(spec.trim());
  if (m) {
    const vars = m[1].split("+").map((v) => v.trim());
    if (vars.some((v) => !v))
      throw new Error(
        `--vcov "${spec}": an empty cluster variable name; write cluster:VAR or cluster:VAR1+VAR2`,
      );
    return { type: "cluster", vars };
  }
  const kind = VCOV_KINDS.find((k) => k.needs.clusters === "none" && (k.type === s || k.aliases.includes(s)));
  if (!kind || kind.needs.kernel)
    throw new Error(
      `--vcov "${spec}" is not understood; use iid, hetero, cluster:VAR, cluster:VAR1+VAR2, dkraay or kiefer (with --kernel/--bw for AC and HAC)`,
    );
  return { type: kind.type };
}

/** Build the time index a spec needs (none for iid/hetero/cluster). */
export function needsTime(spec: VcovSpec): boolean {
  return vcovKind(spec.type).needs.time;
}

export { timeIndex };

/** Stata: probability weights imply a robust VCOV — the robust counterpart of each non-robust type. */
const PWEIGHT_ROBUST: Partial<Record<VcovType, VcovType>> = { iid: "hetero", ac: "hac" };

/**
 * The VCOV request under probability weights (Stata: iid becomes hetero, AC becomes HAC).
 * @example pweightRobust({ type: "iid" }, "pweight").type; // "hetero"
 */
export function pweightRobust(spec: VcovSpec, weightType: string | undefined): VcovSpec {
  const to = weightType === "pweight" ? PWEIGHT_ROBUST[spec.type] : undefined;
  return to ? { ...spec, type: to } : spec;
}
