import { describe, expect, it } from "vitest";
import { formulaVariables, parseFormula } from "../../src/formula/formula.js";

describe("fixest-style formula parsing", () => {
  it("parses the full syntax: functions, I(), interactions, FE with ^, and the IV part", () => {
    const f = parseFormula(
      "y ~ x1 + log(x2) + I(x3^2) + x1:x4 | fe1 + fe2 + fe3^fe4 | endo1 + endo2 ~ z1 + z2",
    );
    expect(f.lhsLabel).toBe("y");
    expect(f.terms.map((t) => t.label)).toEqual(["x1", "log(x2)", "I(x3^2)", "x1:x4"]);
    expect(f.fixedEffects.map((x) => x.vars)).toEqual([["fe1"], ["fe2"], ["fe3", "fe4"]]);
    expect(f.endog.map((t) => t.label)).toEqual(["endo1", "endo2"]);
    expect(f.instruments.map((t) => t.label)).toEqual(["z1", "z2"]);
    expect(f.intercept).toBe(true);
    expect(formulaVariables(f).sort()).toEqual(
      ["endo1", "endo2", "fe1", "fe2", "fe3", "fe4", "x1", "x2", "x3", "x4", "y", "z1", "z2"].sort(),
    );
  });

  it("expands a*b into a + b + a:b and labels terms without spaces, as fixest does", () => {
    const f = parseFormula("log(y) ~ a * b + I(c / 2)");
    expect(f.lhsLabel).toBe("log(y)");
    expect(f.terms.map((t) => t.label)).toEqual(["a", "b", "a:b", "I(c/2)"]);
  });

  it("removes the intercept with -1 or +0", () => {
    expect(parseFormula("y ~ x - 1").intercept).toBe(false);
    expect(parseFormula("y ~ 0 + x").intercept).toBe(false);
    expect(parseFormula("y ~ x").intercept).toBe(true);
  });

  it("accepts an IV part without fixed effects", () => {
    const f = parseFormula("y ~ x | d ~ z");
    expect(f.fixedEffects).toEqual([]);
    expect(f.endog.map((t) => t.label)).toEqual(["d"]);
  });

  it("rejects malformed formulas with a message that says where", () => {
    expect(() => parseFormula("y x")).toThrow(/exactly one "~"/);
    expect(() => parseFormula("y ~ x +")).toThrow(/unexpected end/);
    expect(() => parseFormula("y ~ (x")).toThrow(/expected "\)"/);
    expect(() => parseFormula("y ~ x | a + log(b)")).toThrow(/fixed effect "log\(b\)"/);
    expect(() => parseFormula("y ~ x^2")).toThrow(/outside I\(\)/);
    expect(() => parseFormula("y ~ x $ z")).toThrow(/unexpected character "\$" at position 4 in " x \$ z"/);
  });

  it("reads Chinese and backquoted names in every part, the FE part included (issue 8)", () => {
    const f = parseFormula("产出 ~ `机器人 密度` + log(资本) | `企业` + 年份^`city|code` | `x~1` ~ 工具");
    expect(f.lhsLabel).toBe("产出");
    expect(f.terms.map((t) => t.label)).toEqual(["机器人 密度", "log(资本)"]);
    expect(f.fixedEffects.map((x) => x.vars)).toEqual([["企业"], ["年份", "city|code"]]);
    expect(f.endog.map((t) => t.label)).toEqual(["x~1"]);
    expect(f.instruments.map((t) => t.label)).toEqual(["工具"]);
    expect(parseFormula("y ~ x | 𠀀企业").fixedEffects[0].vars).toEqual(["𠀀企业"]);
  });

  it("refuses empty backquotes, bad FE names and absurd nesting with a message, not a crash", () => {
    expect(() => parseFormula("y ~ ``")).toThrow(/empty backquoted name/);
    expect(() => parseFormula("y ~ x | `a")).toThrow(/fixed effect "`a"/);
    expect(() => parseFormula("y ~ x | 1a")).toThrow(/write other names in backquotes/);
    expect(() => parseFormula(`y ~ ${"(".repeat(5000)}x${")".repeat(5000)}`)).toThrow(
      /nested more than 200 levels deep/,
    );
    expect(() => parseFormula(`y ~ ${"-".repeat(5000)}x`)).toThrow(/nested more than 200 levels/);
  });
});
