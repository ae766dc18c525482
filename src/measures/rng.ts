/**
 * A small seeded pseudo-random generator for resampling: a 32-bit Weyl sequence (step 0x9E3779B9)
 * passed through a murmur3-style avalanche mix. Same seed → same stream on every platform.
 */

/** A seeded random stream. */
export interface Rng {
  /** A uniform 32-bit unsigned integer. */
  uint32(): number;
  /** A uniform double in [0, 1) with 53 random bits. */
  next(): number;
  /** A uniform integer in 0…n−1 (unbiased, by rejection). */
  int(n: number): number;
  /** A standard normal draw (Box–Muller). */
  normal(): number;
}

/**
 * Create a random stream from an integer seed (any finite number; it is reduced to 32 bits).
 * @example const rng = createRng(42); rng.int(10);
 */
export function createRng(seed: number): Rng {
  if (typeof seed !== "number" || !Number.isFinite(seed)) {
    throw new Error(`createRng: seed must be a finite number, got ${String(seed)}`);
  }
  let state = Math.trunc(seed) >>> 0;
  let spare = Number.NaN;
  const uint32 = (): number => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  const next = (): number => {
    const hi = uint32() >>> 5; // 27 bits
    const lo = uint32() >>> 6; // 26 bits
    return (hi * 67108864 + lo) / 9007199254740992;
  };
  const int = (n: number): number => {
    if (!Number.isInteger(n) || n <= 0 || n > 0x100000000) {
      throw new Error(`Rng.int: n must be an integer in 1…2^32, got ${n}`);
    }
    const limit = Math.floor(0x100000000 / n) * n;
    for (;;) {
      const u = uint32();
      if (u < limit) return u % n;
    }
  };
  const normal = (): number => {
    if (!Number.isNaN(spare)) {
      const s = spare;
      spare = Number.NaN;
      return s;
    }
    let u = 0;
    while (u === 0) u = next();
    const v = next();
    const r = Math.sqrt(-2 * Math.log(u));
    spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  };
  return { uint32, next, int, normal };
}
