/**
 * Patent applications as the patent database records them: one row per application with the first
 * applicant's name as filed (a variant of the registered name), the application year, type and
 * address, with the noise of real applicant names (former names before a rename, homophone typos,
 * traditional characters; name-noise.ts); plus applications of firms outside the ASIE,
 * universities, institutes and individuals. Each row keeps its firm (the linkage truth).
 */
import { bernoulli, pick } from "../../../synth/distributions.js";
import { type Rng, streamRng } from "../../../synth/rng.js";
import type { AsiePanel } from "./asie-panel.js";
import { address } from "./addresses.js";
import type { City } from "./geography.js";
import type { Firms } from "./firms.js";
import { institutionName, personName } from "./firm-names.js";
import { PATENT_NOISE, sourceName } from "./name-noise.js";
import type { Outcomes } from "./outcomes.js";
import type { ScaleSpec } from "./scale.js";
import { partProducts } from "./scopes.js";

/** Patent rows in the canonical columns of the `patents` source. */
export interface PatentRows {
  readonly applicationNo: string[];
  readonly applicant: string[];
  readonly year: number[];
  readonly type: string[];
  readonly address: string[];
  readonly title: string[];
  /** The applicant firm's index in the firm universe (-1: a university, institute or person). */
  readonly firm: number[];
}

const TYPES = ["发明", "实用新型", "外观设计"] as const;
const GENERIC = [
  "连接装置",
  "控制方法",
  "检测装置",
  "固定结构",
  "散热结构",
  "加工工艺",
  "装配工装",
  "驱动装置",
];

class Numbering {
  private readonly next = new Map<string, number>();
  issue(year: number, type: number): string {
    const key = `${year}${type}`;
    const serial = (this.next.get(key) ?? 0) + 1;
    this.next.set(key, serial);
    const body = `${year}${type + 1}${String(serial).padStart(7, "0")}`;
    let sum = 0;
    for (let i = 0; i < body.length; i++) sum += Number(body[i]) * ((i % 8) + 2);
    const check = sum % 11;
    return `${body}.${check === 10 ? "X" : check}`;
  }
}

function title(rng: Rng, type: number, keywords: readonly string[]): string {
  const product = keywords.length
    ? pick(rng, partProducts(pick(rng, keywords)))
    : pick(rng, ["机械零件", "电子装置", "包装容器", "加工设备"]);
  if (type === 2) return `${product}（${pick(rng, ["A型", "B型", "紧凑型", "标准型"])}）`;
  return `一种${product}的${pick(rng, GENERIC)}`;
}

/**
 * All patent rows: the counts of the ASIE firm-years, then the applications of everyone else.
 * @example const pats = buildPatents(seed, spec, firms, cities, asie, outcomes);
 */
export function buildPatents(
  seed: number,
  spec: ScaleSpec,
  firms: Firms,
  cities: readonly City[],
  asie: AsiePanel,
  out: Outcomes,
): PatentRows {
  const rng = streamRng(seed, "patents/rows");
  const noise = streamRng(seed, "patents/name-noise");
  const rows: PatentRows = {
    applicationNo: [],
    applicant: [],
    year: [],
    type: [],
    address: [],
    title: [],
    firm: [],
  };
  const numbers = new Numbering();
  const add = (
    applicant: string,
    year: number,
    type: number,
    addr: string,
    kw: readonly string[],
    firm: number,
  ) => {
    rows.firm.push(firm);
    rows.applicationNo.push(numbers.issue(year, type));
    rows.applicant.push(applicant);
    rows.year.push(year);
    rows.type.push(TYPES[type]);
    rows.address.push(addr);
    rows.title.push(title(rng, type, kw));
  };
  const firmAddress = new Map<number, string>();
  for (let k = 0; k < asie.n; k++) {
    const total = out.patents[k];
    if (total === 0) continue;
    const i = asie.firm[k];
    const city = cities[firms.city[i]];
    let addr = firmAddress.get(i);
    if (!addr) {
      addr = address(rng, city, bernoulli(rng, 0.8));
      firmAddress.set(i, addr);
    }
    const inv = out.inventions[k];
    for (let p = 0; p < total; p++) {
      const type = p < inv ? 0 : bernoulli(rng, 0.75) ? 1 : 2;
      const applicant = sourceName(rng, noise, firms.name[i], city, 0.35, asie.year[k], PATENT_NOISE);
      add(applicant, asie.year[k], type, addr, firms.keywords[i], i);
    }
  }
  // Applicants outside the ASIE: small component makers, universities and institutes, individuals.
  const small: number[] = [];
  for (let i = 0; i < firms.n; i++) if (firms.kind[i] === "upstreamSmall") small.push(i);
  for (const i of small) {
    if (!bernoulli(rng, 0.5)) continue;
    const city = cities[firms.city[i]];
    const addr = address(rng, city);
    const k = 1 + rng.int(6);
    for (let p = 0; p < k; p++)
      add(firms.name[i].name, 2000 + rng.int(14), rng.int(3), addr, firms.keywords[i], i);
  }
  for (let a = 0; a < spec.otherApplicants; a++) {
    const city = pick(rng, cities);
    const applicant = bernoulli(rng, 0.4) ? institutionName(rng, city) : personName(rng);
    const k = 1 + rng.int(4);
    const addr = address(rng, city);
    for (let p = 0; p < k; p++) add(applicant, 2000 + rng.int(14), rng.int(3), addr, [], -1);
  }
  return rows;
}
