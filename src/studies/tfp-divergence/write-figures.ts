/**
 * Every figure of study B: Figures 1–2 from the Penn World Table (PWT 10.01 shipped with the package
 * on the synthetic twin, the user's own PWT file otherwise) for the sample's economies and years,
 * Figures 3–5 from the study's data.
 */
import type { DataSession } from "../../io/session.js";
import { writeFigureOutputs } from "../../report/figures/write-figure.js";
import type { Lang } from "../types.js";
import { figure3, figure4, figure5 } from "./figures/adoption-figures.js";
import { figure1, figure2, type PwtChoice } from "./figures/pwt-densities.js";
import type { Panels } from "./panels.js";

/**
 * Build and write figures 1–5 into `dir`; returns the figure ids written.
 * @example const ids = await writeFigures(session, panels, "out/tfp-divergence/figures", "zh", { shipped: true });
 */
export async function writeFigures(
  session: DataSession,
  panels: Panels,
  dir: string,
  lang: Lang,
  pwt: PwtChoice,
): Promise<string[]> {
  const figures = [
    await figure1(session, lang, pwt),
    await figure2(session, lang, pwt),
    figure3(panels.econBase, lang),
    figure4(panels.density, panels.economy, lang),
    figure5(panels.globalRobots, panels.empBase, panels.economy, lang),
  ];
  for (const fig of figures) await writeFigureOutputs(fig, dir);
  return figures.map((f) => f.id);
}
