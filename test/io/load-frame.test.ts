import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Frame } from "../../src/frame/frame.js";
import { splitRecord } from "../../src/io/csv/dialect.js";
import { loadFrame } from "../../src/io/load-frame.js";

const FIXTURES = "test/fixtures";
const MISSING = new Set(["", ".", "NA"]);

/** Parse a fixture CSV with plain JavaScript, independently of DuckDB. */
function parseCsvText(path: string): { header: string[]; rows: string[][] } {
  const lines = readFileSync(path, "utf8")
    .split(/\r?\n/)
    .filter((l) => l !== "");
  const [head, ...rest] = lines;
  return { header: splitRecord(head, ","), rows: rest.map((l) => splitRecord(l, ",")) };
}

/** Every cell of the frame equals the text of the CSV: numbers exactly as Number(), text verbatim. */
function expectFrameMatchesText(frame: Frame, path: string): void {
  const { header, rows } = parseCsvText(path);
  expect(frame.names).toEqual(header);
  expect(frame.nrows).toBe(rows.length);
  header.forEach((name, j) => {
    const col = frame.columns[name];
    for (let i = 0; i < rows.length; i++) {
      const text = rows[i][j];
      if (col.type === "number") {
        const want = MISSING.has(text) ? Number.NaN : Number(text);
        if (!Object.is(col.values[i], want)) {
          throw new Error(
            `${path} row ${i + 1} column ${name}: frame has ${col.values[i]}, text is "${text}"`,
          );
        }
      } else {
        const got = col.codes[i] < 0 ? null : col.levels[col.codes[i]];
        const want = MISSING.has(text) ? null : text;
        if (got !== want)
          throw new Error(`${path} row ${i + 1} column ${name}: frame has ${got}, text is "${text}"`);
      }
    }
  });
}

describe("loadFrame on the vendored fixtures", () => {
  it("reads firm_panel.csv with city_year categorical and every value equal to the CSV text", async () => {
    const path = `${FIXTURES}/hdfe/data/firm_panel.csv`;
    const frame = await loadFrame(path);
    expect(frame.source).toBe(path);
    expect(frame.nrows).toBe(32821);
    expect(frame.columns.city_year.type).toBe("category");
    expect(frame.columns.robot.type).toBe("number");
    expect(frame.columns.year.type).toBe("number");
    const cy = frame.columns.city_year;
    if (cy.type !== "category") throw new Error("unreachable");
    expect(cy.levels[cy.codes[0]]).toBe("90_2000");
    // levels are sorted by code point, each once
    expect([...cy.levels].sort()).toEqual(cy.levels);
    expect(new Set(cy.levels).size).toBe(cy.levels.length);
    expectFrameMatchesText(frame, path);
  });

  it("reads card.csv with IQ numeric and its empty fields as NaN", async () => {
    const path = `${FIXTURES}/ivreg2/data/card.csv`;
    const frame = await loadFrame(path);
    expect(frame.nrows).toBe(3010);
    const iq = frame.columns.IQ;
    expect(iq.type).toBe("number");
    if (iq.type !== "number") throw new Error("unreachable");
    expect(Number.isNaN(iq.values[0])).toBe(true); // first data row: IQ field empty
    expect(iq.values[1]).toBe(93);
    let missing = 0;
    for (const v of iq.values) if (Number.isNaN(v)) missing++;
    expect(missing).toBe(949);
    expectFrameMatchesText(frame, path);
  });

  it("reads sim_cluster.csv, whose numbers are written Stata-style as .8772862", async () => {
    const path = `${FIXTURES}/ivreg2/data/sim_cluster.csv`;
    const frame = await loadFrame(path);
    expect(frame.nrows).toBe(1000);
    const alpha = frame.columns.alpha;
    if (alpha.type !== "number") throw new Error("alpha should be numeric");
    expect(alpha.values[0]).toBe(0.8772862);
    expectFrameMatchesText(frame, path);
  });

  it("reads produc.csv and trade.csv with text columns categorical", async () => {
    const produc = await loadFrame(`${FIXTURES}/hdfe/data/produc.csv`);
    expect(produc.nrows).toBe(816);
    expect(produc.columns.state.type).toBe("category");
    expectFrameMatchesText(produc, `${FIXTURES}/hdfe/data/produc.csv`);
    const trade = await loadFrame(`${FIXTURES}/hdfe/data/trade.csv`);
    expect(trade.nrows).toBe(38325);
    expect(trade.columns.Destination.type).toBe("category");
    expect(trade.columns.Euros.type).toBe("number");
    expectFrameMatchesText(trade, `${FIXTURES}/hdfe/data/trade.csv`);
  });
});
