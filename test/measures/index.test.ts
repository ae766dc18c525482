import { describe, expect, it } from "vitest";
import * as measures from "../../src/measures/index.js";

const f = (...v: number[]) => Float64Array.from(v);
const plain = [1, 2] as unknown as Float64Array;

describe("measures index", () => {
  it("exports every measure of the public API by name", () => {
    const names = [
      "winsorize",
      "standardize",
      "lag",
      "cityShare",
      "shiftShareInstrument",
      "robotExposure",
      "divergence",
      "theilRationalization",
      "upgradingIndex",
      "similarityMatch",
      "matchedInstrument",
      "laborReplacement",
      "structureMatch",
      "economyClasses",
      "techGap",
      "saIndex",
      "hhi",
      "levinsohnPetrin",
      "markupDLW",
      "domesticValueAdded",
      "kdensity",
      "productionGmm",
      "nelderMead",
    ] as const;
    const api: Record<string, unknown> = { ...measures };
    for (const name of names) expect(typeof api[name], name).toBe("function");
  });

  it("names the argument when a column is not a Float64Array", () => {
    const cases: [() => unknown, RegExp][] = [
      [() => measures.winsorize(plain, 1), /winsorize: argument "x" must be a Float64Array/],
      [() => measures.standardize(plain), /standardize: argument "x" must be a Float64Array/],
      [() => measures.lag(plain, Int32Array.of(1, 1), f(1, 2)), /lag: argument "x" must be a Float64Array/],
      [
        () => measures.cityShare(plain, Int32Array.of(1, 1), f(1, 1)),
        /cityShare: argument "value" must be a Float64Array/,
      ],
      [
        () => measures.robotExposure(f(1, 2), plain),
        /robotExposure: argument "baseEmployment" must be a Float64Array/,
      ],
      [
        () => measures.divergence(plain, Int32Array.of(1, 1)),
        /divergence: argument "tfp" must be a Float64Array/,
      ],
      [
        () => measures.hhi(f(1, 2), plain as unknown as Int32Array),
        /hhi: argument "by" must be a key column .* plain Array/,
      ],
      [() => measures.techGap(plain, f(1, 2)), /techGap: argument "frontierLnLp" must be a Float64Array/],
      [() => measures.saIndex(f(1, 2), plain), /saIndex: argument "age" must be a Float64Array/],
      [
        () => measures.economyClasses(plain, f(1, 2)),
        /economyClasses: argument "baseTfp" must be a Float64Array/,
      ],
      [
        () => measures.laborReplacement(plain, Int32Array.of(1, 1), f(1, 2)),
        /laborReplacement: argument "emp" must be a Float64Array/,
      ],
      [
        () => measures.theilRationalization(f(1, 2), plain, Int32Array.of(1, 1), f(1, 1)),
        /theilRationalization: argument "employment" must be a Float64Array/,
      ],
      [
        () => measures.similarityMatch(plain, Int32Array.of(1, 2), f(1, 1)),
        /similarityMatch: argument "series" must be a Float64Array/,
      ],
      [() => measures.kdensity(plain), /kdensity: argument "x" must be a Float64Array/],
      [
        () =>
          measures.productionGmm({
            output: f(1, 2),
            labor: plain,
            capital: f(1, 2),
            materials: f(1, 2),
            id: Int32Array.of(1, 1),
            time: f(1, 2),
          }),
        /productionGmm: argument "labor" must be a Float64Array/,
      ],
      [
        () =>
          measures.levinsohnPetrin({
            va: plain,
            labor: f(1, 2),
            capital: f(1, 2),
            proxy: f(1, 2),
            id: f(1, 1),
            time: f(1, 2),
          }),
        /levinsohnPetrin: argument "va" must be a Float64Array/,
      ],
      [
        () => measures.markupDLW({ output: f(1, 2), inputs: [f(1, 2)], elasticity: 0.5, expenditure: plain }),
        /markupDLW: argument "expenditure" must be a Float64Array/,
      ],
      [
        () =>
          measures.domesticValueAdded({
            processingExports: f(1),
            ordinaryExports: f(1),
            processingImports: f(1),
            ordinaryImports: plain,
            sales: f(1),
          }),
        /domesticValueAdded: argument "ordinaryImports" must be a Float64Array/,
      ],
    ];
    for (const [call, message] of cases) expect(call).toThrow(message);
  });
});
