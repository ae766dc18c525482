/**
 * `--set=block.key=value,…` for study B's development scripts: override PARAMS at run time
 * (experiments only; nested arrays by index, e.g. `industry.betaClass.3=0.1`).
 * @example applyParamSet(process.argv.slice(2)); // with --set=country.betaStru=2
 */
import { PARAMS } from "../src/studies/tfp-divergence/synth/params.js";

/** Apply the `--set=` argument among `args`, if any; an unknown key throws naming it. */
export function applyParamSet(args: readonly string[]): void {
  const set = args.find((a) => a.startsWith("--set="));
  if (!set) return;
  for (const kv of set.slice(6).split(",")) {
    const [path, value] = kv.split("=");
    const parts = path.split(".");
    let obj = PARAMS as unknown as Record<string, unknown>;
    for (const p of parts.slice(0, -1)) obj = obj[p] as Record<string, unknown>;
    if (!(parts[parts.length - 1] in obj)) throw new Error(`unknown parameter ${path}`);
    obj[parts[parts.length - 1]] = Number(value);
  }
}
