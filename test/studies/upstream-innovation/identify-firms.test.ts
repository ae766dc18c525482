import { describe, expect, it } from "vitest";
import { DEFAULT_CONFIG } from "../../../src/studies/upstream-innovation/config.js";
import { classifyScope } from "../../../src/studies/upstream-innovation/identify-firms.js";

describe("classifyScope (step 1: upstream makers by business scope)", () => {
  it("keeps a firm whose keyword clause has a manufacturing word", () => {
    const d = classifyScope("伺服系统、伺服电机的研发、制造；货物进出口", DEFAULT_CONFIG);
    expect(d.upstream).toBe(true);
    expect(d.matched).toEqual(["伺服系统"]);
    expect(d.reason).toContain("研发");
  });

  it("excludes wholesale/retail-only firms with the reason", () => {
    const d = classifyScope("传感器、力矩传感器的批发、零售；机电设备安装", DEFAULT_CONFIG);
    expect(d.upstream).toBe(false);
    expect(d.matched).toEqual(["传感器"]);
    expect(d.reason).toMatch(/^wholesale\/retail only/);
  });

  it("judges clause by clause: a manufacturing word in another clause does not make a trader a maker", () => {
    const d = classifyScope("精密减速器的销售；服装制造", DEFAULT_CONFIG);
    expect(d.upstream).toBe(false);
    expect(d.reason).toMatch(/^wholesale/);
  });

  it("keeps makers that also trade the parts", () => {
    expect(classifyScope("控制系统的生产、加工；传感器的销售", DEFAULT_CONFIG).upstream).toBe(true);
  });

  it("excludes service firms and firms without keywords", () => {
    expect(classifyScope("末端执行器的技术咨询、技术服务", DEFAULT_CONFIG).reason).toMatch(
      /^no manufacturing word/,
    );
    expect(classifyScope("服装制造；自有房屋租赁", DEFAULT_CONFIG).matched).toEqual([]);
    expect(classifyScope(null, DEFAULT_CONFIG).upstream).toBe(false);
  });

  it("uses the configured keyword list", () => {
    const cfg = { ...DEFAULT_CONFIG, keywords: ["减速机"] };
    expect(classifyScope("减速机的制造", cfg).upstream).toBe(true);
    expect(classifyScope("伺服系统的制造", cfg).upstream).toBe(false);
  });
});
