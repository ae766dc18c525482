/**
 * Property: random tables (integers of every range, doubles with tagged missing values, floats,
 * dates, ASCII/Chinese/empty strings, long strLs) written by the writer read back identical.
 */
import fc from "fast-check";
import { describe, it } from "vitest";
import { type DtaWriteColumn, readDta, writeDta } from "../../../src/io/dta/index.js";
import { useTmpDir } from "./tmp-dir.js";

const tmp = useTmpDir("dta-prop");

const name = fc
  .stringMatching(/^[a-z_][a-z0-9_]{0,20}$/)
  .filter(
    (s) =>
      ![
        "_n",
        "_b",
        "_pi",
        "_rc",
        "_N",
        "if",
        "in",
        "int",
        "long",
        "byte",
        "float",
        "double",
        "using",
        "with",
        "_all",
        "_cons",
        "_coef",
        "_pred",
        "_skip",
      ].includes(s) && !/^str\d+$/.test(s),
  );
const tag = fc.integer({ min: 0, max: 27 });

function numericColumn(n: number): fc.Arbitrary<Omit<DtaWriteColumn, "name">> {
  const cell = fc.oneof(
    fc.integer({ min: -127, max: 100 }),
    fc.integer({ min: -32767, max: 32740 }),
    fc.integer({ min: -2147483647, max: 2147483620 }),
    fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e300, max: 8e307 }),
    fc.constant(Number.NaN),
  );
  return fc
    .tuple(
      fc.array(fc.tuple(cell, tag), { minLength: n, maxLength: n }),
      fc.boolean(),
      fc.constantFrom("%10.0g", "%td", "%tc"),
    )
    .map(([cells, asFloat, format]) => {
      const values = new Float64Array(
        cells.map(([v]) =>
          asFloat && !Number.isNaN(v) ? Math.fround(Math.max(-1e38, Math.min(1e38, v))) : v,
        ),
      );
      const tags = new Uint8Array(cells.map(([v, t]) => (Number.isNaN(v) ? t : 0)));
      return { values, missingTags: tags, format, ...(asFloat ? { type: "float" as const } : {}) };
    });
}

function stringColumn(n: number): fc.Arbitrary<Omit<DtaWriteColumn, "name">> {
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }).map((s) => s.replace(/\0/g, "")),
    fc.constantFrom("", "北京", "上海机器人有限公司", "Zürich"),
    fc.string({ unit: "grapheme", maxLength: 8 }).map((s) => s.replace(/\0/g, "")),
    fc.integer({ min: 2046, max: 2600 }).map((k) => "长".repeat(Math.ceil(k / 3))),
  );
  // With no rows nothing shows the column is text, so the type must be given.
  return fc
    .array(cell, { minLength: n, maxLength: n })
    .map((values) => ({ values, ...(n === 0 ? { type: "str" as const } : {}) }));
}

const table = fc
  .integer({ min: 0, max: 40 })
  .chain((n) =>
    fc
      .uniqueArray(fc.tuple(name, fc.boolean()), { minLength: 1, maxLength: 6, selector: ([nm]) => nm })
      .chain((cols) =>
        fc.tuple(
          ...cols.map(([nm, isText]) =>
            (isText ? stringColumn(n) : numericColumn(n)).map((c) => ({ ...c, name: nm }) as DtaWriteColumn),
          ),
        ),
      ),
  );

describe("random tables round-trip through writer and reader", () => {
  it("reads back exactly what was written", async () => {
    let k = 0;
    await fc.assert(
      fc.asyncProperty(table, async (columns) => {
        const path = tmp.path(`p${k++}.dta`);
        await writeDta(path, { columns });
        const t = await readDta(path);
        columns.forEach((c, j) => {
          const got = t.columns[j];
          if (!(c.values instanceof Float64Array)) {
            if (JSON.stringify(got) !== JSON.stringify(c.values))
              throw new Error(`strings differ in ${c.name}`);
            return;
          }
          const nums = got as Float64Array;
          const tags = t.missingTags[j];
          for (let i = 0; i < c.values.length; i++) {
            const same = Number.isNaN(c.values[i]) ? Number.isNaN(nums[i]) : nums[i] === c.values[i];
            if (!same) {
              throw new Error(`${c.name}[${i}]: wrote ${c.values[i]}, read ${nums[i]}`);
            }
            const want = Number.isNaN(c.values[i]) ? Math.max(1, c.missingTags![i]) : 0;
            if ((tags ? tags[i] : 0) !== want)
              throw new Error(`${c.name}[${i}]: tag ${tags?.[i]} instead of ${want}`);
          }
          if (t.meta.variables[j].format !== c.format) throw new Error(`format of ${c.name}`);
        });
      }),
      { numRuns: 120 },
    );
  });
});
