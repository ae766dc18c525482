/**
 * Seeded random streams for the synthetic-data generators. Each component of a generator draws from
 * its own stream, derived from the run's seed and a label, so adding draws to one component never
 * shifts the numbers of another, and the same seed always gives the same data on every platform.
 */
import { createRng, type Rng } from "../measures/rng.js";

export type { Rng };

/**
 * A 32-bit seed derived from a run seed and a label (FNV-1a over the label, mixed with the seed).
 * @example deriveSeed(1, "cities"); // a fixed 32-bit integer
 */
export function deriveSeed(seed: number, label: string): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    throw new Error(`seed must be a whole number from 0 to 4294967295, got ${seed}`);
  }
  let h = 0x811c9dc5 ^ seed;
  h = Math.imul(h, 0x01000193) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h ^= seed >>> 16;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
  return (h ^ (h >>> 13)) >>> 0;
}

/**
 * The random stream of one generator component.
 * @example const rng = streamRng(seed, "asie/employment"); rng.normal();
 */
export function streamRng(seed: number, label: string): Rng {
  return createRng(deriveSeed(seed, label));
}
