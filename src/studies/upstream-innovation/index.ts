/**
 * Study A, "upstream-innovation" (Han & Li): imported industrial robots and the innovation of
 * domestic upstream component makers — its raw-source schema, synthetic sources and pipeline.
 */
import { synthUpstream } from "./synth/index.js";
import type { Study } from "../types.js";
import { runUpstream } from "./run.js";
import { SCHEMA } from "./schema.js";

export { DEFAULT_CONFIG, resolveConfig, type UpstreamConfig } from "./config.js";
export { runUpstream, type UpstreamRunOptions } from "./run.js";
export { SCHEMA } from "./schema.js";

/** Study A as the CLI and the tests use it. */
export const study: Study = {
  id: "upstream-innovation",
  schema: SCHEMA,
  synth: (dir, opts) => synthUpstream(dir, opts),
  run: (opts) => runUpstream(opts),
};
