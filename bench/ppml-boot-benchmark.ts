/**
 * Benchmarks of issue 9: (1) Poisson PML with three FE on fixest's benchmark design (simple, 1M rows:
 * y ~ Poisson(exp(0.5·x1 + 0.3·(indiv + firm + year effects))) | indiv_id + firm_id + year), iid
 * SEs, estimation alone; (2) the wild cluster restricted bootstrap, 9,999 Webb draws, 1M rows, 50
 * clusters, y ~ x1 + x2 | firm (firms nested in clusters), timing the whole call (fit included) and the
 * draws + p-value + interval alone. Medians of several runs.
 *
 * Usage: npm run bench:ppml -- [--n 1e6] [--runs 3] (also run by `npm run bench`)
 */
import { drawPlan } from "../src/estimate/bootstrap/boot-weights.js";
import { wcrInterval, wcrPValue } from "../src/estimate/bootstrap/invert.js";
import { wcrDraws } from "../src/estimate/bootstrap/wcr.js";
import { wildBootstrap } from "../src/estimate/bootstrap/wild.js";
import { fepois } from "../src/estimate/poisson/fepois.js";
import { warmUpDemeanWorkers } from "../src/fe/demean-parallel.js";
import { frameFromArrays } from "../src/frame/frame.js";
import { createRng } from "../src/measures/rng.js";
import { poisson } from "../src/synth/distributions.js";

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

function median(times: number[]): string {
  const s = times.slice().sort((a, b) => a - b);
  return `median ${s[Math.floor(s.length / 2)].toFixed(3)} s over ${s.length} runs (min ${s[0].toFixed(3)}, max ${s[s.length - 1].toFixed(3)})`;
}

function ppmlData(n: number) {
  const rng = createRng(42);
  const nbIndiv = Math.round(n / 10);
  const nbFirm = Math.round(nbIndiv / 23);
  const fi = Float64Array.from({ length: nbIndiv }, () => rng.normal());
  const ff = Float64Array.from({ length: nbFirm }, () => rng.normal());
  const fy = Float64Array.from({ length: 10 }, () => rng.normal());
  const d = {
    y: new Float64Array(n),
    x1: new Float64Array(n),
    indiv_id: new Float64Array(n),
    firm_id: new Float64Array(n),
    year: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const ind = Math.floor(i / 10);
    const firm = Math.min(nbFirm - 1, Math.floor(rng.next() * nbFirm));
    const yr = i % 10;
    const x1 = rng.normal();
    d.indiv_id[i] = ind + 1;
    d.firm_id[i] = firm + 1;
    d.year[i] = yr + 1;
    d.x1[i] = x1;
    d.y[i] = poisson(rng, Math.exp(0.5 * x1 + 0.3 * (fi[ind] + ff[firm] + fy[yr])));
  }
  return frameFromArrays(d);
}

function bootData(n: number, G: number) {
  const rng = createRng(7);
  const d = {
    y: new Float64Array(n),
    x1: new Float64Array(n),
    x2: new Float64Array(n),
    firm: new Float64Array(n),
    cl: new Float64Array(n),
  };
  const ce = Float64Array.from({ length: G }, () => rng.normal());
  for (let i = 0; i < n; i++) {
    const firm = Math.floor((i * 1000) / n);
    const g = Math.floor((firm * G) / 1000);
    d.firm[i] = firm;
    d.cl[i] = g;
    d.x1[i] = rng.normal() + 0.3 * ce[g];
    d.x2[i] = rng.normal();
    d.y[i] = 0.02 * d.x1[i] - 0.1 * d.x2[i] + ce[g] + rng.normal();
  }
  return frameFromArrays(d);
}

const n = Number(arg("n", "1e6"));
const runs = Number(arg("runs", "3"));
await warmUpDemeanWorkers();

{
  const frame = ppmlData(n);
  const times: number[] = [];
  let line = "";
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const res = fepois(frame, "y ~ x1 | indiv_id + firm_id + year", {
      vcov: "iid",
      ssc: "fixest",
      keepSingletons: true,
    });
    times.push((performance.now() - t0) / 1000);
    line = `x1 = ${res.coefficients[0].estimate.toFixed(8)}, IRLS iterations ${res.iterations}, N ${res.nobs}, all-zero removed ${res.removed.separation}`;
  }
  console.log(
    `PPML 3 FE n=${n.toExponential(0)}: ${median(times)}; ${line}; fixest::fepois reference on this machine: none published`,
  );
}

{
  const frame = bootData(n, 50);
  const total: number[] = [];
  let line = "";
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const [row] = wildBootstrap(
      frame,
      "y ~ x1 + x2 | firm",
      { vcov: "cluster:cl" },
      { reps: 9999, weights: "webb", terms: ["x1"] },
    );
    total.push((performance.now() - t0) / 1000);
    line = `p = ${row.p.toFixed(4)}, CI [${row.ci.map((v) => v?.toFixed(5)).join(", ")}]`;
  }
  console.log(
    `WCR 9,999 Webb draws, n=${n.toExponential(0)}, 50 clusters, FE absorbed: whole call (fit + bootstrap + CI) ${median(total)}; ${line}`,
  );
  // The bootstrap alone, on pre-demeaned data (what the cost per draw is about).
  const rng = createRng(3);
  const x = Float64Array.from({ length: n }, () => rng.normal());
  const y = x.map((v) => 0.02 * v + rng.normal());
  const codes = Int32Array.from({ length: n }, (_, i) => Math.floor((i * 50) / n));
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += x[i] * x[i];
    sxy += x[i] * y[i];
  }
  const alone: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const draws = wcrDraws(
      {
        y,
        x: [x],
        weights: null,
        codes,
        groups: 50,
        j: 0,
        bread: new Float64Array([1 / sxx]),
        estimate: sxy / sxx,
        se: 0.001,
        projectFE: null,
      },
      drawPlan(50, 9999, "webb", 1),
    );
    wcrPValue(draws, 0);
    wcrInterval(draws);
    alone.push((performance.now() - t0) / 1000);
  }
  console.log(
    `WCR 9,999 Webb draws, n=${n.toExponential(0)}, 50 clusters: bootstrap + p + CI alone ${median(alone)}`,
  );
}
