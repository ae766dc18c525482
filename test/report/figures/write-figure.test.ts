import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { FigureSpec } from "../../../src/report/figures/figure-spec.js";
import { writeFigureOutputs } from "../../../src/report/figures/write-figure.js";
import { render } from "./figure-helpers.js";

const fig: FigureSpec = {
  id: "custom",
  title: { en: "Custom", zh: "自定义" },
  data: [
    { name: "a, b", v: 1.5, w: null },
    { name: 'say "x"', v: -2e-9, w: 3 },
  ],
  vegaLite: {
    data: { values: [{ name: "a", v: 1 }] },
    mark: "bar",
    encoding: { x: { field: "name", type: "nominal" }, y: { field: "v", type: "quantitative" } },
  },
};

afterEach(() => vi.restoreAllMocks());

describe("writeFigureOutputs", () => {
  it("writes <id>.svg and <id>.csv (RFC 4180 quoting, null as empty, numbers round-trip) and nothing else", async () => {
    const dir = join(await mkdtemp(join(tmpdir(), "wf-")), "figs");
    const paths = await writeFigureOutputs(fig, dir);
    expect(paths).toEqual([join(dir, "custom.svg"), join(dir, "custom.csv")]);
    expect((await readdir(dir)).sort()).toEqual(["custom.csv", "custom.svg"]);
    const { raw } = await render(fig);
    expect(raw).toBe('name,v,w\n"a, b",1.5,\n"say ""x""",-2e-9,3\n');
  });

  it("passes Vega-Lite warnings on as process warnings", async () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => {});
    await render({
      ...fig,
      vegaLite: {
        ...fig.vegaLite,
        encoding: { x: { field: "name", type: "nominal" }, size: { field: "v", type: "nominal" } },
      },
    });
    expect(warn).toHaveBeenCalled();
    expect(String(warn.mock.calls[0][0])).toContain('figure "custom":');
  });

  it("rejects rows with different columns, a bad id, and a spec that does not compile, naming the figure", async () => {
    const dir = await mkdtemp(join(tmpdir(), "wf-"));
    await expect(writeFigureOutputs({ ...fig, data: [{ a: 1 }, { b: 2 }] }, dir)).rejects.toThrow(
      'figure "custom" data row 2 has columns b but the first row has a',
    );
    await expect(writeFigureOutputs({ ...fig, id: "a/b" }, dir)).rejects.toThrow(
      'figure id "a/b" is not a usable file name',
    );
    await expect(writeFigureOutputs({ ...fig, vegaLite: { mark: "nonsense" } }, dir)).rejects.toThrow(
      'figure "custom": the Vega-Lite spec does not compile',
    );
    expect(await readdir(dir)).toEqual([]);
  });
});
