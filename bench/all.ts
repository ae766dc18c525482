/**
 * `npm run bench`: the fixed-effects benchmark, then the PPML/bootstrap benchmark, each in its own
 * process and each given the command line's options (each reads the flags it knows: `--sizes`,
 * `--designs`, `--startup-runs`, `--method` for the first; `--n` for the second; `--runs` for both).
 * Usage: npm run bench -- --sizes 1e6 --designs simple --startup-runs 0
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const args = process.argv.slice(2);
for (const script of ["fe-benchmark.ts", "ppml-boot-benchmark.ts"]) {
  const path = fileURLToPath(new URL(script, import.meta.url));
  const res = spawnSync(process.execPath, ["--import", "tsx", path, ...args], { stdio: "inherit" });
  if (res.status !== 0) process.exit(res.status ?? 1);
}
