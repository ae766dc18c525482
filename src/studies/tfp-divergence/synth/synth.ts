/**
 * `synth` for study B: generate the world, write the five raw sources and truth.json into a folder.
 */
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { DataSession } from "../../../io/session.js";
import { writeFileAtomic } from "../../../report/atomic-write.js";
import type { Scale, SynthResult } from "../../types.js";
import { generateWorld } from "./generate.js";
import { sourceFrames } from "./source-frames.js";
import { buildTruth } from "./truth.js";
import { writeSources } from "./write-sources.js";

/**
 * Write study B's synthetic sources (IFR, PWT, WIOD-SEA, WDI, China labour yearbook) and truth.json.
 * `paper` scale equals `default` for this study: the paper's samples are 60 economies and 41 × 14.
 * @example const res = await synthTfpDivergence("synth/b", { seed: 1, scale: "tiny", progress: console.log });
 */
export async function synthTfpDivergence(
  dir: string,
  opts: { readonly seed: number; readonly scale: Scale; readonly progress: (m: string) => void },
): Promise<SynthResult> {
  if (!Number.isInteger(opts.seed) || opts.seed < 0 || opts.seed > 0xffffffff) {
    throw new Error(
      `tfp-divergence synth: --seed must be a whole number from 0 to 4294967295, got ${opts.seed}`,
    );
  }
  await mkdir(dir, { recursive: true });
  opts.progress(`tfp-divergence: generating the ${opts.scale} world (seed ${opts.seed})`);
  const generated = generateWorld(opts.seed, opts.scale);
  const session = await DataSession.open();
  try {
    opts.progress("tfp-divergence: writing the IFR, PWT, WIOD-SEA, WDI and China labour sources");
    const files = await writeSources(session, sourceFrames(generated), dir);
    opts.progress("tfp-divergence: computing the estimands for truth.json");
    const truth = await buildTruth(session, generated, files, opts.seed, opts.scale);
    const truthPath = join(dir, "truth.json");
    await writeFileAtomic(truthPath, `${JSON.stringify(truth, null, 2)}\n`);
    return { files, truthPath };
  } finally {
    await session.close();
  }
}
