/**
 * The fixest fixed-effects benchmark (docs: BENCHMARK.md of the project; fixest's published design):
 * y ~ x1 | indiv_id + firm_id + year, iid SEs, simple and difficult designs. Prints the median of
 * several runs of the estimation alone (the data are generated once per design and size).
 *
 * Usage: npm run bench -- [--sizes 1e6,1e7] [--designs simple,difficult] [--runs 3]
 */
import { feols } from "../src/estimate/feols.js";
import { warmUpDemeanWorkers } from "../src/fe/demean-parallel.js";
import { frameFromArrays } from "../src/frame/frame.js";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** Deterministic normal draws (mulberry32 uniforms and Box–Muller). */
function generators(seed: number): { rnorm: () => number; uniform: () => number } {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (((t ^ (t >>> 14)) >>> 0) + 0.5) / 4294967296;
  };
  let spare: number | null = null;
  const rnorm = () => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const theta = 2 * Math.PI * uniform();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };
  return { rnorm, uniform };
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

const sizes = arg("sizes", "1e6,1e7").split(",").map(Number);
const designs = arg("designs", "simple,difficult").split(",") as ("simple" | "difficult")[];
const runs = Number(arg("runs", "3"));
const fixest: Record<string, number> = {
  "simple:1000000": 0.43,
  "simple:10000000": 5.5,
  "difficult:1000000": 2.5,
  "difficult:10000000": 47,
};
await warmUpDemeanWorkers();
for (const design of designs) {
  for (const n of sizes) {
    const frame = makeData(n, design, 42);
    const times: number[] = [];
    let coef = Number.NaN;
    let iters = 0;
    let method = "";
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const res = feols(frame, "y ~ x1 | indiv_id + firm_id + year", {
        vcov: "iid",
        ssc: "fixest",
        keepSingletons: true,
      });
      times.push((performance.now() - t0) / 1000);
      coef = res.coefficients[0].estimate;
      iters = res.convergence?.iterations ?? 0;
      method = (res.convergence as { method?: string } | null)?.method ?? "";
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    const ref = fixest[`${design}:${n}`];
    console.log(
      `${design.padEnd(9)} n=${n.toExponential(0)}  median ${median.toFixed(3)} s over ${runs} runs (min ${times[0].toFixed(3)}, max ${times[times.length - 1].toFixed(3)})  x1 = ${coef.toFixed(8)}  method ${method}, CG iterations ${iters}${ref ? `  fixest (2 threads) ${ref} s` : ""}`,
    );
  }
}
