import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { formatElapsed, percentIn, progressMode, stepProgress } from "../../src/cli/step-progress.js";

function fakeStream(tty: boolean): NodeJS.WriteStream & { text: () => string } {
  const s = new PassThrough() as unknown as NodeJS.WriteStream & { text: () => string };
  const chunks: string[] = [];
  s.write = ((c: string) => chunks.push(String(c)) > 0) as typeof s.write;
  Object.assign(s, { isTTY: tty, columns: 100, text: () => chunks.join("") });
  return s;
}

describe("progress display of run", () => {
  it("is a bar on a terminal, silent when piped or in CI, and follows --quiet and --verbose", () => {
    expect(progressMode({}, fakeStream(true), {})).toBe("bar");
    expect(progressMode({}, fakeStream(false), {})).toBe("silent");
    expect(progressMode({}, fakeStream(true), { CI: "true" })).toBe("silent");
    expect(progressMode({ quiet: true }, fakeStream(true), {})).toBe("silent");
    expect(progressMode({ verbose: true }, fakeStream(false), { CI: "1" })).toBe("lines");
  });

  it("numbers the steps out of the total with the elapsed time (--verbose lines)", () => {
    const s = fakeStream(false);
    const p = stepProgress(3, "lines", s);
    p.step("upstream-innovation: generating")("writing customs");
    p.step("upstream-innovation: running the study");
    p.stop();
    const lines = s.text().trim().split("\n");
    expect(lines[0]).toMatch(/^\[1\/3 0:0\d\] upstream-innovation: generating$/);
    expect(lines[1]).toMatch(/^\[1\/3 0:0\d\] upstream-innovation: generating: writing customs$/);
    expect(lines[2]).toMatch(/^\[2\/3 0:0\d\] upstream-innovation: running the study$/);
  });

  it("draws the step count, elapsed time and a bar within a step that reports a percentage (terminal)", () => {
    const s = fakeStream(true);
    const p = stepProgress(2, "bar", s);
    p.step("reading")("reading big.csv: 1,200 rows (40%)");
    p.stop();
    const out = s.text();
    expect(out).toMatch(/\[1\/2\] 0:0\d reading/);
    expect(out).toContain("40%");
    expect(out).toMatch(/█{8}░{12}/); // 40% of a 20-character bar
    const silent = fakeStream(true);
    const q = stepProgress(2, "silent", silent);
    q.step("x")("50%");
    q.stop();
    expect(silent.text()).toBe("");
  });

  it("reads percentages from messages and formats elapsed time", () => {
    expect(percentIn("demeaning: 35%")).toBe(35);
    expect(percentIn("reading x.csv: 1,200 rows (42.5%)")).toBe(42.5);
    expect(percentIn("estimating table2 (5 columns)")).toBeNull();
    expect(formatElapsed(75.2)).toBe("1:15");
    expect(formatElapsed(3725)).toBe("1:02:05");
  });
});
