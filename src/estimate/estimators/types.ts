/** The estimator registry's types. */
import type { Absorbed, Fit } from "../fit.js";
import type { MeatContext, VcovKind } from "../vcov/registry.js";

export type EstimatorName = "ols" | "2sls" | "liml" | "fuller" | "kclass" | "gmm2s" | "poisson";

/** A parsed `--estimator` request: the name and its parameter (Fuller's α, the k of k-class). */
export interface EstimatorSpec {
  readonly name: EstimatorName;
  readonly param: number | null;
}

/** What a fit may need beyond the data: the VCOV (two-step GMM weights by it) and dof constants. */
export interface FitContext {
  readonly vcov: VcovKind;
  readonly meat: MeatContext;
  readonly dofminus: number;
  /** sdofminus plus the FE degrees of freedom (ivreghdfe's convention). */
  readonly sdofminus: number;
  /** LIML/k-class: build the VCOV on the 2SLS bread (ivreg2 `coviv`). */
  readonly coviv: boolean;
}

export interface EstimatorDef {
  readonly name: EstimatorName;
  readonly label: string;
  /** Needs an IV part (true), none (false), or either. */
  readonly iv: boolean | "either";
  /** Whether the coefficients depend on the VCOV (two-step GMM): a new VCOV means a refit. */
  readonly vcovDependent: boolean;
  readonly fit: (a: Absorbed, spec: EstimatorSpec, ctx: FitContext) => Fit;
}
