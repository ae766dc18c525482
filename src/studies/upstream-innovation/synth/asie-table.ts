/**
 * The ASIE as written: one row per firm-year with the organisation code in its varying formats,
 * the name as reported that year, industry, region, the accounts (thousand yuan), registration
 * type, founding year, export delivery value and the product list where recorded.
 */
import { streamRng } from "../../../synth/rng.js";
import type { AsiePanel } from "./asie-panel.js";
import type { Firms } from "./firms.js";
import { nameVariant } from "./firm-names.js";
import type { City } from "./geography.js";
import { CIC_INDUSTRIES } from "./industries.js";
import type { Outcomes } from "./outcomes.js";
import { partProducts } from "./scopes.js";
import type { GeneratedColumn } from "./write-columns.js";

const GENERIC_PRODUCTS = [
  "金属零件",
  "塑料制品",
  "电子组件",
  "机械配件",
  "包装材料",
  "纺织品",
  "化工制品",
  "建材制品",
];

const round3 = (v: number) => Math.round(v * 1000) / 1000;

function productList(firms: Firms, i: number, count: number): string {
  const pool = firms.keywords[i].length
    ? firms.keywords[i].flatMap((k) => partProducts(k))
    : GENERIC_PRODUCTS;
  const items: string[] = [];
  for (let p = 0; p < count; p++) {
    const base = pool[p % pool.length];
    items.push(
      p < pool.length ? base : `${base}（${String.fromCharCode(65 + Math.floor(p / pool.length) - 1)}系列）`,
    );
  }
  return items.join("；");
}

/**
 * The ASIE's columns.
 * @example const cols = asieColumns(seed, firms, cities, asie, outcomes);
 */
export function asieColumns(
  seed: number,
  firms: Firms,
  cities: readonly City[],
  asie: AsiePanel,
  out: Outcomes,
): GeneratedColumn[] {
  const rng = streamRng(seed, "asie/table");
  const n = asie.n;
  const org: string[] = [];
  const name: string[] = [];
  const cic: string[] = [];
  const region: string[] = [];
  const own: string[] = [];
  const products: (string | null)[] = [];
  const exportValue = new Float64Array(n);
  const intermediate = new Float64Array(n);
  const output = new Float64Array(n);
  const expense = new Float64Array(n);
  const profit = new Float64Array(n);
  const founding = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const i = asie.firm[k];
    const code = firms.orgCode[i];
    const style = rng.next();
    org.push(style < 0.55 ? `${code.slice(0, 8)}-${code[8]}` : style < 0.97 ? code : ` ${code}`);
    name.push(nameVariant(rng, firms.name[i], cities[firms.city[i]], 0.12));
    cic.push(CIC_INDUSTRIES[firms.cic[i]].cic4);
    region.push(firms.region[i]);
    own.push(firms.regType[i]);
    output[k] = round3(out.output[k]);
    intermediate[k] = round3(out.output[k] - asie.valueAdded[k]);
    expense[k] = round3(out.salesExpense[k]);
    profit[k] = round3(out.profit[k]);
    founding[k] = firms.foundingYear[i];
    exportValue[k] = round3(out.exportShare[k] * asie.sales[k]);
    products.push(out.products[k] > 0 ? productList(firms, i, out.products[k]) : null);
  }
  return [
    { name: "year", type: "integer", values: Float64Array.from(asie.year) },
    { name: "org_code", type: "string", values: org },
    { name: "firm_name", type: "string", values: name },
    { name: "cic4", type: "string", values: cic },
    { name: "region_code", type: "string", values: region },
    { name: "output", type: "number", values: output },
    { name: "value_added", type: "number", values: asie.valueAdded },
    { name: "employment", type: "number", values: asie.employment },
    { name: "net_fixed_assets", type: "number", values: asie.netFixedAssets },
    { name: "total_assets", type: "number", values: asie.totalAssets },
    { name: "sales", type: "number", values: asie.sales },
    { name: "sales_expense", type: "number", values: expense },
    { name: "total_profit", type: "number", values: profit },
    { name: "intermediate_inputs", type: "number", values: intermediate },
    { name: "ownership_type", type: "string", values: own },
    { name: "founding_year", type: "integer", values: founding },
    { name: "export_value", type: "number", values: exportValue },
    { name: "products", type: "string", values: products },
  ];
}
