/**
 * Run by test/fe/demean-parallel.test.ts in its own Node process (vitest's workers cannot start the
 * demeaning's worker thread): demeans two columns with the worker thread and on one thread, and
 * prints one JSON line comparing them.
 */
import { demean } from "../../../src/fe/demean.js";
import { demeanParallel, demeanWorkerCount, warmUpDemeanWorkers } from "../../../src/fe/demean-parallel.js";
import type { Factor } from "../../../src/fe/factor.js";
import { valueCodedFactor } from "../../../src/fe/value-codes.js";

const n = 240_000;
let seed = 11;
const rand = () => {
  seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
  return seed / 2 ** 32;
};
// Three randomly assigned FE with too many small levels for the direct solve: Schur CG is chosen.
const factor = (name: string, levels: number): Factor => ({
  name,
  codes: Int32Array.from({ length: n }, () => Math.floor(rand() * levels)),
  levels,
});
const factors = [factor("a", 24_000), factor("b", 1_500), factor("c", 700)];
const y = Float64Array.from({ length: n }, (_, i) => Math.sin(i * 0.001) + rand());
const x = Float64Array.from({ length: n }, () => rand() * 2 - 1);
const inputs = [Float64Array.from(y), Float64Array.from(x)];

await warmUpDemeanWorkers();
const same = (a: Float64Array, b: Float64Array) => Buffer.from(a.buffer).equals(Buffer.from(b.buffer));
const report: Record<string, unknown> = { workers: demeanWorkerCount() };
for (const method of ["auto", "cg"] as const) {
  const par = demeanParallel([y, x], factors, { method });
  const seq = demean([y, x], factors, { method });
  report[method] = {
    method: par.method,
    converged: par.converged,
    iterations: [par.iterations, seq.iterations],
    identical: par.columns.every((c, j) => same(c, seq.columns[j])),
  };
}
report.inputsUnchanged = same(y, inputs[0]) && same(x, inputs[1]);

// Value-coded factors (no code array is materialised for the worker) on chains of 250 firms, which
// Schur CG cannot finish within its budget: the worker leaves its column to this thread's Kaczmarz CG.
const m = 200_000;
const chain = 500;
const worker = Float64Array.from({ length: m }, (_, i) => Math.floor(i / 2));
const firm = Float64Array.from({ length: m }, (_, i) => Math.floor(i / 2) + (i % 2) + Math.floor(i / chain));
const coded = [valueCodedFactor(worker, "worker"), valueCodedFactor(firm, "firm")];
if (!coded[0] || !coded[1]) throw new Error("expected value-coded factors");
const chained = coded as Factor[];
const cols = [0, 1].map((c) => Float64Array.from({ length: m }, (_, i) => Math.cos(i * 0.01 + c) + (i % 3)));
const par = demeanParallel(cols, chained, { method: "iterate", tol: 1e-8 });
const seq = demean(cols, chained, { method: "iterate", tol: 1e-8 });
report.handover = {
  method: par.method,
  converged: par.converged,
  iterations: [par.iterations, seq.iterations],
  identical: par.columns.every((c, j) => same(c, seq.columns[j])),
};
console.log(JSON.stringify(report));
