/**
 * Stock–Yogo (2005) critical values for the Cragg–Donald F of 2SLS, looked up for (K1, L1) in the
 * vendored table `data/stock_yogo.json` (found by walking up from this module to the package root).
 * Keys are `tsls_bias_5|10|20|30` (maximal relative bias) and `tsls_size_10|15|20|25` (maximal size of
 * a nominal 5% Wald test); for LIML, as ivreg2 shows them, `liml_size_10|15|20|25` instead. A
 * threshold the table does not cover is absent, as ivreg2 shows nothing.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

interface Table {
  readonly thresholds: readonly string[];
  readonly rows: readonly Record<string, number>[];
}

interface StockYogoFile {
  readonly tsls_relative_bias: Table;
  readonly tsls_size: Table;
  readonly liml_size?: Table;
}

let cached: StockYogoFile | null = null;

/**
 * Critical values for K1 endogenous regressors and L1 excluded instruments (LIML's own for `liml`).
 * @example stockYogo(1, 1); // { tsls_size_10: 16.38, tsls_size_15: 8.96, tsls_size_20: 6.66, tsls_size_25: 5.53 }
 */
export function stockYogo(k1: number, l1: number, estimator = "2sls"): Record<string, number> {
  const file = load();
  const out: Record<string, number> = {};
  if (estimator === "liml") {
    if (!isTable(file.liml_size))
      throw new Error("Stock–Yogo table data/stock_yogo.json lacks liml_size; restore it from the package");
    add(out, file.liml_size, "liml_size", k1, l1);
    return out;
  }
  add(out, file.tsls_relative_bias, "tsls_bias", k1, l1);
  add(out, file.tsls_size, "tsls_size", k1, l1);
  return out;
}

function add(out: Record<string, number>, table: Table, prefix: string, k1: number, l1: number): void {
  const row = table.rows.find((r) => r.K1 === k1 && r.L1 === l1);
  if (!row) return;
  for (const t of table.thresholds) {
    const v = row[t];
    if (typeof v === "number" && Number.isFinite(v)) out[`${prefix}_${Math.round(Number(t) * 100)}`] = v;
  }
}

function load(): StockYogoFile {
  if (cached) return cached;
  const path = locate();
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (err) {
    throw new Error(
      `Stock–Yogo table ${path} could not be read (${(err as Error).message}); restore data/stock_yogo.json from the package`,
    );
  }
  const f = parsed as Partial<StockYogoFile>;
  if (!isTable(f.tsls_relative_bias) || !isTable(f.tsls_size)) {
    throw new Error(
      `Stock–Yogo table ${path} lacks the tsls_relative_bias or tsls_size tables ({thresholds, rows}); restore it from the package`,
    );
  }
  cached = f as StockYogoFile;
  return cached;
}

function isTable(t: unknown): t is Table {
  return (
    typeof t === "object" &&
    t !== null &&
    Array.isArray((t as Table).thresholds) &&
    Array.isArray((t as Table).rows)
  );
}

function locate(): string {
  const start = dirname(fileURLToPath(import.meta.url));
  let dir = start;
  for (let up = 0; up < 8; up++) {
    const candidate = join(dir, "data", "stock_yogo.json");
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(
    `Stock–Yogo table data/stock_yogo.json not found in any folder above ${start}; the package's data/ folder is missing — reinstall or restore it`,
  );
}
