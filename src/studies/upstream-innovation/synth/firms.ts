/**
 * The firm universe: every registered firm with its kind, city, industry, names and codes, ASIE
 * spell (entry and exit years) and the latent types that drive the heterogeneous effects.
 */
import { bernoulli, pick, shuffle, weightedIndex } from "../../../synth/distributions.js";
import { type Rng, streamRng } from "../../../synth/rng.js";
import type { City } from "./geography.js";
import { CIC_INDUSTRIES, type IndustryGroup } from "./industries.js";
import { CoreNames, type FirmName, makeName, type NameKind } from "./firm-names.js";
import { type GapClass, type Ownership, PARAMS } from "./parameters.js";
import type { ScaleSpec } from "./scale.js";
import { SCOPE_KEYWORDS, type ScopeKind } from "./scopes.js";

/** What a firm is. Only the first three are in the ASIE. */
export type FirmKind =
  | "upstream"
  | "downstream"
  | "other"
  | "upstreamSmall"
  | "trader"
  | "service"
  | "registryOther";

/** The firms, one entry per firm in every array. */
export interface Firms {
  readonly n: number;
  readonly kind: readonly FirmKind[];
  /** Index into the run's cities. */
  readonly city: Int32Array;
  /** Index into CIC_INDUSTRIES (−1 for firms outside the ASIE). */
  readonly cic: Int32Array;
  readonly name: readonly FirmName[];
  /** 9-character organisation code (8 digits + check character). */
  readonly orgCode: readonly string[];
  /** Unified social credit code, or null when the registry has none. */
  readonly creditCode: readonly (string | null)[];
  /** 6-digit region code (city code + district). */
  readonly region: readonly string[];
  readonly foundingDate: readonly string[];
  readonly foundingYear: Int32Array;
  /** First and last ASIE year (−1 when never in the ASIE). */
  readonly entry: Int32Array;
  readonly exit: Int32Array;
  readonly ownership: readonly Ownership[];
  /** ASIE registration-type code. */
  readonly regType: readonly string[];
  /** Scope keywords of makers, traders and service firms. */
  readonly keywords: readonly (readonly string[])[];
  readonly scopeKind: readonly ScopeKind[];
  /** Upstream firms with a high markup (low intermediate share of output). */
  readonly highMarkup: Uint8Array;
  /** Technology-gap class of upstream firms ("large" for the others). */
  readonly gap: readonly GapClass[];
  readonly lowConstraint: Uint8Array;
  readonly inventor: Uint8Array;
  readonly exporter: Uint8Array;
  readonly partImporter: Uint8Array;
  readonly patenter: Uint8Array;
}

const REG_TYPES: Readonly<Record<Ownership, readonly string[]>> = {
  state: ["110", "151", "141"],
  foreign: ["310", "320", "330", "210", "220", "230"],
  private: ["171", "172", "173", "174", "160", "159"],
};

/**
 * Generate the firm universe of a scale.
 * @example const firms = buildFirms(seed, spec, cities, placeNames);
 */
export function buildFirms(
  seed: number,
  spec: ScaleSpec,
  cities: readonly City[],
  placeNames: readonly string[],
): Firms {
  const rng = streamRng(seed, "firms");
  const names = new CoreNames(placeNames);
  const plan: FirmKind[] = [
    ...Array<FirmKind>(spec.upstreamFirms).fill("upstream"),
    ...Array<FirmKind>(spec.otherAsieFirms).fill("downstream"),
    ...Array<FirmKind>(spec.upstreamRegistryOnly).fill("upstreamSmall"),
    ...Array<FirmKind>(spec.traders).fill("trader"),
    ...Array<FirmKind>(spec.serviceFirms).fill("service"),
    ...Array<FirmKind>(spec.registryOnlyOther).fill("registryOther"),
  ];
  const n = plan.length;
  const [first, last] = PARAMS.years;
  const cityWeightUp = cities.map((c) => c.size ** 1.3);
  const cityWeight = cities.map((c) => c.size ** 1.1);
  const groups = (g: IndustryGroup) =>
    CIC_INDUSTRIES.map((c, i) => (c.group === g ? i : -1)).filter((i) => i >= 0);
  const upCic = groups("upstream");
  const downCic = groups("downstream");
  const otherCic = groups("other");
  const out = {
    kind: [] as FirmKind[],
    city: new Int32Array(n),
    cic: new Int32Array(n).fill(-1),
    name: [] as FirmName[],
    orgCode: [] as string[],
    creditCode: [] as (string | null)[],
    region: [] as string[],
    foundingDate: [] as string[],
    foundingYear: new Int32Array(n),
    entry: new Int32Array(n).fill(-1),
    exit: new Int32Array(n).fill(-1),
    ownership: [] as Ownership[],
    regType: [] as string[],
    keywords: [] as string[][],
    scopeKind: [] as ScopeKind[],
    highMarkup: new Uint8Array(n),
    gap: [] as GapClass[],
    lowConstraint: new Uint8Array(n),
    inventor: new Uint8Array(n),
    exporter: new Uint8Array(n),
    partImporter: new Uint8Array(n),
    patenter: new Uint8Array(n),
  };
  const usedOrg = new Set<number>();
  for (let i = 0; i < n; i++) {
    let kind = plan[i];
    const isUp = kind === "upstream" || kind === "upstreamSmall";
    const c = weightedIndex(rng, isUp ? cityWeightUp : cityWeight);
    out.city[i] = c;
    let nameKind: NameKind;
    let scopeKind: ScopeKind;
    let keywords: string[] = [];
    if (kind === "downstream") {
      // Non-upstream ASIE firms: a tenth in upstream industries (not makers of the parts), the rest
      // split between robot-using and unrelated industries.
      const u = rng.next();
      const pool = u < 0.1 ? upCic : u < 0.55 ? downCic : otherCic;
      out.cic[i] = pick(rng, pool);
      if (pool === otherCic) kind = "other";
      nameKind = kind === "other" ? "other" : "downstream";
      scopeKind = kind === "other" ? "other" : "downstream";
    } else if (isUp) {
      if (kind === "upstream") out.cic[i] = pick(rng, upCic);
      nameKind = "upstream";
      scopeKind = "maker";
      keywords = [pick(rng, SCOPE_KEYWORDS)];
      if (bernoulli(rng, 0.35)) {
        const k2 = pick(rng, SCOPE_KEYWORDS);
        if (k2 !== keywords[0]) keywords.push(k2);
      }
    } else if (kind === "trader" || kind === "service") {
      nameKind = kind;
      scopeKind = kind;
      keywords = [pick(rng, SCOPE_KEYWORDS)];
    } else {
      nameKind = bernoulli(rng, 0.5) ? "other" : "downstream";
      scopeKind = nameKind === "other" ? "other" : "downstream";
    }
    out.kind.push(kind);
    out.keywords.push(keywords);
    out.scopeKind.push(scopeKind);
    const city = cities[c];
    out.name.push(makeName(rng, names.next(rng, nameKind), city));
    let org: number;
    do org = 10000000 + rng.int(89999999);
    while (usedOrg.has(org));
    usedOrg.add(org);
    const check = rng.int(11);
    const orgCode = `${org}${check === 10 ? "X" : String(check)}`;
    out.orgCode.push(orgCode);
    const region = `${city.code}${String(1 + rng.int(12)).padStart(2, "0")}`;
    out.region.push(region);
    // Firms that closed before 2015 never received a unified credit code.
    out.creditCode.push(
      bernoulli(rng, 0.82) ? `91${region}${orgCode}${"0123456789ABCDEFGHJKLMNPQRTUWXY"[rng.int(31)]}` : null,
    );
    const typeDraw = rng.next();
    const own: Ownership =
      typeDraw < PARAMS.types.ownership.state
        ? "state"
        : typeDraw < PARAMS.types.ownership.state + PARAMS.types.ownership.foreign
          ? "foreign"
          : "private";
    out.ownership.push(own);
    out.regType.push(pick(rng, REG_TYPES[own]));
    out.highMarkup[i] = isUp && bernoulli(rng, PARAMS.types.highMarkup) ? 1 : 0;
    const g = rng.next();
    const gs = PARAMS.types.gap;
    out.gap.push(!isUp || g < gs.large ? "large" : g < gs.large + gs.middle ? "middle" : "small");
    out.lowConstraint[i] = bernoulli(rng, PARAMS.types.lowConstraint) ? 1 : 0;
    out.inventor[i] = bernoulli(rng, PARAMS.types.inventor) ? 1 : 0;
    out.exporter[i] = kind === "upstream" && bernoulli(rng, PARAMS.types.exporter) ? 1 : 0;
    out.partImporter[i] =
      kind === "downstream" &&
      CIC_INDUSTRIES[out.cic[i]].group === "downstream" &&
      bernoulli(rng, PARAMS.types.partImporter)
        ? 1
        : 0;
    out.patenter[i] =
      kind === "upstream" ||
      ((kind === "downstream" || kind === "other") && bernoulli(rng, PARAMS.types.otherPatenter))
        ? 1
        : 0;
    const inAsie = kind === "upstream" || kind === "downstream" || kind === "other";
    let entry: number = first;
    if (inAsie) {
      entry = bernoulli(rng, 0.45) ? first : first + 1 + rng.int(last - first);
      const duration = 3 + Math.floor(-Math.log(1 - rng.next()) * 9);
      out.entry[i] = entry;
      out.exit[i] = Math.min(last, entry + duration);
    } else {
      entry = first + rng.int(last - first + 1);
    }
    const age = Math.floor(-Math.log(1 - rng.next()) * (out.lowConstraint[i] ? 11 : 5));
    const founded = Math.max(1952, entry - age);
    out.foundingYear[i] = founded;
    out.foundingDate.push(
      `${founded}-${String(1 + rng.int(12)).padStart(2, "0")}-${String(1 + rng.int(28)).padStart(2, "0")}`,
    );
  }
  balanceUpstreamTypes(seed, out, n);
  return { n, ...out };
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] extends readonly (infer U)[] ? U[] : T[K] };

/**
 * Labels for n items in the given shares, each class within one of its expected count, in random
 * order (systematic sampling from a random start, then shuffled).
 */
function balancedLabels<L extends string>(rng: Rng, n: number, shares: Readonly<Record<L, number>>): L[] {
  const classes = Object.keys(shares) as L[];
  const start = rng.next();
  const labels: L[] = [];
  for (let p = 0; p < n; p++) {
    const x = (p + start) / n;
    let acc = 0;
    let label = classes[classes.length - 1];
    for (const c of classes) {
      acc += shares[c];
      if (x < acc) {
        label = c;
        break;
      }
    }
    labels.push(label);
  }
  return shuffle(rng, labels);
}

/**
 * The upstream makers' types (markup, financing constraint, ownership, technology gap) assigned in
 * their population shares within every city, so that the 2SLS weights (which vary by city) do not
 * tilt the estimands away from the cell means; types stay independent of one another and of
 * everything else. The founding dates, which depend on the financing type, are redrawn.
 */
function balanceUpstreamTypes(seed: number, out: Omit<Mutable<Firms>, "n">, n: number): void {
  const rng = streamRng(seed, "firms/types");
  const byCity = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    if (out.kind[i] !== "upstream") continue;
    const list = byCity.get(out.city[i]) ?? [];
    list.push(i);
    byCity.set(out.city[i], list);
  }
  const t = PARAMS.types;
  for (const c of [...byCity.keys()].sort((a, b) => a - b)) {
    const firms = byCity.get(c) as number[];
    const m = firms.length;
    const markup = balancedLabels(rng, m, { yes: t.highMarkup, no: 1 - t.highMarkup });
    const constraint = balancedLabels(rng, m, { low: t.lowConstraint, high: 1 - t.lowConstraint });
    const own = balancedLabels(rng, m, t.ownership);
    const gap = balancedLabels(rng, m, t.gap);
    firms.forEach((i, r) => {
      out.highMarkup[i] = markup[r] === "yes" ? 1 : 0;
      out.lowConstraint[i] = constraint[r] === "low" ? 1 : 0;
      out.ownership[i] = own[r];
      out.regType[i] = pick(rng, REG_TYPES[own[r]]);
      out.gap[i] = gap[r];
      const age = Math.floor(-Math.log(1 - rng.next()) * (out.lowConstraint[i] ? 11 : 5));
      const founded = Math.max(1952, out.entry[i] - age);
      out.foundingYear[i] = founded;
      out.foundingDate[i] =
        `${founded}-${String(1 + rng.int(12)).padStart(2, "0")}-${String(1 + rng.int(28)).padStart(2, "0")}`;
    });
  }
}

/**
 * Whether firm i is in the ASIE in `year`.
 * @example if (inAsie(firms, i, 2005)) { … }
 */
export function inAsie(firms: Firms, i: number, year: number): boolean {
  return firms.entry[i] >= 0 && year >= firms.entry[i] && year <= firms.exit[i];
}
