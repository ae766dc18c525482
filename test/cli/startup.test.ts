/**
 * Lazy start-up (issue 12): `--help` and `--version` load no heavy module (DuckDB, Vega, the
 * studies, the Excel library), and `estimate` on a CSV loads neither Vega nor the studies. Checked
 * with a module-loading hook that logs every module the real `robometrics` process resolves.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { afterAll, describe, expect, it } from "vitest";
import { COMMANDS, invokedCommand } from "../../src/cli/commands.js";
import { FIXTURES } from "../helpers/oracle.js";

const dir = mkdtempSync(join(tmpdir(), "robometrics-startup-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let runs = 0;

/** Run the CLI in a fresh process; returns stdout and the modules it loaded. */
function cli(args: string[]): { out: string; modules: string[] } {
  const log = join(dir, `modules-${runs++}.log`);
  const register = new URL("../helpers/module-log-register.mjs", import.meta.url).pathname;
  const bin = new URL("../../bin/robometrics.js", import.meta.url).pathname;
  const out = execFileSync(process.execPath, ["--import", register, bin, ...args], {
    env: { ...process.env, MODULE_LOG: log, CI: "1" },
    encoding: "utf8",
  });
  return { out, modules: readFileSync(log, "utf8").split("\n").filter(Boolean) };
}

const HEAVY = {
  duckdb: /@duckdb\/|\/io\/duckdb\.[jt]s$/,
  vega: /\/node_modules\/vega/,
  studies: /\/src\/studies\/|\/dist\/studies\//,
  excel: /\/node_modules\/exceljs\//,
};
const loaded = (modules: string[], pattern: RegExp) => modules.filter((m) => pattern.test(m));

/** Libraries only reports, figures, linkage or the studies need: an estimate on a CSV loads none. */
const NOT_FOR_ESTIMATE = {
  vega: HEAVY.vega,
  studies: HEAVY.studies,
  excel: HEAVY.excel,
  reports: /\/node_modules\/(docx|puppeteer-core|@resvg|jszip)\//,
  linkage: /\/node_modules\/(pinyin-pro|opencc-js|fastest-levenshtein)\/|\/(src|dist)\/link\//,
  progressBar: /\/node_modules\/cli-progress\//,
  config: /\/node_modules\/(yaml|zod)\//,
  otherCommands: /\/cli\/(run|convert|describe|link|demo)\.[jt]s$/,
  reportWriters: /\/(src|dist)\/report\/(write-|html\/|docx\/|pdf\.|latex\/|figures\/|run-report\/)/,
};

describe("lazy start-up", () => {
  it("--help lists every command without loading DuckDB, Vega, the studies or Excel", () => {
    const { out, modules } = cli(["--help"]);
    for (const c of COMMANDS) expect(out).toContain(c.name);
    expect(modules.some((m) => m.includes("/cli/main."))).toBe(true);
    for (const pattern of Object.values(HEAVY)) expect(loaded(modules, pattern)).toEqual([]);
  });

  it("--version prints the version without loading heavy modules", () => {
    const { out, modules } = cli(["--version"]);
    expect(out.trim()).toMatch(/^\d+\.\d+\.\d+/);
    for (const pattern of Object.values(HEAVY)) expect(loaded(modules, pattern)).toEqual([]);
  });

  it("estimate on a CSV loads its own command and the one-pass CSV reader only: no DuckDB, Vega, studies, Excel, reports, linkage, progress bar or YAML", () => {
    const { out, modules } = cli([
      "estimate",
      "--data",
      `${FIXTURES}/ivreg2/data/card.csv`,
      "--formula",
      "lwage ~ exper + expersq + black + south | educ ~ nearc4",
      "--json",
    ]);
    expect(JSON.parse(out).coefficients.length).toBeGreaterThan(0);
    // The CSV is parsed in one pass into typed arrays: DuckDB is not even loaded.
    expect(loaded(modules, HEAVY.duckdb)).toEqual([]);
    expect(modules.some((m) => /\/cli\/estimate\.[jt]s$/.test(m))).toBe(true);
    expect(modules.some((m) => /\/io\/csv\/csv-frame\.[jt]s$/.test(m))).toBe(true);
    for (const [what, pattern] of Object.entries(NOT_FOR_ESTIMATE))
      expect(loaded(modules, pattern), what).toEqual([]);
    // The other readers are loaded on demand: a CSV needs neither the .dta, Parquet nor Excel reader.
    expect(loaded(modules, /\/io\/(read-dta|read-parquet|xlsx\/)/)).toEqual([]);
  });
});

describe("command table", () => {
  it("matches each command's own name, arguments and description", async () => {
    for (const entry of COMMANDS) {
      const program = new Command();
      (await entry.load())(program);
      const cmd = program.commands.find((c) => c.name() === entry.name);
      expect(cmd, entry.name).toBeDefined();
      expect(cmd?.description()).toBe(entry.description);
      const args = cmd?.registeredArguments
        .map((a) => (a.required ? `<${a.name()}>` : `[${a.name()}]`))
        .join(" ");
      expect(args).toBe(entry.args);
    }
  });

  it("finds the invoked command, also after `help`, and ignores options", () => {
    expect(invokedCommand(["node", "rm", "--json", "estimate"])).toBe("estimate");
    expect(invokedCommand(["node", "rm", "help", "convert"])).toBe("convert");
    expect(invokedCommand(["node", "rm", "--help"])).toBeNull();
    expect(invokedCommand(["node", "rm", "nonsense"])).toBeNull();
  });
});
