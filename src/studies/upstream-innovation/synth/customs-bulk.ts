/**
 * The bulk of the customs data — ordinary trade of ASIE firms and traders in products other than
 * robots, robot parts and component makers' inputs — generated inside DuckDB from a table of trading
 * firms with hash-based pseudo-random draws (seeded, so the rows are the same on every run).
 */
import type { DataSession } from "../../../io/session.js";
import { literalList } from "../../../io/sql.js";
import { ORIGINS } from "./customs-rows.js";
import type { Firms } from "./firms.js";
import type { City } from "./geography.js";
import { otherProducts } from "./hs-codes.js";
import { PARAMS } from "./parameters.js";
import { stageColumns } from "./write-columns.js";

const MODES = [
  "一般贸易",
  "一般贸易",
  "一般贸易",
  "进料加工贸易",
  "来料加工装配贸易",
  "保税仓库进出境货物",
  "外商投资企业作为投资进口的设备、物品",
];

/**
 * Insert the bulk rows into table `target` (customs columns and a sort key `__k` numbered from
 * `firstKey`) for the non-upstream ASIE firms that trade (about a third of them), `rowsPerYear` rows
 * per firm-year.
 * @example await insertBulkCustoms(session, "customs", seed, firms, cities, 8, rows.length);
 */
export async function insertBulkCustoms(
  session: DataSession,
  target: string,
  seed: number,
  firms: Firms,
  cities: readonly City[],
  rowsPerYear: number,
  firstKey: number,
): Promise<void> {
  const fid: number[] = [];
  const code: string[] = [];
  const name: string[] = [];
  const city: string[] = [];
  const entry: number[] = [];
  const exit: number[] = [];
  for (let i = 0; i < firms.n; i++) {
    const k = firms.kind[i];
    if ((k !== "downstream" && k !== "other") || firms.partImporter[i] || i % 3 !== 0) continue;
    const c = cities[firms.city[i]];
    fid.push(i);
    code.push(`${c.code}5${String(i % 100000).padStart(5, "0")}`);
    name.push(firms.name[i].name);
    city.push(c.name);
    entry.push(firms.entry[i]);
    exit.push(firms.exit[i]);
  }
  await stageColumns(session, "bulk_firms", [
    { name: "fid", type: "integer", values: fid },
    { name: "code", type: "string", values: code },
    { name: "name", type: "string", values: name },
    { name: "city", type: "string", values: city },
    { name: "entry", type: "integer", values: entry },
    { name: "exit", type: "integer", values: exit },
  ]);
  const products = otherProducts().map((p) => p.hs8);
  const years = PARAMS.years[1] - PARAMS.years[0] + 1;
  const s = seed >>> 0;
  const u = (salt: number) => `((hash(${s}, f.fid, y.year, r.slot, ${salt}) % 1000003) + 0.5) / 1000003.0`;
  const pickFrom = (list: readonly string[], salt: number) =>
    `${literalList(list)}[1 + CAST(hash(${s}, f.fid, y.year, r.slot, ${salt}) % ${list.length} AS BIGINT)]`;
  await session.run(`
    INSERT INTO ${target}
    SELECT y.year, f.code, f.name, f.city,
      CASE WHEN ${u(1)} < 0.7 THEN '进口' ELSE '出口' END,
      ${pickFrom(products, 2)},
      ${pickFrom(MODES, 3)},
      ${pickFrom(ORIGINS, 4)},
      round(exp(9.5 + 1.5 * sqrt(-2 * ln(${u(5)})) * cos(2 * pi() * ${u(6)})), 2),
      greatest(1, round(exp(4 + 1.2 * sqrt(-2 * ln(${u(7)})) * cos(2 * pi() * ${u(8)})))),
      ${firstKey} + (f.fid * ${years} + (y.year - ${PARAMS.years[0]})) * ${rowsPerYear} + r.slot
    FROM bulk_firms f
    JOIN range(${PARAMS.years[0]}, ${PARAMS.years[1] + 1}) y(year) ON y.year BETWEEN f.entry AND f.exit
    CROSS JOIN range(0, ${rowsPerYear}) r(slot)`);
  await session.run("DROP TABLE bulk_firms");
}
