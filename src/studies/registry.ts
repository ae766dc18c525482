/** The studies the product knows, by id. */
import type { Study, StudyId } from "./types.js";

export const STUDY_IDS: readonly StudyId[] = ["upstream-innovation", "tfp-divergence"];

/**
 * Load a study's module (lazily, so a run of one study does not load the other).
 * @example const study = await loadStudy("tfp-divergence");
 */
export async function loadStudy(id: StudyId): Promise<Study> {
  switch (id) {
    case "upstream-innovation":
      return (await import("./upstream-innovation/index.js")).study;
    case "tfp-divergence":
      return (await import("./tfp-divergence/index.js")).study;
  }
}
