/**
 * The fixest fixed-effects benchmark (docs: BENCHMARK.md of the project; fixest's published design):
 * y ~ x1 | indiv_id + firm_id + year, iid SEs, simple and difficult designs. Prints the median of
 * several runs of the estimation alone (the data are generated once per design and size), beside
 * fixest's figures from the same machine, with the FE method chosen and the peak RSS of the process
 * (each design and size runs in its own process) against the data's size in doubles. Then CLI
 * start-up: `--help` and a Card 2SLS against a bare `node -e 0`, medians of runs interleaved in
 * the same session.
 *
 * Usage: npm run bench -- [--sizes 1e6,1e7] [--designs simple,difficult] [--runs 3] [--startup-runs 5]
 *        [--method cg] (forces row-space CG, to compare the solvers)
 *        (--startup-runs 0 skips start-up; --sizes none skips the estimations)
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { feols } from "../src/estimate/feols.js";
import { warmUpDemeanWorkers } from "../src/fe/demean-parallel.js";
import { frameFromArrays } from "../src/frame/frame.js";
import { generators } from "./generators.js";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function makeData(n: number, design: "simple" | "difficult", seed: number) {
  const { rnorm, uniform } = generators(seed);
  const nbYear = 10;
  const nbIndiv = Math.round(n / 10);
  const nbFirm = Math.round(nbIndiv / 23);
  const indiv = new Float64Array(n);
  const firm = new Float64Array(n);
  const year = new Float64Array(n);
  const x1 = new Float64Array(n);
  const y = new Float64Array(n);
  const indivFe = Float64Array.from({ length: nbIndiv }, rnorm);
  const firmFe = Float64Array.from({ length: nbFirm }, rnorm);
  const yearFe = Float64Array.from({ length: nbYear }, rnorm);
  for (let i = 0; i < n; i++) {
    indiv[i] = Math.floor(i / nbYear) + 1;
    year[i] = (i % nbYear) + 1;
    firm[i] =
      design === "simple" ? 1 + Math.min(nbFirm - 1, Math.floor(uniform() * nbFirm)) : (i % nbFirm) + 1;
    x1[i] = rnorm();
    y[i] = x1[i] + firmFe[firm[i] - 1] + indivFe[indiv[i] - 1] + yearFe[year[i] - 1] + rnorm();
  }
  return frameFromArrays({ y, x1, indiv_id: indiv, firm_id: firm, year });
}

const fixest: Record<string, number> = {
  "simple:1000000": 0.43,
  "simple:10000000": 5.5,
  "difficult:1000000": 2.5,
  "difficult:10000000": 47,
};

/** One design and size, in this (child) process: prints one JSON line. */
async function child(design: "simple" | "difficult", n: number, runs: number, solver: string): Promise<void> {
  await warmUpDemeanWorkers();
  const frame = makeData(n, design, 42);
  const times: number[] = [];
  let coef = Number.NaN;
  let iterations = 0;
  let method = "";
  for (let r = 0; r < runs; r++) {
    // Each repetition's peak is one fit's: collect the previous repetition's garbage first.
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    const res = feols(frame, "y ~ x1 | indiv_id + firm_id + year", {
      vcov: "iid",
      ssc: "fixest",
      keepSingletons: true,
      demean: { method: solver === "cg" ? "cg" : "auto" },
    });
    times.push((performance.now() - t0) / 1000);
    coef = res.coefficients[0].estimate;
    iterations = res.convergence?.iterations ?? 0;
    method = res.convergence?.method ?? "";
  }
  const maxRssBytes = process.resourceUsage().maxRSS * 1024;
  console.log(JSON.stringify({ times, coef, iterations, method, maxRssBytes }));
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const self = fileURLToPath(import.meta.url);

function estimations(): void {
  const sizesArg = arg("sizes", "1e6,1e7");
  if (sizesArg === "none") return;
  const sizes = sizesArg.split(",").map(Number);
  const designs = arg("designs", "simple,difficult").split(",") as ("simple" | "difficult")[];
  const runs = Number(arg("runs", "3"));
  for (const design of designs) {
    for (const n of sizes) {
      const res = spawnSync(
        process.execPath,
        [
          "--expose-gc",
          "--import",
          "tsx",
          self,
          "--child",
          design,
          String(n),
          String(runs),
          arg("method", "auto"),
        ],
        { encoding: "utf8", maxBuffer: 1 << 24 },
      );
      const line = res.stdout.trim().split("\n").pop() ?? "";
      if (res.status !== 0 || !line.startsWith("{")) {
        console.log(`${design} n=${n}: failed\n${res.stderr}`);
        continue;
      }
      const r = JSON.parse(line) as {
        times: number[];
        coef: number;
        iterations: number;
        method: string;
        maxRssBytes: number;
      };
      const t = r.times;
      const ref = fixest[`${design}:${n}`];
      const dataBytes = n * 5 * 8;
      console.log(
        `${design.padEnd(9)} n=${n.toExponential(0)}  median ${median(t).toFixed(3)} s of ${runs} (min ${Math.min(...t).toFixed(3)}, max ${Math.max(...t).toFixed(3)})` +
          `${ref ? `  fixest (2 threads) ${ref} s, ratio ${(median(t) / ref).toFixed(2)}` : ""}` +
          `  x1 = ${r.coef.toFixed(8)}  method ${r.method}, CG iterations ${r.iterations}` +
          `  peak RSS ${(r.maxRssBytes / 1e6).toFixed(0)} MB = ${(r.maxRssBytes / dataBytes).toFixed(2)}x the data in doubles`,
      );
    }
  }
}

function startup(): void {
  const runs = Number(arg("startup-runs", "5"));
  if (!(runs > 0)) return;
  const bin = fileURLToPath(new URL("../bin/robometrics.js", import.meta.url));
  const card = fileURLToPath(new URL("../data/examples/card.csv", import.meta.url));
  const commands: Record<string, string[]> = {
    "node -e 0": ["-e", "0"],
    "robometrics --help": [bin, "--help"],
    "robometrics estimate (Card 2SLS)": [
      bin,
      "estimate",
      "--data",
      card,
      "--formula",
      "lwage ~ exper + expersq + black + south | educ ~ nearc4",
      "--json",
    ],
  };
  // Time the built package, as installed (bin runs dist/ when it is fresh).
  const build = spawnSync(
    process.execPath,
    [fileURLToPath(new URL("../scripts/build.mjs", import.meta.url))],
    {
      stdio: "inherit",
    },
  );
  if (build.status !== 0) throw new Error("npm run build failed");
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (let r = 0; r < runs; r++) {
    for (const [name, args] of Object.entries(commands)) {
      const t0 = performance.now();
      const res = spawnSync(process.execPath, args, { encoding: "utf8", env: { ...process.env, CI: "1" } });
      if (res.status !== 0) throw new Error(`${name} failed: ${res.stderr}`);
      times[name].push((performance.now() - t0) / 1000);
    }
  }
  const base = median(times["node -e 0"]);
  for (const [name, t] of Object.entries(times)) {
    console.log(
      `${name.padEnd(34)} median ${median(t).toFixed(3)} s of ${runs}  = ${(median(t) / base).toFixed(1)}x node -e 0`,
    );
  }
}

const childAt = process.argv.indexOf("--child");
if (childAt >= 0) {
  const [design, n, runs, method] = process.argv.slice(childAt + 1);
  await child(design as "simple" | "difficult", Number(n), Number(runs), method);
} else {
  estimations();
  startup();
}
