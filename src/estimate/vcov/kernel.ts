/**
 * Kernels of autocorrelation-consistent VCOVs, with ivreg2's names and weights (`m_calckw`): the
 * weight of lag τ at bandwidth B is k(τ/B). Lag windows (bartlett, parzen, truncated, thanning,
 * thamming) use lags 1..B; spectral windows (qs, daniell, tent) use every lag up to T − 1.
 */

export type KernelName =
  | "bartlett"
  | "parzen"
  | "truncated"
  | "thanning"
  | "thamming"
  | "daniell"
  | "tent"
  | "qs";

interface KernelDef {
  readonly name: KernelName;
  readonly aliases: readonly string[];
  /** ivreg2's display name. */
  readonly label: string;
  /** Spectral windows sum over all T − 1 lags; lag windows over 1..B. */
  readonly spectral: boolean;
  readonly weight: (tau: number, bw: number) => number;
}

/** The eight kernels ivreg2 offers, with ivreg2's formulas. */
export const KERNELS: readonly KernelDef[] = [
  { name: "bartlett", aliases: ["bar"], label: "Bartlett", spectral: false, weight: (t, b) => 1 - t / b },
  {
    name: "parzen",
    aliases: ["par"],
    label: "Parzen",
    spectral: false,
    weight: (t, b) => {
      const x = t / b;
      return x <= 0.5 ? 1 - 6 * x * x + 6 * x * x * x : 2 * (1 - x) ** 3;
    },
  },
  { name: "truncated", aliases: ["tru"], label: "Truncated", spectral: false, weight: () => 1 },
  {
    name: "thanning",
    aliases: ["thann", "tukey-hanning"],
    label: "Tukey-Hanning",
    spectral: false,
    weight: (t, b) => 0.5 + 0.5 * Math.cos((Math.PI * t) / b),
  },
  {
    name: "thamming",
    aliases: ["thamm", "tukey-hamming"],
    label: "Tukey-Hamming",
    spectral: false,
    weight: (t, b) => 0.54 + 0.46 * Math.cos((Math.PI * t) / b),
  },
  {
    name: "daniell",
    aliases: ["dan", "danielle"],
    label: "Daniell",
    spectral: true,
    weight: (t, b) => Math.sin((Math.PI * t) / b) / ((Math.PI * t) / b),
  },
  {
    name: "tent",
    aliases: ["ten"],
    label: "Tent",
    spectral: true,
    // ivreg2's formula, 2(1 − cos(τ·x))/x² with x = τ/B.
    weight: (t, b) => {
      const x = t / b;
      return (2 * (1 - Math.cos(t * x))) / (x * x);
    },
  },
  {
    name: "qs",
    aliases: ["qua", "quadratic-spectral", "quadratic spectral"],
    label: "Quadratic Spectral",
    spectral: true,
    weight: (t, b) => {
      const x = t / b;
      const a = (6 * Math.PI * x) / 5;
      return (25 / (12 * Math.PI * Math.PI * x * x)) * (Math.sin(a) / a - Math.cos(a));
    },
  },
];

/**
 * The kernel named `name` (full name or ivreg2 abbreviation), or an error listing the choices.
 * @example kernelDef("bar").label; // "Bartlett"
 */
export function kernelDef(name: string): KernelDef {
  const s = name.trim().toLowerCase();
  const k = KERNELS.find((d) => d.name === s || d.aliases.includes(s));
  if (!k)
    throw new Error(
      `--kernel "${name}" is not a kernel; use one of ${KERNELS.map((d) => d.name).join(", ")}`,
    );
  return k;
}

/**
 * The lags and weights a kernel VCOV sums over: 1..min(B, T−1) for lag windows, 1..T−1 for spectral ones
 * (T = max(t) − min(t) + 1); zero weights are left out.
 * @example kernelLags(kernelDef("bartlett"), 3, 20); // [[1, 2/3], [2, 1/3]]
 */
export function kernelLags(k: KernelDef, bw: number, span: number): [number, number][] {
  // Lags beyond T−1 have no pairs of periods: a huge bandwidth must not loop (or allocate) up to B.
  const top = k.spectral ? span - 1 : Math.min(Math.floor(bw), span - 1);
  const out: [number, number][] = [];
  for (let tau = 1; tau <= top; tau++) {
    const w = k.weight(tau, bw);
    if (w !== 0) out.push([tau, w]);
  }
  return out;
}
