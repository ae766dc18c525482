/**
 * The kernel functions of Stata's `kdensity` (Methods and formulas of [R] kdensity), each a
 * density in z integrating to 1.
 */

/** Names of the kernels, as Stata spells them. */
export type KernelName =
  | "epanechnikov"
  | "epan2"
  | "biweight"
  | "cosine"
  | "gaussian"
  | "parzen"
  | "rectangle"
  | "triangle";

const SQRT5 = Math.sqrt(5);
const EPAN = 3 / (4 * SQRT5);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

/**
 * K(z) for the named kernel. Stata's default `epanechnikov` is the √5-scaled version
 * 3/(4√5)·(1 − z²/5) for |z| < √5 (unit variance); `epan2` is 3/4·(1 − z²) for |z| < 1; `biweight`
 * 15/16·(1 − z²)² for |z| < 1; `cosine` 1 + cos(2πz) for |z| < 1/2; `gaussian` the standard normal
 * density; `parzen` 4/3 − 8z² + 8|z|³ for |z| ≤ 1/2 and 8(1 − |z|)³/3 for 1/2 < |z| ≤ 1;
 * `rectangle` 1/2 for |z| < 1; `triangle` 1 − |z| for |z| < 1.
 * @example kernel("epanechnikov", 0); // 3 / (4·√5) ≈ 0.3354
 */
export function kernel(name: KernelName, z: number): number {
  const a = Math.abs(z);
  switch (name) {
    case "epanechnikov":
      return a < SQRT5 ? EPAN * (1 - (z * z) / 5) : 0;
    case "epan2":
      return a < 1 ? 0.75 * (1 - z * z) : 0;
    case "biweight":
      return a < 1 ? (15 / 16) * (1 - z * z) ** 2 : 0;
    case "cosine":
      return a < 0.5 ? 1 + Math.cos(2 * Math.PI * z) : 0;
    case "gaussian":
      return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    case "parzen":
      if (a <= 0.5) return 4 / 3 - 8 * z * z + 8 * a * a * a;
      return a <= 1 ? (8 * (1 - a) ** 3) / 3 : 0;
    case "rectangle":
      return a < 1 ? 0.5 : 0;
    case "triangle":
      return a < 1 ? 1 - a : 0;
  }
}

/**
 * Half-width of the kernel's support in z (∞ for the Gaussian).
 * @example kernelRadius("epanechnikov"); // √5
 */
export function kernelRadius(name: KernelName): number {
  switch (name) {
    case "epanechnikov":
      return SQRT5;
    case "cosine":
      return 0.5;
    case "gaussian":
      return Number.POSITIVE_INFINITY;
    default:
      return 1;
  }
}

/** All kernel names. */
export const KERNELS: readonly KernelName[] = [
  "epanechnikov",
  "epan2",
  "biweight",
  "cosine",
  "gaussian",
  "parzen",
  "rectangle",
  "triangle",
];
