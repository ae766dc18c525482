/**
 * Sizes of the synthetic data at each scale: `tiny` for tests and coverage simulations (a few
 * seconds), `default` for the everyday run, `paper` for the papers' sizes (hundreds of thousands of
 * ASIE firms a year, tens of millions of customs rows).
 */
import type { Scale } from "../../types.js";

/** How many of each thing to generate. */
export interface ScaleSpec {
  readonly cities: number;
  /** Upstream component makers that appear in the ASIE (above-scale). */
  readonly upstreamFirms: number;
  /** Upstream makers only in the registry (too small for the ASIE). */
  readonly upstreamRegistryOnly: number;
  /** Non-upstream ASIE firms (downstream robot users and unrelated industries). */
  readonly otherAsieFirms: number;
  /** Registry-only wholesale/retail traders of parts, and service firms naming the keywords. */
  readonly traders: number;
  readonly serviceFirms: number;
  /** Registry-only firms of no interest. */
  readonly registryOnlyOther: number;
  /** Non-firm patent applicants (universities, institutes, individuals). */
  readonly otherApplicants: number;
  /** Rows of bulk customs trade per importing firm and year (beyond robots, parts and component makers' trade). */
  readonly bulkRowsPerFirmYear: number;
}

const SPECS: Readonly<Record<Scale, ScaleSpec>> = {
  tiny: {
    cities: 44,
    upstreamFirms: 900,
    upstreamRegistryOnly: 120,
    otherAsieFirms: 2200,
    traders: 80,
    serviceFirms: 40,
    registryOnlyOther: 400,
    otherApplicants: 200,
    bulkRowsPerFirmYear: 2,
  },
  default: {
    cities: 44,
    upstreamFirms: 1500,
    upstreamRegistryOnly: 500,
    otherAsieFirms: 14000,
    traders: 400,
    serviceFirms: 200,
    registryOnlyOther: 3000,
    otherApplicants: 1500,
    bulkRowsPerFirmYear: 8,
  },
  paper: {
    cities: 258,
    upstreamFirms: 1900,
    upstreamRegistryOnly: 4000,
    otherAsieFirms: 420000,
    traders: 6000,
    serviceFirms: 3000,
    registryOnlyOther: 150000,
    otherApplicants: 60000,
    bulkRowsPerFirmYear: 22,
  },
};

/**
 * The sizes of a scale.
 * @example scaleSpec("tiny").cities; // 40
 */
export function scaleSpec(scale: Scale): ScaleSpec {
  const spec = SPECS[scale];
  if (!spec) throw new Error(`unknown scale "${scale}"; use tiny, default or paper`);
  return spec;
}
