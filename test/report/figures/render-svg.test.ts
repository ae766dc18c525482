import { describe, expect, it } from "vitest";
import { renderVegaLiteSvg } from "../../../src/report/figures/render-svg.js";

const clipped = {
  data: {
    values: [
      { a: 1, b: 2 },
      { a: 2, b: 5 },
    ],
  },
  mark: { type: "line", clip: true },
  encoding: {
    x: { field: "a", type: "quantitative", scale: { domain: [0, 1.5] } },
    y: { field: "b", type: "quantitative" },
  },
};

describe("renderVegaLiteSvg", () => {
  it("renumbers Vega's per-process clip-path ids so repeated renders in one process are identical", async () => {
    const a = await renderVegaLiteSvg(clipped, "t");
    const b = await renderVegaLiteSvg(clipped, "t");
    expect(b.svg).toBe(a.svg);
    expect(a.svg).toContain('id="clip_1"');
    expect(a.svg).toContain("url(#clip_1)");
    expect(a.svg).not.toMatch(/id="clip\d/);
  });

  it("renders without canvas or network and reports no warnings for a valid spec", async () => {
    const { svg, warnings } = await renderVegaLiteSvg(clipped, "t");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg.endsWith("</svg>")).toBe(true);
    expect(warnings).toEqual([]);
  });
});
