/**
 * DuckDB's Node packages, loaded with `require`. They are CommonJS: an ESM `import` of
 * `@duckdb/node-api` makes Node lex every file of the package for its named exports before running
 * it, which took as long again as loading it (0.6–0.7 s against 0.3–0.4 s for `require` on the
 * loaded 2-core machine); `require` runs the files without that pass. Types come from `import type`.
 */
import { createRequire } from "node:module";
import type * as Api from "@duckdb/node-api";
import type Bindings from "@duckdb/node-bindings";

const load = createRequire(import.meta.url);

/**
 * `@duckdb/node-api`.
 * @example const instance = await duckdb.DuckDBInstance.create(":memory:");
 */
export const duckdb: typeof Api = load("@duckdb/node-api");

/**
 * `@duckdb/node-bindings`, the C API under it (bulk vector copies).
 * @example const vector = bindings.data_chunk_get_vector(chunk.chunk, 0);
 */
export const bindings: typeof Bindings = load("@duckdb/node-bindings");
