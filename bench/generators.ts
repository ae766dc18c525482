/**
 * Deterministic draws shared by the benchmarks: mulberry32 uniforms and Box–Muller normals (both
 * halves of each pair used), so every benchmark builds the same fixest-design data from a seed.
 */

/**
 * Uniform and standard normal generators from one seed.
 * @example const { rnorm, uniform } = generators(1);
 */
export function generators(seed: number): { rnorm: () => number; uniform: () => number } {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  let spare: number | null = null;
  const rnorm = () => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const theta = 2 * Math.PI * uniform();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
  return { rnorm, uniform };
}
