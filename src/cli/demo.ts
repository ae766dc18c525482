/** `robometrics demo`: the demonstration job on the example data shipped in `data/examples`. */
import { join } from "node:path";
import type { Command } from "commander";
import { feols } from "../estimate/feols.js";
import { loadFrame } from "../io/load-frame.js";
import { renderResult } from "../report/console-table.js";
import { packageRoot } from "../package-root.js";

/**
 * Add the `demo` subcommand: Card's (1995) return to schooling by 2SLS with ivreg2 diagnostics, and a
 * two-way fixed-effects production function on Munnell's state panel.
 * @example registerDemo(program);
 */
export function registerDemo(program: Command): void {
  program
    .command("demo")
    .description("demonstration estimations on the example data shipped with the package")
    .action(async () => {
      const dir = join(packageRoot(), "data", "examples");
      const card = await loadFrame(join(dir, "card.csv"));
      const iv = feols(card, "lwage ~ exper + expersq + black + south | educ ~ nearc4 + nearc2", {
        vcov: "hetero",
      });
      process.stdout.write(`== Card (1995): return to schooling, 2SLS ==\n${renderResult(iv)}\n\n`);
      const produc = await loadFrame(join(dir, "produc.csv"));
      const fe = feols(produc, "log(gsp) ~ log(pcap) + log(pc) + log(emp) + unemp | state + year", {
        vcov: "cluster:state",
      });
      process.stdout.write(
        `== Munnell (1990): state production function, two-way FE ==\n${renderResult(fe)}\n`,
      );
    });
}
