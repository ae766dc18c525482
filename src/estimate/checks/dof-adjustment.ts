/**
 * ivreg2's `dofminus` and `sdofminus` subtract from the sample size in the VCOV's divisor. An
 * adjustment as large as the estimation sample leaves a zero or negative divisor, so every SE would
 * be infinite, negative or NaN: it is refused, naming the flag and the sample size.
 */

/**
 * Throw when `--dofminus` or `--sdofminus` is not smaller than the number of observations.
 * @example checkDofAdjustment(120, { dofminus: 1000, sdofminus: 0 }); // throws "--dofminus 1000 …"
 */
export function checkDofAdjustment(
  nobs: number,
  adj: { readonly dofminus: number; readonly sdofminus: number },
): void {
  const flags = [
    ["--dofminus", adj.dofminus],
    ["--sdofminus", adj.sdofminus],
    ["--dofminus + --sdofminus", adj.dofminus + adj.sdofminus],
  ] as const;
  for (const [flag, value] of flags) {
    if (value > 0 && value >= nobs) {
      throw new Error(
        `${flag} ${value} is not smaller than the sample size (${nobs} observations in the estimation sample): the degrees-of-freedom adjustment would leave no observations; use a smaller value (ivreg2's dofminus is typically the number of absorbed group means)`,
      );
    }
  }
}
