/**
 * Benchmark of the .dta reader: writes a 1,000,000-row × 20-column format-118 file (8 doubles,
 * 4 floats, 4 longs, 2 bytes, 2 str#) to a temporary directory, then reads it fully into typed
 * arrays three times and reports the median, then into a DuckDB table (the path `loadFrame` and the
 * studies take), then converts it to Parquet (`robometrics convert`) in process, then runs the
 * command `robometrics convert file.dta file.parquet` in 5 fresh processes (`bin/robometrics.js`:
 * the build when it is fresh, else the sources through tsx; run `npm run build` first) beside
 * `node -e 0`. Run: `npx tsx bench/dta-read.ts [rows]`.
 */
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile as readText, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { convertFile } from "../src/io/convert-file.js";
import { openDta, readDta, type DtaWriteColumn, writeDta } from "../src/io/dta/index.js";
import { readFile } from "../src/io/read-file.js";
import { DataSession } from "../src/io/session.js";

const rows = Number(process.argv[2] ?? 1_000_000);

function makeColumns(n: number): DtaWriteColumn[] {
  let seed = 12345;
  const rand = (): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const cols: DtaWriteColumn[] = [];
  for (let k = 0; k < 8; k++) {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = i % 97 === 0 ? Number.NaN : rand() * 1e6 - 5e5;
    cols.push({ name: `d${k}`, values: v, type: "double" });
  }
  for (let k = 0; k < 4; k++) {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = Math.fround(rand() * 100);
    cols.push({ name: `f${k}`, values: v, type: "float" });
  }
  for (let k = 0; k < 4; k++) {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = Math.floor(rand() * 2e9) - 1e9;
    cols.push({ name: `l${k}`, values: v, type: "long" });
  }
  for (let k = 0; k < 2; k++) {
    const v = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = Math.floor(rand() * 200) - 100;
    cols.push({ name: `b${k}`, values: v, type: "byte" });
  }
  const city = new Array<string>(n);
  const firm = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    city[i] = `city_${Math.floor(rand() * 300)}`;
    firm[i] = `firm ${i} co. ltd`;
  }
  cols.push({ name: "city", values: city, type: "str", strWidth: 10 });
  cols.push({ name: "firm", values: firm, type: "str", strWidth: 24 });
  return cols;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Generate and write the file; the generated columns are garbage once this returns. */
async function writeFile(path: string): Promise<number> {
  const cols = makeColumns(rows);
  const t = performance.now();
  await writeDta(path, { columns: cols });
  return performance.now() - t;
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), "dta-bench-"));
  const path = join(dir, "bench.dta");
  try {
    const writeMs = await writeFile(path);
    const size = (await stat(path)).size;
    console.log(
      `wrote ${rows} rows × 20 columns (${(size / 1e6).toFixed(1)} MB) in ${writeMs.toFixed(0)} ms`,
    );
    let t: number;

    const full: number[] = [];
    const numericOnly: number[] = [];
    for (let r = 0; r < 3; r++) {
      t = performance.now();
      const table = await readDta(path);
      full.push(performance.now() - t);
      if (table.meta.nrows !== rows) throw new Error("row count mismatch");
      t = performance.now();
      const f = await openDta(path);
      let seen = 0;
      for await (const b of f.batches()) seen += b.nrows;
      await f.close();
      numericOnly.push(performance.now() - t);
      if (seen !== rows) throw new Error("batch rows mismatch");
    }
    console.log(
      `readDta (whole file into typed arrays): median ${median(full).toFixed(0)} ms of [${full.map((x) => x.toFixed(0)).join(", ")}]`,
    );
    console.log(
      `openDta + iterate batches:              median ${median(numericOnly).toFixed(0)} ms of [${numericOnly.map((x) => x.toFixed(0)).join(", ")}]`,
    );
    const intoDuckDb: number[] = [];
    for (let r = 0; r < 3; r++) {
      const session = await DataSession.open();
      t = performance.now();
      const report = await readFile(session, "bench", path);
      intoDuckDb.push(performance.now() - t);
      await session.close();
      if (report.rows !== rows) throw new Error("DuckDB row count mismatch");
    }
    console.log(
      `readFile into a DuckDB table:            median ${median(intoDuckDb).toFixed(0)} ms of [${intoDuckDb.map((x) => x.toFixed(0)).join(", ")}]`,
    );
    const toParquet: number[] = [];
    for (let r = 0; r < 3; r++) {
      const out = join(dir, `bench${r}.parquet`);
      t = performance.now();
      await convertFile(path, out);
      toParquet.push(performance.now() - t);
      await rm(out, { force: true });
    }
    console.log(
      `convert to Parquet (robometrics convert): median ${median(toParquet).toFixed(0)} ms of [${toParquet.map((x) => x.toFixed(0)).join(", ")}]`,
    );
    const bin = fileURLToPath(new URL("../bin/robometrics.js", import.meta.url));
    const cold: number[] = [];
    const bare: number[] = [];
    for (let r = 0; r < 5; r++) {
      const out = join(dir, `cold${r}.parquet`);
      t = performance.now();
      spawnSync(process.execPath, ["-e", "0"]);
      bare.push(performance.now() - t);
      t = performance.now();
      const run = spawnSync(process.execPath, [bin, "convert", path, out], { encoding: "utf8" });
      cold.push(performance.now() - t);
      if (run.status !== 0) throw new Error(`robometrics convert failed: ${run.stderr}`);
      await rm(out, { force: true });
    }
    console.log(
      `cold CLI convert to Parquet:              median ${median(cold).toFixed(0)} ms of [${cold.map((x) => x.toFixed(0)).join(", ")}]; node -e 0 median ${median(bare).toFixed(0)} ms`,
    );
    console.log(`load average: ${(await readText("/proc/loadavg", "utf8").catch(() => "n/a")).trim()}`);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

await main();
