import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decimalToDouble } from "../../src/io/csv/exact-decimal.js";
import { newScan, Shape, scanNumber } from "../../src/io/csv/number-scan.js";

function scan(text: string) {
  const out = newScan();
  const bytes = Buffer.from(text, "latin1");
  scanNumber(bytes, 0, bytes.length, out);
  return { ...out };
}

/** Deterministic uniforms (mulberry32). */
function uniforms(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe("CSV number scanning", () => {
  it("reads every double as JavaScript prints it (shortest round trip, up to 17 digits) to the same bits", () => {
    const u = uniforms(7);
    for (let i = 0; i < 300_000; i++) {
      const x = (u() - 0.5) * 10 ** Math.floor(u() * 12 - 6);
      const text = String(x);
      const got = scan(text).value;
      if (!Object.is(got, Number(text))) expect({ text, got }).toEqual({ text, got: Number(text) });
    }
  });

  it("rounds any decimal of up to 25 digits with any point position exactly as Number does", () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[1-9][0-9]{0,24}$/),
        fc.nat({ max: 26 }),
        fc.constantFrom("", "-", "+"),
        fc.constantFrom("", "e5", "e-7", "E+2"),
        (digits, point, sign, exp) => {
          const at = Math.min(point, digits.length);
          const text = `${sign}${digits.slice(0, at)}.${digits.slice(at)}${exp}`;
          const got = scan(text);
          expect(got.shape).toBe(Shape.Decimal);
          expect(Object.is(got.value, Number(text))).toBe(true);
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it("decides near-midpoint cases exactly or declines (NaN), never a wrong last bit", () => {
    // 9007199254740993 = 2^53 + 1 lies exactly between two doubles
    expect(Object.is(scan("9007199254740993").value, 9007199254740992)).toBe(true);
    expect(Object.is(scan("0.9007199254740993").value, Number("0.9007199254740993"))).toBe(true);
    const u = uniforms(11);
    let declined = 0;
    for (let i = 0; i < 100_000; i++) {
      const hi = 1e14 + Math.floor(u() * 9e14);
      const k = 1 + Math.floor(u() * 4);
      const lo = Math.floor(u() * 10 ** k);
      const places = 1 + Math.floor(u() * 22);
      const v = decimalToDouble(hi, lo, k, places);
      const digits = `${hi}${String(lo).padStart(k, "0")}`.padStart(places + 1, "0");
      const text = `${digits.slice(0, -places)}.${digits.slice(-places)}`;
      if (Number.isNaN(v)) declined++;
      if (!Number.isNaN(v) && v !== Number(text)) expect({ text, v }).toEqual({ text, v: Number(text) });
    }
    // declining is for the rare near-midpoint case, not a habit
    expect(declined).toBeLessThan(1000);
  });

  it("tells integers, decimals, leading-zero codes and text apart", () => {
    expect(scan(" 42 ")).toMatchObject({ shape: Shape.Integer, value: 42, leadingZero: false });
    expect(scan("01012100")).toMatchObject({ shape: Shape.Integer, leadingZero: true });
    expect(scan("-01")).toMatchObject({ shape: Shape.Integer, leadingZero: false, value: -1 });
    expect(scan("123456789012345678")).toMatchObject({ shape: Shape.Integer, wide: true });
    expect(scan(".5")).toMatchObject({ shape: Shape.Decimal, value: 0.5 });
    expect(scan("2.")).toMatchObject({ shape: Shape.Decimal, value: 2 });
    expect(scan("1e-3")).toMatchObject({ shape: Shape.Decimal, value: 0.001 });
    for (const t of ["", ".", "e5", "1e", "1.2.3", "--1", "0x10", "1,5", "inf", "NaN", "2020-01-31"]) {
      expect(scan(t).shape).toBe(Shape.Text);
    }
  });
});
