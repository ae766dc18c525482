/**
 * Connected components of the bipartite graph linking the levels of two fixed effects (rows are
 * edges). With FE a and b, exactly `components` of the a+b level dummies are redundant, so the pair
 * has Ga + Gb − components degrees of freedom (Abowd, Creecy & Kramarz 2002).
 */
import type { Factor } from "./factor.js";
import { codeView } from "./value-codes.js";

/**
 * Number of connected components between two factors' levels.
 * @example connectedComponents(firm, year); // 1 for a connected panel
 */
export function connectedComponents(a: Factor, b: Factor): number {
  const parent = new Int32Array(a.levels + b.levels);
  for (let i = 0; i < parent.length; i++) parent[i] = i;
  const find = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  };
  let components = a.levels + b.levels;
  // Codes read through views, so that value-coded factors are not materialised.
  const { array: ac, base: ab } = codeView(a);
  const { array: bc, base: bb } = codeView(b);
  for (let i = 0; i < ac.length; i++) {
    const ra = find(ac[i] - ab);
    const rb = find(a.levels + bc[i] - bb);
    if (ra !== rb) {
      parent[ra] = rb;
      components--;
    }
  }
  return components;
}
