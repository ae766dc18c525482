/**
 * Benchmark of CSV reading: writes the fixest benchmark's data (docs: BENCHMARK.md; simple design,
 * y, x1, indiv_id, firm_id, year; 1,000,000 rows ≈ 52 MB) as a CSV, then times, interleaved in the
 * same run (the machine is shared: compare within a run): `loadFrame` (the path `estimate` takes,
 * reported there as `timing.read_s`), `readCsv` into a DuckDB table (the path `convert` takes), and
 * DuckDB's own `read_csv` into a table with its sampled type detection (no strict checks) as the
 * yardstick; the parse alone on one thread (no helper thread: what `loadFrame` does while the load
 * average leaves no core free); the parse alone through the chunked path that files over 256 MiB
 * take (16 MiB chunks); then the 3,010-row Card CSV. Prints medians and the load average.
 *
 * Usage: npx tsx bench/csv-read.ts [rows] [--runs 5]
 */
import { createWriteStream } from "node:fs";
import { mkdtemp, readFile as readText, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CHUNK_BYTES, parseCsvFile } from "../src/io/csv/parse-csv.js";
import { readCsv } from "../src/io/csv/read-csv.js";
import { loadFrame } from "../src/io/load-frame.js";
import { DataSession } from "../src/io/session.js";
import { quoteLiteral } from "../src/io/sql.js";
import { generators } from "./generators.js";

const rows = Number(process.argv[2] && !process.argv[2].startsWith("--") ? process.argv[2] : 1_000_000);
const runsAt = process.argv.indexOf("--runs");
const runs = runsAt >= 0 ? Number(process.argv[runsAt + 1]) : 5;

async function writeBenchmarkCsv(path: string, n: number): Promise<void> {
  const { rnorm, uniform } = generators(1);
  const nbIndiv = Math.round(n / 10);
  const nbFirm = Math.round(nbIndiv / 23);
  const firmFe = Float64Array.from({ length: nbFirm }, rnorm);
  const indivFe = Float64Array.from({ length: nbIndiv }, rnorm);
  const yearFe = Float64Array.from({ length: 10 }, rnorm);
  const out = createWriteStream(path);
  out.write("y,x1,indiv_id,firm_id,year\n");
  let buf = "";
  for (let i = 0; i < n; i++) {
    const indiv = Math.floor(i / 10) + 1;
    const year = (i % 10) + 1;
    const firm = 1 + Math.min(nbFirm - 1, Math.floor(uniform() * nbFirm));
    const x1 = rnorm();
    const y = x1 + firmFe[firm - 1] + indivFe[indiv - 1] + yearFe[year - 1] + rnorm();
    buf += `${y},${x1},${indiv},${firm},${year}\n`;
    if (buf.length > 1 << 20) {
      if (!out.write(buf)) await new Promise((r) => out.once("drain", () => r(undefined)));
      buf = "";
    }
  }
  out.write(buf);
  await new Promise<void>((resolve, reject) =>
    out.end((err?: Error | null) => (err ? reject(err) : resolve())),
  );
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function time(f: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await f();
  return (performance.now() - t) / 1000;
}

async function loadavg(): Promise<string> {
  return (await readText("/proc/loadavg", "utf8").catch(() => "n/a")).trim();
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "csv-bench-"));
  const path = join(dir, "fe_simple.csv");
  try {
    await writeBenchmarkCsv(path, rows);
    const mb = (await stat(path)).size / 1e6;
    console.log(`${rows} rows, ${mb.toFixed(1)} MB; load average before: ${await loadavg()}`);
    const session = await DataSession.open();
    const t = {
      loadFrame: [] as number[],
      oneThread: [] as number[],
      chunked: [] as number[],
      readCsv: [] as number[],
      duckdb: [] as number[],
      card: [] as number[],
    };
    const card = fileURLToPath(new URL("../data/examples/card.csv", import.meta.url));
    for (let r = 0; r < runs; r++) {
      t.loadFrame.push(await time(() => loadFrame(path)));
      t.oneThread.push(await time(() => parseCsvFile(path, {}, path, { helper: null })));
      t.chunked.push(await time(() => parseCsvFile(path, {}, path, { chunkBytes: CHUNK_BYTES })));
      t.readCsv.push(await time(() => readCsv(session, "ours", path)));
      t.duckdb.push(
        await time(() =>
          session.run(`CREATE OR REPLACE TABLE theirs AS SELECT * FROM read_csv(${quoteLiteral(path)})`),
        ),
      );
      t.card.push(await time(() => loadFrame(card)));
    }
    await session.close();
    const show = (label: string, xs: number[]) =>
      console.log(
        `${label.padEnd(44)} median ${median(xs).toFixed(3)} s  [${xs.map((x) => x.toFixed(3)).join(", ")}]`,
      );
    show("loadFrame (estimate's read_s)", t.loadFrame);
    show("parse on one thread (no helper)", t.oneThread);
    show("parse in 16 MiB chunks (files over 256 MiB)", t.chunked);
    show("readCsv into a DuckDB table (convert)", t.readCsv);
    show("DuckDB read_csv into a table (yardstick)", t.duckdb);
    show("loadFrame of Card (3,010 rows)", t.card);
    console.log(
      `loadFrame / DuckDB read_csv: ${(median(t.loadFrame) / median(t.duckdb)).toFixed(2)}; load average after: ${await loadavg()}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
