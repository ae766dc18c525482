/**
 * Every release (113, 114, 115, 117, 118, 119) in both byte orders, built byte by byte by an
 * independent test builder: numeric types with all 27 missing codes, fixed strings, strLs (with
 * cross-linked and empty values), value labels (including labels of missing values), variable
 * labels, data label and characteristics that must be skipped.
 */
import { describe, expect, it } from "vitest";
import { openDta, readDta } from "../../../src/io/dta/index.js";
import { type BuildCell, type BuildSpec, buildDta, type BuildVar } from "./dta-builder.js";
import { useTmpDir } from "./tmp-dir.js";

const tmp = useTmpDir("dta-releases");

const NUMERIC_VARS: BuildVar[] = [
  { name: "b", type: "byte", label: "a byte", valueLabel: "yesno" },
  { name: "i", type: "int" },
  { name: "l", type: "long", format: "%td" },
  { name: "f", type: "float" },
  { name: "d", type: "double", format: "%tc", label: "when" },
  { name: "s", type: "str", strWidth: 7, format: "%7s" },
];

/** 30 rows: extremes of each type, then every missing code (".", ".a" … ".z") in turn. */
function numericRows(): BuildCell[][] {
  const rows: BuildCell[][] = [
    [-127, -32767, -2147483647, -1.5, -1.7976931348623157e308, "a"],
    [100, 32740, 2147483620, 1.7014117331926443e38, 8.988465674311579e307, "full777"],
    [0, 0, 0, 0.1, 0.1, ""],
  ];
  for (let tag = 1; tag <= 27; tag++) {
    const m = { missing: tag };
    rows.push([m, m, m, m, m, `t${tag}`]);
  }
  return rows;
}

const LABELS = {
  yesno: [
    { value: 0, label: "no" },
    { value: 1, label: "yes" },
    { value: 2147483622, label: "refused (.a)" },
  ],
};

function specFor(release: BuildSpec["release"], byteOrder: "LSF" | "MSF"): BuildSpec {
  return {
    release,
    byteOrder,
    dataLabel: "built by the test builder",
    timestamp: "10 Mar 2017 14:23",
    vars: NUMERIC_VARS,
    rows: numericRows(),
    valueLabels: LABELS,
    characteristic: true,
  };
}

const RELEASES = [113, 114, 115, 117, 118, 119] as const;

describe("numeric types, missing codes, strings and labels in every release and byte order", () => {
  for (const release of RELEASES) {
    for (const order of ["LSF", "MSF"] as const) {
      it(`release ${release}, ${order}`, async () => {
        const file = tmp.write(`num-${release}-${order}.dta`, buildDta(specFor(release, order)));
        const t = await readDta(file);
        expect(t.meta.format).toBe(release);
        expect(t.meta.byteOrder).toBe(order);
        expect(t.meta.nrows).toBe(30);
        expect(t.meta.dataLabel).toBe("built by the test builder");
        expect(t.meta.timestamp).toBe("10 Mar 2017 14:23");
        expect(t.meta.variables.map((v) => [v.name, v.type, v.kind, v.label, v.valueLabel])).toEqual([
          ["b", "byte", "number", "a byte", "yesno"],
          ["i", "int", "number", "", null],
          ["l", "long", "date", "", null],
          ["f", "float", "number", "", null],
          ["d", "double", "datetime", "when", null],
          ["s", "str", "string", "", null],
        ]);
        const [b, i, l, f, d] = t.columns as Float64Array[];
        expect(Array.from(b.subarray(0, 3))).toEqual([-127, 100, 0]);
        expect(Array.from(i.subarray(0, 3))).toEqual([-32767, 32740, 0]);
        expect(Array.from(l.subarray(0, 3))).toEqual([-2147483647, 2147483620, 0]);
        expect(Array.from(f.subarray(0, 3))).toEqual([-1.5, 1.7014117331926443e38, Math.fround(0.1)]);
        expect(Array.from(d.subarray(0, 3))).toEqual([-1.7976931348623157e308, 8.988465674311579e307, 0.1]);
        const wantTags = [0, 0, 0, ...Array.from({ length: 27 }, (_, k) => k + 1)];
        for (let j = 0; j < 5; j++) {
          expect(Array.from(t.missingTags[j]!), `tags of ${t.meta.variables[j].name}`).toEqual(wantTags);
          expect(Array.from((t.columns[j] as Float64Array).subarray(3)).every(Number.isNaN)).toBe(true);
        }
        expect((t.columns[5] as string[]).slice(0, 4)).toEqual(["a", "full777", "", "t1"]);
        expect(t.meta.valueLabels.yesno).toEqual([
          { value: 0, label: "no" },
          { value: 1, label: "yes" },
          { value: 2147483622, label: "refused (.a)", missing: ".a" },
        ]);
      });
    }
  }
});

describe("strLs in releases 117, 118, 119 and both byte orders", () => {
  const long = "长".repeat(3000);
  const rows: BuildCell[][] = [
    [1, "first", long],
    [2, "", "second"],
    [3, "first", long],
    [4, "third", ""],
  ];
  for (const release of [117, 118, 119] as const) {
    for (const order of ["LSF", "MSF"] as const) {
      for (const crossLink of [false, true]) {
        it(`release ${release}, ${order}, ${crossLink ? "cross-linked" : "one GSO per cell"}`, async () => {
          const spec: BuildSpec = {
            release,
            byteOrder: order,
            vars: [
              { name: "id", type: "long" },
              { name: "a", type: "strL" },
              { name: "b", type: "strL" },
            ],
            rows,
            crossLinkStrls: crossLink,
          };
          const file = tmp.write(`strl-${release}-${order}-${crossLink}.dta`, buildDta(spec));
          const t = await readDta(file);
          expect(t.columns[1]).toEqual(["first", "", "first", "third"]);
          expect(t.columns[2]).toEqual([long, "second", long, ""]);
          // Batches of one row must resolve cross-links to earlier rows too.
          const f = await openDta(file, { batchRows: 1 });
          const seen: string[] = [];
          for await (const batch of f.batches()) seen.push(...(batch.columns[2] as string[]));
          await f.close();
          expect(seen).toEqual([long, "second", long, ""]);
        });
      }
    }
  }
});

describe("strL references to rows beyond 65,536 (o needs more than 16 bits)", () => {
  for (const release of [117, 118, 119] as const) {
    for (const order of ["LSF", "MSF"] as const) {
      it(`release ${release}, ${order}`, async () => {
        const n = 70_000;
        const marked = [0, 65_535, 65_536, 69_999];
        const rows: BuildCell[][] = Array.from({ length: n }, (_, i) => [
          marked.includes(i) ? `row ${i + 1}` : "",
        ]);
        const spec: BuildSpec = { release, byteOrder: order, vars: [{ name: "t", type: "strL" }], rows };
        const t = await readDta(tmp.write(`wide-o-${release}-${order}.dta`, buildDta(spec)));
        const got = t.columns[0] as string[];
        expect(marked.map((i) => got[i])).toEqual(["row 1", "row 65536", "row 65537", "row 70000"]);
        expect(got.filter((s) => s !== "").length).toBe(4);
      });
    }
  }
});

describe("Latin-1 text in old releases", () => {
  it("decodes accented names and labels with the default Windows-1252", async () => {
    const spec: BuildSpec = {
      release: 114,
      byteOrder: "MSF",
      dataLabel: "Données",
      vars: [{ name: "ville", type: "str", strWidth: 12, label: "Ville étudiée" }],
      rows: [["Zürich"], ["Genève"]],
    };
    const t = await readDta(tmp.write("latin1.dta", buildDta(spec)));
    expect(t.columns[0]).toEqual(["Zürich", "Genève"]);
    expect(t.meta.variables[0].label).toBe("Ville étudiée");
    expect(t.meta.dataLabel).toBe("Données");
    expect(t.meta.warnings).toEqual([]);
  });
});
