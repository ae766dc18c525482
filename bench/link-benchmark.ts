/**
 * Linkage benchmark: generate (or reuse) a synthetic firm list and records with truth, run `link`,
 * report precision and recall by kind of variant, time and peak memory.
 *   npx tsx bench/link-benchmark.ts --firms 22000 --records 34000 --outside 4900 [--seed 1] [--dir D]
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DataSession } from "../src/io/session.js";
import { evaluateLinks } from "../src/link/evaluate.js";
import { linkFirms } from "../src/link/link-firms.js";
import { generateLinkBenchmark } from "./link/generate.js";

const { values } = parseArgs({
  options: {
    firms: { type: "string", default: "22000" },
    records: { type: "string", default: "34000" },
    outside: { type: "string", default: "4900" },
    seed: { type: "string", default: "1" },
    dir: { type: "string" },
  },
});
const size = {
  firms: Number(values.firms),
  records: Number(values.records),
  outside: Number(values.outside),
  seed: Number(values.seed),
};
const dir =
  values.dir ??
  join(tmpdir(), `robometrics-link-bench-${size.firms}-${size.records}-${size.outside}-${size.seed}`);
if (!existsSync(join(dir, "truth.csv"))) {
  const t = performance.now();
  const b = generateLinkBenchmark(size);
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, "firms.csv"), b.firms);
  await writeFile(join(dir, "records.csv"), b.records);
  await writeFile(join(dir, "truth.csv"), b.truth);
  console.log(`generated ${dir} in ${((performance.now() - t) / 1000).toFixed(1)} s`);
}

const session = await DataSession.open();
const t0 = performance.now();
const summary = await linkFirms(session, join(dir, "firms.csv"), join(dir, "records.csv"));
const seconds = (performance.now() - t0) / 1000;
const predicted = new Map<string, string>();
const result = await session.connection.runAndReadAll(
  "SELECT record_id, coalesce(firm_id, '') FROM lk_result",
);
for (const [r, f] of result.getRows()) predicted.set(String(r), String(f));
await session.close();
const truthLines = (await readFile(join(dir, "truth.csv"), "utf8")).trim().split("\n").slice(1);
const { overall, byKind } = evaluateLinks(
  truthLines.map((l) => {
    const [r, f, kind] = l.split(",");
    return { kind: kind ?? "", truth: f ?? "", predicted: predicted.get(r ?? "") ?? "" };
  }),
);
const peakGb = process.resourceUsage().maxRSS / 1024 / 1024;
console.log(
  `link ${size.firms} firms × ${size.records} records: ${seconds.toFixed(1)} s, peak RSS ${peakGb.toFixed(2)} GB; ` +
    `candidates ${summary.candidatePairs}; matched ${summary.matched}, review ${summary.review}`,
);
console.log(`steps (s): ${JSON.stringify(summary.seconds)}`);
console.log(`overall: precision ${overall.precision.toFixed(4)} recall ${overall.recall.toFixed(4)}`);
for (const [k, a] of Object.entries(byKind))
  console.log(
    `  ${k.padEnd(14)} ${String(a.records).padStart(8)}  precision ${a.precision.toFixed(4)}  recall ${a.recall.toFixed(4)}`,
  );
