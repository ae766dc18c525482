/** Where the installed package lives (to find its shipped `data/`). */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The package's root folder (the one holding package.json), from source or compiled code.
 * @example join(packageRoot(), "data", "stock_yogo.json");
 */
export function packageRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    if (existsSync(join(dir, "package.json"))) return dir;
    dir = dirname(dir);
  }
  throw new Error("robometrics: cannot find the package root (package.json) from its installed files");
}
