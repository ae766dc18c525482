/**
 * Appending column batches (numbers as Float64Array with NaN = missing, text as string arrays with
 * null = missing) to a new DuckDB table, 2048 rows per data chunk. Used by the readers that decode
 * files in JavaScript (Excel, Stata). Numbers can be stored in their final type (narrow integers,
 * FLOAT, DATE, TIMESTAMP; see vector-copy.ts) so that no second copy with casts is needed.
 */
import type { DuckDBAppender, DuckDBDataChunk } from "@duckdb/node-api";
import { duckdb } from "./duckdb.js";
import type { DataSession } from "./session.js";
import { quoteIdent } from "./sql.js";
import { fillDoubles, fillNumbers, fillStrings, type NumberTarget } from "./vector-copy.js";

/** A column of a batch. */
export type BatchColumn = Float64Array | readonly (string | null)[];

/** A column of the table being filled: DOUBLE or VARCHAR, or a number stored in another type. */
export interface BatchColumnSpec {
  readonly name: string;
  readonly type: "DOUBLE" | "VARCHAR" | NumberTarget;
  /** VARCHAR only: store the empty string as NULL. */
  readonly emptyIsNull?: boolean;
}

/**
 * Creates a table and appends batches to it; call {@link BatchAppender.close} at the end.
 * @example const app = await BatchAppender.create(s, "t", [{ name: "x", type: "DOUBLE" }]); app.append([xs], xs.length); app.close();
 */
export class BatchAppender {
  private rows = 0;

  private constructor(
    private readonly appender: DuckDBAppender,
    private readonly specs: readonly BatchColumnSpec[],
    private readonly chunk: DuckDBDataChunk,
  ) {}

  /**
   * Create (or replace) table `table` with these columns — temporary unless `temp` is false — and
   * open an appender on it.
   * @example const app = await BatchAppender.create(session, "stage", specs);
   */
  static async create(
    session: DataSession,
    table: string,
    specs: readonly BatchColumnSpec[],
    temp = true,
  ): Promise<BatchAppender> {
    if (specs.length === 0) throw new Error(`table "${table}" needs at least one column`);
    const defs = specs.map((s) => `${quoteIdent(s.name)} ${s.type}`).join(", ");
    await session.run(
      `CREATE OR REPLACE ${temp ? "TEMP " : ""}TABLE ${quoteIdent(table)} (${defs})`,
      `cannot create table "${table}"`,
    );
    const appender = await session.connection.createAppender(table, null, temp ? "temp" : null);
    const chunk = duckdb.DuckDBDataChunk.create(specs.map((_, j) => appender.columnType(j)));
    return new BatchAppender(appender, specs, chunk);
  }

  /** Rows appended so far. */
  get rowCount(): number {
    return this.rows;
  }

  /** Append the first `nrows` rows of `columns` (one entry per column, in table order). */
  append(columns: readonly BatchColumn[], nrows: number): void {
    if (columns.length !== this.specs.length) {
      throw new Error(`a batch has ${columns.length} columns but the table has ${this.specs.length}`);
    }
    const size = duckdb.DuckDBVector.standardSize();
    for (let start = 0; start < nrows; start += size) {
      const n = Math.min(size, nrows - start);
      this.chunk.reset();
      this.specs.forEach((spec, j) => {
        const col = columns[j];
        if (spec.type === "VARCHAR") {
          if (col instanceof Float64Array)
            throw new Error(`column "${spec.name}" must be text in every batch`);
          fillStrings(this.chunk, j, col, start, n, spec.emptyIsNull ?? false);
        } else {
          if (!(col instanceof Float64Array))
            throw new Error(`column "${spec.name}" must be numeric in every batch`);
          if (spec.type === "DOUBLE") fillDoubles(this.chunk, j, col, start, n);
          else fillNumbers(this.chunk, j, col, start, n, spec.type);
        }
      });
      this.chunk.rowCount = n;
      this.appender.appendDataChunk(this.chunk);
      this.rows += n;
    }
  }

  /** Flush and close the appender. */
  close(): void {
    this.appender.flushSync();
    this.appender.closeSync();
  }
}
