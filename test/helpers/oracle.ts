/**
 * Shared helpers for the oracle tests: reading the vendored fixtures through the data layer and
 * comparing numbers with relative tolerances.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { Frame, NumericColumn } from "../../src/frame/frame.js";
import { loadFrame } from "../../src/io/load-frame.js";

export const FIXTURES = join(import.meta.dirname, "..", "fixtures");

/** Parse a vendored JSON fixture. */
export function readJson<T>(...path: string[]): T {
  return JSON.parse(readFileSync(join(FIXTURES, ...path), "utf8")) as T;
}

const frames = new Map<string, Promise<Frame>>();

/** Load (once) a fixture data file through the DuckDB data layer. */
export function fixtureFrame(...path: string[]): Promise<Frame> {
  const key = path.join("/");
  let f = frames.get(key);
  if (!f) {
    f = loadFrame(join(FIXTURES, ...path), { onWarning: () => {} });
    frames.set(key, f);
  }
  return f;
}

/**
 * The values Stata actually held: the ivreg2 fixtures were computed on Stata `float` variables and
 * exported as CSV with about eight significant digits. Rounding every non-integer value to the
 * nearest IEEE single recovers the stored value exactly (integers are stored exactly either way), so
 * the comparison measures the estimator, not the CSV's printing.
 */
export function asStataFloat(frame: Frame): Frame {
  const columns: Frame["columns"] = Object.fromEntries(
    frame.names.map((name) => {
      const col = frame.columns[name];
      if (col.type !== "number") return [name, col];
      const values = col.values.map((v) => (Number.isInteger(v) ? v : Math.fround(v)));
      return [name, { type: "number", values } satisfies NumericColumn];
    }),
  );
  return { ...frame, columns };
}

/** |actual − expected| ≤ tol·|expected| (or ≤ tol absolutely when |expected| < tiny). */
export function expectRel(
  actual: number | null | undefined,
  expected: number,
  tol: number,
  what: string,
): void {
  expect(actual, `${what}: missing`).not.toBeNull();
  expect(actual, `${what}: missing`).not.toBeUndefined();
  const a = actual as number;
  const err = Math.abs(a - expected);
  const ok = err <= tol * Math.abs(expected) || (Math.abs(expected) < 1e-300 && err <= tol);
  expect(
    ok,
    `${what}: got ${a}, expected ${expected} (relative error ${(err / Math.abs(expected)).toExponential(2)}, tolerance ${tol})`,
  ).toBe(true);
}

/** p-values: within tol absolutely or relatively. */
export function expectP(
  actual: number | null | undefined,
  expected: number,
  tol: number,
  what: string,
): void {
  expect(actual, `${what}: missing`).not.toBeNull();
  const a = actual as number;
  const err = Math.abs(a - expected);
  expect(err <= tol || err <= tol * Math.abs(expected), `${what}: got ${a}, expected ${expected}`).toBe(true);
}
