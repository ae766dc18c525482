/**
 * A DuckDB session: one database (an on-disk file or `:memory:`), one connection, a private
 * temporary folder for intermediate files, and the metadata (variable and value labels) that the
 * readers attach to the tables they create.
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { removeOnSignal } from "./signal-cleanup.js";
import { join } from "node:path";
import type { DuckDBConnection, DuckDBInstance } from "@duckdb/node-api";
import { duckdb } from "./duckdb.js";
import { messageOf } from "./errors.js";
import { quoteIdent, quoteLiteral } from "./sql.js";
import type { TableMeta } from "./table-meta.js";

/** A scalar returned by a small metadata query. */
export type SqlScalar = number | string | boolean | null;

/** A column of a table or query as DuckDB describes it. */
export interface ColumnInfo {
  readonly name: string;
  /** DuckDB type name, e.g. `DOUBLE`, `BIGINT`, `VARCHAR`, `DATE`. */
  readonly type: string;
}

/** Options of {@link DataSession.open}. */
export interface DataSessionOptions {
  /** DuckDB worker threads (default: DuckDB's choice, the number of cores). */
  readonly threads?: number;
}

/**
 * An open DuckDB database with helpers for the data layer. Close it with {@link DataSession.close}.
 * @example const s = await DataSession.open(); await s.run("CREATE TABLE t AS SELECT 1 AS x"); await s.close();
 */
export class DataSession {
  /** Labels and provenance of the tables, by table name. */
  readonly meta = new Map<string, TableMeta>();
  private tempDir: string | undefined;
  private tempCounter = 0;
  private closed = false;

  private constructor(
    /** The database file, or `:memory:`. */
    readonly path: string,
    private readonly instance: DuckDBInstance,
    /** The underlying connection, for callers that need the raw DuckDB API. */
    readonly connection: DuckDBConnection,
  ) {}

  /**
   * Open a database file (created if absent) or an in-memory database.
   * @example const s = await DataSession.open(":memory:");
   */
  static async open(path = ":memory:", options: DataSessionOptions = {}): Promise<DataSession> {
    const config: Record<string, string> = {};
    if (options.threads !== undefined) {
      if (!Number.isInteger(options.threads) || options.threads < 1) {
        throw new Error(`threads must be a positive integer, got ${options.threads}`);
      }
      config.threads = String(options.threads);
    }
    let instance: DuckDBInstance;
    try {
      instance = await duckdb.DuckDBInstance.create(path, config);
    } catch (err) {
      throw new Error(`cannot open the DuckDB database ${path}: ${messageOf(err)}`);
    }
    const connection = await instance.connect();
    return new DataSession(path, instance, connection);
  }

  /**
   * Run SQL that returns nothing of interest (DDL, INSERT, COPY, SET). `context` prefixes errors.
   * @example await s.run("CREATE TABLE t AS SELECT 1 AS x");
   */
  async run(sql: string, context?: string): Promise<void> {
    this.assertOpen();
    try {
      await this.connection.run(sql);
    } catch (err) {
      throw wrapError(err, context);
    }
  }

  /**
   * Rows of a small query as plain objects (BIGINT → number, other non-scalars → text).
   * Meant for metadata and summaries, not for bulk data (use `toFrame` for that).
   * @example const [{ n }] = await s.rows("SELECT count(*) AS n FROM t");
   */
  async rows(sql: string, context?: string): Promise<Record<string, SqlScalar>[]> {
    this.assertOpen();
    try {
      const reader = await this.connection.runAndReadAll(sql);
      return reader.getRowObjectsJS().map((row) => {
        const out: Record<string, SqlScalar> = {};
        for (const [k, v] of Object.entries(row)) out[k] = toScalar(v);
        return out;
      });
    } catch (err) {
      throw wrapError(err, context);
    }
  }

  /**
   * The columns (name and DuckDB type) of a table, or of a query when `isQuery` is set.
   * @example const cols = await s.columns("t");
   */
  async columns(tableOrQuery: string, isQuery = false): Promise<ColumnInfo[]> {
    this.assertOpen();
    const from = isQuery ? `(${tableOrQuery})` : quoteIdent(tableOrQuery);
    try {
      const result = await this.connection.run(`SELECT * FROM ${from} AS q LIMIT 0`);
      const names = result.columnNames();
      const types = result.columnTypes();
      return names.map((name, i) => ({ name, type: types[i].toString() }));
    } catch (err) {
      throw wrapError(err, isQuery ? "cannot describe the query" : `cannot describe table "${tableOrQuery}"`);
    }
  }

  /**
   * Whether a table or view of that name exists.
   * @example if (await s.hasTable("panel")) { … }
   */
  async hasTable(name: string): Promise<boolean> {
    const rows = await this.rows(
      `SELECT 1 AS x FROM information_schema.tables WHERE table_name = ${quoteLiteral(name)} LIMIT 1`,
    );
    return rows.length > 0;
  }

  /**
   * Number of rows of a table.
   * @example const n = await s.rowCount("t");
   */
  async rowCount(table: string): Promise<number> {
    const [{ n }] = await this.rows(`SELECT count(*) AS n FROM ${quoteIdent(table)}`);
    return Number(n);
  }

  /**
   * A fresh path in the session's private temporary folder (removed on close).
   * @example const tmp = await s.tempPath(".csv");
   */
  async tempPath(suffix = ""): Promise<string> {
    this.assertOpen();
    if (!this.tempDir) {
      this.tempDir = await mkdtemp(join(tmpdir(), "robometrics-"));
      removeOnSignal(this.tempDir);
    }
    this.tempCounter += 1;
    return join(this.tempDir, `tmp${this.tempCounter}${suffix}`);
  }

  /**
   * A fresh, unused table name with the given prefix (for intermediate tables).
   * @example const name = s.tempName("stage");
   */
  tempName(prefix: string): string {
    this.tempCounter += 1;
    return `__rm_${prefix}_${this.tempCounter}`;
  }

  /**
   * Close the connection and database and delete the temporary folder. Idempotent.
   * @example await s.close();
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.connection.closeSync();
    this.instance.closeSync();
    if (this.tempDir) await rm(this.tempDir, { recursive: true, force: true });
  }

  private assertOpen(): void {
    if (this.closed) throw new Error(`the data session on ${this.path} is closed; open a new one`);
  }
}

function toScalar(v: unknown): SqlScalar {
  if (v === null || v === undefined) return null;
  if (typeof v === "number" || typeof v === "string" || typeof v === "boolean") return v;
  // Integers beyond ±2^53 (18-digit identifiers) would be rounded as numbers: keep their digits.
  if (typeof v === "bigint") return Number.isSafeInteger(Number(v)) ? Number(v) : v.toString();
  if (v instanceof Date) {
    const iso = v.toISOString();
    if (iso.endsWith("T00:00:00.000Z")) return iso.slice(0, 10);
    return iso.replace("T", " ").replace(/(\.000)?Z$/, "");
  }
  return String(v);
}

function wrapError(err: unknown, context: string | undefined): Error {
  if (!context) return err instanceof Error ? err : new Error(String(err));
  return new Error(`${context}: ${messageOf(err)}`, { cause: err });
}
