/**
 * Benchmark of the DuckDB ↔ typed-array transfer.
 *
 *   npx tsx bench/duckdb-transfer.ts [rows=10000000] [columns=10]
 *
 * 1. DuckDB → Frame (`toFrame`): a table of `rows` × `columns` DOUBLE values (one NULL in 1000)
 *    into Float64Arrays; median of 3 runs.
 * 2. Frame → DuckDB (`registerFrame`, appender with whole-vector copies); median of 3 runs.
 * 3. For comparison, on 1/10 of the rows: the per-item path of @duckdb/node-api (`getItem`) and,
 *    for the reverse direction, writing a temporary CSV and reading it with `read_csv`.
 */
import { writeFile } from "node:fs/promises";
import type { DuckDBDoubleVector } from "@duckdb/node-api";
import { registerFrame } from "../src/io/from-frame.js";
import { DataSession } from "../src/io/session.js";
import { quoteLiteral } from "../src/io/sql.js";
import { toFrame } from "../src/io/to-frame.js";

const rows = Number(process.argv[2] ?? 10_000_000);
const ncols = Number(process.argv[3] ?? 10);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timed(label: string, runs: number, fn: () => Promise<void>): Promise<number> {
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  const m = median(times);
  console.log(
    `${label}: median ${m.toFixed(0)} ms of ${runs} (${times.map((t) => t.toFixed(0)).join(", ")})`,
  );
  return m;
}

async function makeTable(session: DataSession, name: string, n: number): Promise<void> {
  const cols = Array.from(
    { length: ncols },
    (_, j) => `CASE WHEN i % 1000 = ${j} THEN NULL ELSE random() * ${j + 1} END AS c${j}`,
  ).join(", ");
  await session.run(`CREATE TABLE ${name} AS SELECT ${cols} FROM range(${n}) r(i)`);
}

async function perItem(session: DataSession, table: string, n: number): Promise<void> {
  const result = await session.connection.stream(`SELECT * FROM ${table}`);
  const out = Array.from({ length: ncols }, () => new Float64Array(n));
  let row = 0;
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) break;
    for (let j = 0; j < ncols; j++) {
      const v = chunk.getColumnVector(j) as DuckDBDoubleVector;
      for (let i = 0; i < chunk.rowCount; i++) out[j][row + i] = v.getItem(i) ?? Number.NaN;
    }
    row += chunk.rowCount;
  }
}

async function main(): Promise<void> {
  const session = await DataSession.open();
  try {
    console.log(`DuckDB → typed arrays and back, ${rows} rows × ${ncols} DOUBLE columns`);
    await makeTable(session, "big", rows);
    let frame = await toFrame(session, "big");
    const toMs = await timed("toFrame (vector copies, pipelined fetch)", 3, async () => {
      frame = await toFrame(session, "big");
    });
    console.log(`  = ${((rows * ncols * 8) / 1e6 / (toMs / 1000)).toFixed(0)} MB/s`);
    await timed("registerFrame (appender, whole-vector copies)", 3, () =>
      registerFrame(session, "back", frame),
    );
    const [{ same }] = await session.rows(
      `SELECT count(*) = ${rows} AND bool_and(a.c0 IS NOT DISTINCT FROM b.c0) AS same FROM big a POSITIONAL JOIN back b`,
    );
    console.log(`  round trip identical: ${same}`);

    const small = Math.max(1, Math.floor(rows / 10));
    console.log(`comparison on ${small} rows:`);
    await makeTable(session, "small", small);
    const smallFrame = await toFrame(session, "small");
    await timed("  toFrame", 3, async () => void (await toFrame(session, "small")));
    await timed("  per-item getItem() loop", 1, () => perItem(session, "small", small));
    await timed("  registerFrame", 3, () => registerFrame(session, "small_back", smallFrame));
    await timed("  temporary CSV + read_csv", 1, async () => {
      const path = await session.tempPath(".csv");
      const lines: string[] = [smallFrame.names.join(",")];
      for (let i = 0; i < small; i++) {
        lines.push(
          smallFrame.names
            .map((n) => {
              const c = smallFrame.columns[n];
              const v = c.type === "number" ? c.values[i] : Number.NaN;
              return Number.isNaN(v) ? "" : String(v);
            })
            .join(","),
        );
      }
      await writeFile(path, lines.join("\n"));
      await session.run(`CREATE OR REPLACE TABLE small_csv AS SELECT * FROM read_csv(${quoteLiteral(path)})`);
    });
  } finally {
    await session.close();
  }
}

await main();
