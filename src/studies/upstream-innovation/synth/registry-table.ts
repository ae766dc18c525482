/**
 * The business registry: every firm with its (possibly missing) credit code, registered name,
 * business scope, address, founding date and registered capital.
 */
import { bernoulli } from "../../../synth/distributions.js";
import { streamRng } from "../../../synth/rng.js";
import { address } from "./addresses.js";
import type { Firms } from "./firms.js";
import type { City } from "./geography.js";
import { renameOf } from "./name-noise.js";
import { scopeText } from "./scopes.js";
import type { GeneratedColumn } from "./write-columns.js";

/**
 * The registry's columns.
 * @example const cols = registryColumns(seed, firms, cities);
 */
export function registryColumns(seed: number, firms: Firms, cities: readonly City[]): GeneratedColumn[] {
  const rng = streamRng(seed, "registry");
  const scope: string[] = [];
  const addr: string[] = [];
  const capital = new Float64Array(firms.n);
  const former: (string | null)[] = [];
  for (let i = 0; i < firms.n; i++) {
    const city = cities[firms.city[i]];
    scope.push(scopeText(rng, firms.scopeKind[i], firms.keywords[i]));
    addr.push(address(rng, city, bernoulli(rng, 0.9)));
    capital[i] = Math.round(Math.exp(6 + 1.2 * rng.normal()));
    const rename = renameOf(firms.name[i], city);
    former.push(rename ? `${rename.formerName}@${rename.until}` : null);
  }
  return [
    { name: "credit_code", type: "string", values: firms.creditCode },
    { name: "firm_name", type: "string", values: firms.name.map((n) => n.name) },
    { name: "scope", type: "string", values: scope },
    { name: "address", type: "string", values: addr },
    { name: "founding_date", type: "string", values: firms.foundingDate },
    { name: "registered_capital", type: "number", values: capital },
    { name: "former_names", type: "string", values: former },
  ];
}
