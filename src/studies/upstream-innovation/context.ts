/**
 * What every step of study A's pipeline shares: the DuckDB session holding the sources and the
 * intermediate tables, the settings, the output folder, progress reporting and the linkage record.
 */
import type { DataSession } from "../../io/session.js";
import type { UpstreamConfig } from "./config.js";
import type { PlaceNames } from "./place-names.js";
import type { CityLookup } from "./address-city.js";
import type { LinkAccuracyReport } from "./steps/link-accuracy.js";

/** One linking step's outcome, written to review/linkage.json. */
export interface LinkageStep {
  readonly step: string;
  readonly description: string;
  readonly total: number;
  readonly matched: number;
  readonly rate: number;
  readonly detail?: Readonly<Record<string, number>>;
  /** Precision and recall against the synthetic twin's truth, or why there is none (link-accuracy.ts). */
  readonly accuracy?: LinkAccuracyReport;
}

/** The pipeline's shared state. */
export interface PipelineContext {
  readonly session: DataSession;
  readonly cfg: UpstreamConfig;
  readonly outDir: string;
  readonly progress: (message: string) => void;
  readonly places: PlaceNames;
  readonly cities: CityLookup;
  readonly linkage: LinkageStep[];
}

/**
 * Record a linking step (and tell the user its match rate).
 * @example recordLink(ctx, { step: "registry→ASIE", description: "…", total: 120, matched: 96 });
 */
export function recordLink(ctx: PipelineContext, step: Omit<LinkageStep, "rate">): LinkageStep {
  const rate = step.total > 0 ? step.matched / step.total : 0;
  const rec = { ...step, rate };
  ctx.linkage.push(rec);
  ctx.progress(`${step.step}: ${step.matched} of ${step.total} matched (${(100 * rate).toFixed(1)}%)`);
  return rec;
}
