/**
 * The twin's linkage truth, written beside its sources as `linkage-truth.parquet`: for every
 * patent application (by application number), customs enterprise code and registry name, the
 * organisation code of the ASIE firm it belongs to ("" when its firm is not in the ASIE). The
 * pipeline scores its name linkage against it (precision and recall in review/linkage.json) when
 * it runs on the twin; a user's own data has no such file.
 */
import { join } from "node:path";
import type { DataSession } from "../../../io/session.js";
import { LINKAGE_TRUTH_FILE } from "../steps/link-accuracy.js";
import type { AsiePanel } from "./asie-panel.js";
import { customsCode } from "./customs-rows.js";
import type { Firms } from "./firms.js";
import type { City } from "./geography.js";
import type { PatentRows } from "./patents.js";
import { stageColumns, writeStaged } from "./write-columns.js";

/**
 * Write `linkage-truth.parquet` (source, key, firm) into `dir`.
 * @example await writeLinkageTruth(session, dir, firms, cities, asie, patents);
 */
export async function writeLinkageTruth(
  session: DataSession,
  dir: string,
  firms: Firms,
  cities: readonly City[],
  asie: AsiePanel,
  patents: PatentRows,
): Promise<void> {
  const inAsie = new Uint8Array(firms.n);
  for (let k = 0; k < asie.n; k++) inAsie[asie.firm[k]] = 1;
  const org = (i: number) => (i >= 0 && inAsie[i] ? firms.orgCode[i] : "");
  const source: string[] = [];
  const key: string[] = [];
  const firm: string[] = [];
  const add = (s: string, k: string, f: string) => {
    source.push(s);
    key.push(k);
    firm.push(f);
  };
  for (let r = 0; r < patents.applicationNo.length; r++)
    add("patents", patents.applicationNo[r], org(patents.firm[r]));
  for (let i = 0; i < firms.n; i++) {
    const city = cities[firms.city[i]].code;
    // Customs enterprise codes of the firm: of its own rows (customs-rows.ts) and of the bulk
    // (customs-bulk.ts: the city code, 5, the serial); the two coincide for every fifth firm.
    const codes = new Set([customsCode(city, i), `${city}5${String(i % 100000).padStart(5, "0")}`]);
    for (const code of codes) add("customs", code, org(i));
    add("registry", firms.name[i].name, org(i));
  }
  await stageColumns(session, "linkage_truth", [
    { name: "source", type: "string", values: source },
    { name: "key", type: "string", values: key },
    { name: "firm", type: "string", values: firm },
  ]);
  await writeStaged(session, "linkage_truth", join(dir, LINKAGE_TRUTH_FILE), "source, key, firm");
}
