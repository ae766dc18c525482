// Compile src/ to dist/ and stamp the build with its start time; bin/robometrics.js runs dist/ only
// while no source file is newer than the stamp (else the sources through tsx).
// `--optional` (used by npm's `prepare`): a failed build leaves no stamp and does not fail the install.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const stamp = join(root, "dist", ".build-stamp");
const optional = process.argv.includes("--optional");
const started = Date.now();
rmSync(stamp, { force: true });
try {
  const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
  execFileSync(process.execPath, [tsc, "-p", join(root, "tsconfig.build.json")], { stdio: "inherit" });
  mkdirSync(dirname(stamp), { recursive: true });
  writeFileSync(stamp, `${started}\n`);
} catch (err) {
  if (!optional) throw err;
  process.stderr.write("robometrics: build failed; the command will run the TypeScript sources through tsx\n");
}
