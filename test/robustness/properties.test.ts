/**
 * Issue 8 item 5: random input to the formula parser, the CSV reader and the `estimate` option
 * parsers gives either a correct result or a clear error — an Error of the project's kind with a
 * one-line message — never a JavaScript fault (TypeError, RangeError, …) or a stack trace.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { formulaVariables, parseFormula } from "../../src/formula/formula.js";
import { DtaError } from "../../src/io/dta/errors.js";
import { loadFrame } from "../../src/io/load-frame.js";
import { cliInProcess } from "./cli.js";

const dir = mkdtempSync(join(tmpdir(), "rm-props-"));
let files = 0;

/** A clear error: a plain Error (or DtaError) with a non-empty message that carries no stack trace. */
function expectClearError(err: unknown, prefix?: RegExp): void {
  expect(err).toBeInstanceOf(Error);
  const e = err as Error;
  expect([Error, DtaError], `${e.constructor.name}: ${e.message}`).toContain(e.constructor);
  expect(e.message.trim().length).toBeGreaterThan(0);
  expect(e.message).not.toMatch(/\n\s+at |INTERNAL Error|undefined|\[object Object\]/);
  if (prefix) expect(e.message).toMatch(prefix);
}

// --- formula parser ---------------------------------------------------------------------------

const plainName = fc.oneof(
  fc.stringMatching(/^[a-z][a-z0-9_]{0,6}$/),
  fc.constantFrom("企业", "行业", "年份", "城市代码", "产出", "x.1", "_id", "变量_2"),
);
const quotedName = fc.oneof(
  plainName,
  fc.stringMatching(/^[^`]{1,8}$/).map((s) => `\`${s}\``),
);
/** Tokens the formula language knows, and some it does not, for random sequences. */
const token = fc.oneof(
  quotedName,
  fc.constantFrom("+", "-", "*", "/", "^", ":", "|", "~", "(", ")", ",", "`", " ", "0", "1", "2.5e3", ".5"),
  fc.constantFrom(
    "log(",
    "I(",
    "exp(",
    "sqrt(",
    "poly(",
    "i(",
    "$",
    "@",
    "#",
    "'",
    '"',
    "\\",
    "\u0000",
    "𠀀",
  ),
);

describe("formula parser on random input", () => {
  it("any string: a Formula or an error starting 'formula:'", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ maxLength: 60 }),
          fc.array(token, { maxLength: 25 }).map((t) => t.join("")),
        ),
        (text) => {
          let f: ReturnType<typeof parseFormula>;
          try {
            f = parseFormula(text);
          } catch (err) {
            expectClearError(err, /^formula: /);
            return;
          }
          for (const v of formulaVariables(f)) expect(v.length).toBeGreaterThan(0);
          expect(f.lhsLabel.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it("generated well-formed formulas parse into exactly their terms, FE and IV parts", () => {
    const distinct = (n: number) => fc.uniqueArray(quotedName, { minLength: n, maxLength: n + 3 });
    fc.assert(
      fc.property(distinct(1), distinct(0), distinct(0), fc.boolean(), (xs, fes, ivs, withIv) => {
        const strip = (n: string) => n.replace(/^`|`$/g, "");
        const names = [...xs, ...fes, ...ivs].map(strip);
        fc.pre(
          new Set(names).size === names.length && !names.includes("y") && !names.some((n) => n.trim() !== n),
        );
        fc.pre(names.every((n) => !/^\d|^\.\d/.test(n)));
        const iv = withIv && ivs.length >= 2 ? ` | ${ivs[0]} ~ ${ivs.slice(1).join(" + ")}` : "";
        const fe = fes.length ? ` | ${fes.join(" + ")}` : "";
        const f = parseFormula(`y ~ ${xs.join(" + ")}${fe}${iv}`);
        expect(f.terms.map((t) => t.label)).toEqual(xs.map(strip));
        expect(f.fixedEffects.map((e) => e.vars)).toEqual(fes.map((n) => [strip(n)]));
        expect(f.endog.map((t) => t.label)).toEqual(iv ? [strip(ivs[0])] : []);
        expect(f.instruments.map((t) => t.label)).toEqual(iv ? ivs.slice(1).map(strip) : []);
      }),
      { numRuns: 1000 },
    );
  });
});

// --- CSV reader -----------------------------------------------------------------------------

/** A cell of a hostile CSV. */
const cell = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.double({ noNaN: true }).map(String),
  fc.constantFrom(
    "",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "Inf",
    "1e309",
    "-1e309",
    "NA",
    ".",
    "0001",
    "913200000000000001",
  ),
  fc.constantFrom('"a,b"', '"unclosed', 'x"y', "中文", "\t", " 1 ", "1,5", "TRUE", "2020-01-01"),
  fc.string({ maxLength: 6 }),
);

async function readCsvBytes(bytes: Buffer): Promise<"ok" | unknown> {
  const path = join(dir, `r${files++}.csv`);
  writeFileSync(path, bytes);
  try {
    const frame = await loadFrame(path, { onWarning: () => {} });
    expect(frame.names.length).toBeGreaterThan(0);
    for (const name of frame.names) expect(frame.columns[name]).toBeDefined();
    return "ok";
  } catch (err) {
    return err;
  }
}

describe("CSV reader on random input", () => {
  it("random rows of hostile cells (and random bytes): a frame or a clear error", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc
            .tuple(
              fc.array(fc.oneof(plainName, fc.constantFrom("", "a b", "企业", '"q"')), {
                minLength: 1,
                maxLength: 4,
              }),
              fc.array(fc.array(cell, { minLength: 0, maxLength: 5 }), { maxLength: 6 }),
              fc.constantFrom(",", ";", "\t"),
              fc.constantFrom("\n", "\r\n", ""),
            )
            .map(([header, rows, sep, end]) =>
              Buffer.from([header.join(sep), ...rows.map((r) => r.join(sep))].join("\n") + end),
            ),
          fc.uint8Array({ maxLength: 200 }).map((b) => Buffer.from(b)),
        ),
        async (bytes) => {
          const r = await readCsvBytes(bytes);
          if (r !== "ok") expectClearError(r);
        },
      ),
      { numRuns: 200 },
    );
  }, 120_000);

  it("well-formed numeric CSVs read back exactly, NaN/nan/inf/-inf text and empty cells as missing", async () => {
    const value = fc.oneof(
      { weight: 4, arbitrary: fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }) },
      { weight: 1, arbitrary: fc.constant(Number.NaN) },
    );
    await fc.assert(
      fc.asyncProperty(
        fc
          .integer({ min: 1, max: 4 })
          .chain((k) =>
            fc.array(fc.array(value, { minLength: k, maxLength: k }), { minLength: 1, maxLength: 8 }),
          ),
        fc.constantFrom("", "NaN", "nan", "inf", "-inf"),
        async (rows, missingText) => {
          const k = rows[0].length;
          // An empty line is a blank line, not a missing value (DuckDB, R and Stata skip it).
          const missing = k === 1 && missingText === "" ? "NaN" : missingText;
          const names = Array.from({ length: k }, (_, j) => `v${j}`);
          // A column that is missing everywhere has no type to infer: keep one number per column.
          const data = rows.map((r) => r.map((v) => (Number.isNaN(v) ? v : Object.is(v, -0) ? 0 : v)));
          data.push(names.map((_, j) => j + 0.5));
          const text = [
            names.join(","),
            ...data.map((r) => r.map((v) => (Number.isNaN(v) ? missing : String(v))).join(",")),
          ];
          const path = join(dir, `ok${files++}.csv`);
          writeFileSync(path, `${text.join("\n")}\n`);
          const frame = await loadFrame(path, { onWarning: () => {} });
          expect(frame.names).toEqual(names);
          names.forEach((name, j) => {
            const col = frame.columns[name];
            expect(col.type).toBe("number");
            if (col.type !== "number") return;
            expect(Array.from(col.values)).toEqual(data.map((r) => r[j]));
          });
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});

// --- estimate option parsers ------------------------------------------------------------------

const numberText = fc.oneof(
  fc.constantFrom(
    "0",
    "1",
    "2",
    "3",
    "-1",
    "1.5",
    "1e309",
    "NaN",
    "",
    " ",
    "abc",
    "0x10",
    "99999999999",
    "auto",
    "Infinity",
  ),
  fc.integer({ min: -5, max: 500 }).map(String),
);
const freeText = fc.string({ maxLength: 12 });
const flagValues: Record<string, fc.Arbitrary<string>> = {
  "--vcov": fc.oneof(
    fc.constantFrom(
      "iid",
      "hetero",
      "HC1",
      "cluster: g",
      "cluster:g+t",
      "cl=g",
      "cluster:",
      "cluster: nope",
      "dkraay",
      "kiefer",
      "cluster: g^t",
    ),
    freeText,
  ),
  "--estimator": fc.oneof(
    fc.constantFrom("2sls", "liml", "fuller:1", "fuller:x", "kclass:0.5", "kclass:", "gmm2s", "ols"),
    freeText,
  ),
  "--kernel": fc.oneof(
    fc.constantFrom("bartlett", "parzen", "qs", "tent", "truncated", "BARTLETT"),
    freeText,
  ),
  "--bw": numberText,
  "--time": fc.constantFrom("t", "g", "nope", "y"),
  "--panel": fc.constantFrom("g", "t", "nope"),
  "--weights": fc.constantFrom("wt", "x", "y", "nope", "negw", "g"),
  "--weight-type": fc.oneof(fc.constantFrom("aweight", "fweight", "pweight", "iweight"), freeText),
  "--ssc": fc.oneof(fc.constantFrom("stata", "fixest"), freeText),
  "--dofminus": numberText,
  "--sdofminus": numberText,
  "--demean-tol": numberText,
  "--demean-maxiter": numberText,
  "--boot": fc.constantFrom("wild", "pairs", ""),
  "--boot-reps": numberText,
  "--boot-weights": fc.oneof(fc.constantFrom("rademacher", "webb", "mammen", "normal"), freeText),
  "--boot-seed": numberText,
  "--boot-h0": numberText,
  "--boot-cluster": fc.constantFrom("g", "t", "nope"),
  "--family": fc.constantFrom("poisson", "gaussian"),
};
/** Flags that change the point estimates (the others change only inference). */
const CHANGES_ESTIMATES = new Set([
  "--estimator",
  "--weights",
  "--weight-type",
  "--family",
  "--demean-tol",
  "--demean-maxiter",
]);

let csv: string;
let baseline: Record<string, number[]>;
const FORMULAS = ["y ~ x", "y ~ x | g", "y ~ x | w ~ z", "y ~ x | g | w ~ z"];

beforeAll(async () => {
  const lines = ["y,x,z,w,g,t,wt,negw"];
  let s = 5;
  const r = () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
  for (let i = 0; i < 120; i++) {
    const x = r();
    const z = r();
    const w = 0.7 * z + 0.3 * x + 0.3 * r();
    const g = i % 8;
    const t = Math.floor(i / 8);
    lines.push([1 + x - w + 0.5 * r() + g * 0.1, x, z, w, g, t, 1 + (i % 3), i === 4 ? -1 : 1].join(","));
  }
  csv = join(dir, "options.csv");
  writeFileSync(csv, `${lines.join("\n")}\n`);
  baseline = {};
  for (const f of FORMULAS) {
    const o = await cliInProcess(["estimate", "--data", csv, "--formula", f, "--json"]);
    baseline[f] = JSON.parse(o.out).coefficients.map((c: { estimate: number }) => c.estimate);
  }
});

describe("estimate's option parsers on random values", () => {
  it("each combination of flags estimates what it should or fails naming the problem", async () => {
    const flags = fc.uniqueArray(fc.constantFrom(...Object.keys(flagValues)), { minLength: 1, maxLength: 4 });
    const call = flags.chain((names) =>
      fc.tuple(
        fc.constant(names),
        fc.tuple(...names.map((n) => flagValues[n])),
        fc.constantFrom(...FORMULAS),
      ),
    );
    await fc.assert(
      fc.asyncProperty(call, async ([names, values, formula]) => {
        const args = names.flatMap((n, j) => [n, values[j]]);
        const o = await cliInProcess(["estimate", "--data", csv, "--formula", formula, "--json", ...args]);
        expect(
          o.thrown === undefined || !(o.thrown instanceof TypeError || o.thrown instanceof RangeError),
          String(o.thrown),
        ).toBe(true);
        if (o.code !== 0) {
          if (o.code === 1) expectClearError(o.thrown);
          expect(o.err.trim().length).toBeGreaterThan(0);
          expect(o.err).not.toMatch(/\n\s+at /);
          expect(o.out).toBe("");
          return;
        }
        const res = JSON.parse(o.out);
        const est: number[] = res.coefficients.map((c: { estimate: number }) => c.estimate);
        for (const c of res.coefficients) {
          expect(Number.isFinite(c.estimate), `${args.join(" ")}: ${c.term}`).toBe(true);
          expect(
            Number.isFinite(c.se) || res.notes.join(" ").length > 0,
            `${args.join(" ")}: se of ${c.term}`,
          ).toBe(true);
        }
        if (!names.some((n) => CHANGES_ESTIMATES.has(n))) {
          est.forEach((b, j) => {
            expect(Math.abs(b - baseline[formula][j]), `${args.join(" ")}`).toBeLessThan(
              1e-9 * (1 + Math.abs(b)),
            );
          });
        }
      }),
      { numRuns: 150 },
    );
  }, 300_000);
});
