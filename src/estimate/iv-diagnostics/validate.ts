/**
 * Checks of the diagnostics input, with messages that name the variable, the row and what to do.
 */
import type { IVDiagnosticsInput } from "./types.js";

/**
 * Throws a descriptive Error when the input cannot be used; returns nothing when it can.
 * @example validateInput({ y, endog: [x], endogNames: ["educ"], excluded: [z], excludedNames: ["nearc4"], … });
 */
export function validateInput(inp: IVDiagnosticsInput): void {
  const n = inp.y.length;
  const k1 = inp.endog.length;
  const l1 = inp.excluded.length;
  if (k1 === 0)
    throw new Error("ivDiagnostics: no endogenous regressors; the IV diagnostics need at least one");
  if (inp.endogNames.length !== k1) {
    throw new Error(
      `ivDiagnostics: ${k1} endogenous regressors but ${inp.endogNames.length} names (${inp.endogNames.join(", ")}); give one name per column`,
    );
  }
  if (inp.excludedNames.length !== l1) {
    throw new Error(
      `ivDiagnostics: ${l1} excluded instruments but ${inp.excludedNames.length} names (${inp.excludedNames.join(", ")}); give one name per column`,
    );
  }
  if (l1 < k1) {
    throw new Error(
      `ivDiagnostics: the equation is underidentified: ${l1} excluded instrument(s) (${inp.excludedNames.join(", ") || "none"}) for ${k1} endogenous regressor(s) (${inp.endogNames.join(", ")}); add excluded instruments or treat fewer regressors as endogenous`,
    );
  }
  checkColumn("dependent variable", "y", inp.y, n);
  for (const [j, c] of inp.endog.entries()) checkColumn("endogenous regressor", inp.endogNames[j], c, n);
  for (const [j, c] of inp.excluded.entries()) checkColumn("excluded instrument", inp.excludedNames[j], c, n);
  for (const [j, c] of (inp.included ?? []).entries())
    checkColumn("included exogenous regressor", `#${j + 1}`, c, n);
  checkCounts(inp, n, k1, l1);
  if (inp.weights) checkWeights(inp, n);
  if (inp.vce === "cluster") checkClusters(inp, n);
}

function checkColumn(kind: string, name: string, col: Float64Array, n: number): void {
  if (col.length !== n)
    throw new Error(
      `ivDiagnostics: ${kind} "${name}" has ${col.length} rows but y has ${n}; all columns must cover the same estimation sample`,
    );
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(col[i])) {
      throw new Error(
        `ivDiagnostics: ${kind} "${name}" is ${col[i]} at row ${i + 1}; drop rows with missing values (listwise) before partialling and computing diagnostics`,
      );
    }
  }
}

function checkCounts(inp: IVDiagnosticsInput, n: number, k1: number, l1: number): void {
  for (const [label, v] of [
    ["dofminus", inp.dofminus],
    ["sdofminus", inp.sdofminus],
  ] as const) {
    if (!Number.isInteger(v) || v < 0)
      throw new Error(`ivDiagnostics: ${label} must be a whole number ≥ 0, got ${v}`);
  }
  if (!(inp.K >= k1) || !(inp.L >= l1) || inp.K - k1 !== inp.L - l1) {
    throw new Error(
      `ivDiagnostics: K=${inp.K} and L=${inp.L} are inconsistent with ${k1} endogenous regressor(s) and ${l1} excluded instrument(s): K−K1 and L−L1 must both count the same included exogenous regressors (and constant)`,
    );
  }
  const expectedN = inp.weights && (inp.weightType ?? "aweight") === "fweight" ? sum(inp.weights) : n;
  if (Math.abs(inp.N - expectedN) > 1e-9 * Math.max(1, expectedN)) {
    throw new Error(
      `ivDiagnostics: N=${inp.N} but the data have ${expectedN} ${inp.weightType === "fweight" ? "observations (sum of frequency weights)" : "rows"}; pass e(N) of the estimation sample`,
    );
  }
  if (!(inp.N - inp.L - inp.dofminus - inp.sdofminus > 0)) {
    throw new Error(
      `ivDiagnostics: N=${inp.N} observations leave no residual degrees of freedom with L=${inp.L} instruments, dofminus=${inp.dofminus} and sdofminus=${inp.sdofminus}; ivreg2 needs more observations than instruments`,
    );
  }
}

function checkWeights(inp: IVDiagnosticsInput, n: number): void {
  const w = inp.weights as Float64Array;
  if (w.length !== n)
    throw new Error(
      `ivDiagnostics: weights have ${w.length} rows but y has ${n}; weights must cover the estimation sample`,
    );
  for (let i = 0; i < n; i++) {
    if (!(w[i] >= 0) || !Number.isFinite(w[i])) {
      throw new Error(
        `ivDiagnostics: weight at row ${i + 1} is ${w[i]}; weights must be finite and ≥ 0 (drop rows with missing weights first)`,
      );
    }
  }
  if (!(sum(w) > 0)) throw new Error("ivDiagnostics: all weights are zero; nothing to estimate");
}

function checkClusters(inp: IVDiagnosticsInput, n: number): void {
  const dims = inp.clusters;
  if (dims.length < 1 || dims.length > 2) {
    throw new Error(
      `ivDiagnostics: vce "cluster" needs one or two clustering dimensions, got ${dims.length}${dims.length ? ` (${dims.map((d) => d.name).join(", ")})` : ""}`,
    );
  }
  for (const d of dims) {
    if (d.codes.length !== n)
      throw new Error(
        `ivDiagnostics: cluster variable "${d.name}" has ${d.codes.length} rows but y has ${n}`,
      );
    const seen = new Uint8Array(d.groups);
    let distinct = 0;
    for (let i = 0; i < n; i++) {
      const c = d.codes[i];
      if (!(c >= 0 && c < d.groups)) {
        throw new Error(
          `ivDiagnostics: cluster variable "${d.name}" has code ${c} at row ${i + 1}, outside 0..${d.groups - 1}; drop rows with a missing cluster and recode groups`,
        );
      }
      if (!seen[c]) {
        seen[c] = 1;
        distinct++;
      }
    }
    if (distinct < 2) {
      throw new Error(
        `ivDiagnostics: cluster variable "${d.name}" has ${distinct} cluster in the estimation sample; cluster-robust statistics need at least two clusters — cluster on a finer variable or use vce "robust"`,
      );
    }
  }
}

function sum(w: Float64Array): number {
  let s = 0;
  for (let i = 0; i < w.length; i++) s += w[i];
  return s;
}
