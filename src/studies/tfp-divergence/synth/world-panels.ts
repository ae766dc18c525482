/**
 * A seed's synthetic world as the pipeline sees it: generate it, write its source files to a
 * temporary folder, register them and build the country and industry panels — for the coverage
 * test and the calibration scripts, which estimate on the panels without writing any tables.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DataSession } from "../../../io/session.js";
import type { Scale } from "../../types.js";
import { registerSources } from "../../sources.js";
import { buildPanels, type Panels } from "../panels.js";
import { schema } from "../schema.js";
import { type Generated, generateWorld } from "./generate.js";
import { sourceFrames } from "./source-frames.js";
import { writeSources } from "./write-sources.js";

/** The generated world and the panels built from its source files. */
export interface WorldPanels {
  readonly generated: Generated;
  readonly panels: Panels;
}

/**
 * Run `use` on the panels of a seed's world; the session and the temporary files are gone afterwards.
 * @example const n = await withWorldPanels(1, "tiny", ({ panels }) => panels.industry.frame.nrows);
 */
export async function withWorldPanels<T>(
  seed: number,
  scale: Scale,
  use: (w: WorldPanels) => T | Promise<T>,
): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), "rm-b-world-"));
  const session = await DataSession.open();
  try {
    const generated = generateWorld(seed, scale);
    const files = await writeSources(session, sourceFrames(generated), dir);
    const sources = Object.fromEntries(Object.entries(files).map(([name, path]) => [name, { path }]));
    await registerSources(session, schema, sources);
    const panels = await buildPanels(session, () => {});
    return await use({ generated, panels });
  } finally {
    await session.close();
    await rm(dir, { recursive: true, force: true });
  }
}
