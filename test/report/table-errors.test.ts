import { access, mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { TableSpec } from "../../src/report/table-spec.js";
import { writeTableOutputs } from "../../src/report/write-table.js";
import { L, makeResults } from "./regression-fixtures.js";

const r = makeResults();
const base = (over: Partial<TableSpec>): TableSpec => ({
  id: "t",
  title: L("T", "表"),
  columns: [
    { label: L("OLS", "OLS"), result: r.ols },
    { label: L("2SLS", "2SLS"), result: r.iv },
  ],
  rows: [{ term: "d", label: L("d", "d") }],
  footer: [],
  ...over,
});

async function fails(
  spec: TableSpec,
  lang: "en" | "zh" = "en",
): Promise<{ message: string; wrote: boolean }> {
  const dir = join(await mkdtemp(join(tmpdir(), "err-")), "out");
  let message = "";
  try {
    await writeTableOutputs(spec, dir, lang);
  } catch (e) {
    message = (e as Error).message;
  }
  const wrote = await access(dir).then(
    () => true,
    () => false,
  );
  return { message, wrote };
}

describe("writeTableOutputs rejects bad specs before writing anything", () => {
  it("a row whose term is in no column: names the table, the term and the columns' terms", async () => {
    const { message, wrote } = await fails(base({ rows: [{ term: "robt", label: L("robot", "robot") }] }));
    expect(message).toContain('table "t": row "robt" is in none of the columns');
    expect(message).toContain("The columns' terms: (1) x1, d; (2) d, x1");
    expect(wrote).toBe(false);
  });

  it("a row matching two coefficients of one column (term and alias)", async () => {
    const { message } = await fails(base({ rows: [{ term: "d", aliases: ["x1"], label: L("d", "d") }] }));
    expect(message).toContain('table "t" column (1): row "d" matches "x1" and "d"');
  });

  it("firstStageOf on an OLS column, and an unknown endogenous regressor", async () => {
    const ols = await fails(base({ columns: [{ label: L("A", "A"), result: r.ols, firstStageOf: "d" }] }));
    expect(ols.message).toContain(
      'table "t" column (1): asks for the first stage of "d" but its result is OLS',
    );
    const unknown = await fails(
      base({ columns: [{ label: L("A", "A"), result: r.iv, firstStageOf: "robot" }] }),
    );
    expect(unknown.message).toContain('no first stage for "robot"');
    expect(unknown.message).toContain('the endogenous regressors are "d"');
  });

  it("a column footer cell that no literal footer row shows (a typo would silently drop it)", async () => {
    const { message } = await fails(
      base({
        columns: [{ label: L("A", "A"), result: r.ols, footer: { firm_fe: "Yes" } }],
        footer: [{ key: "firmfe", label: L("Firm FE", "企业固定效应"), stat: "literal" }],
      }),
    );
    expect(message).toContain(
      'table "t" column (1) has footer cell "firm_fe" but no literal footer row has that key',
    );
  });

  it("an unknown footer statistic, and duplicate footer keys", async () => {
    const bad = await fails(base({ footer: [{ key: "x", label: L("x", "x"), stat: "aic" as "nobs" }] }));
    expect(bad.message).toContain('footer row 1 ("x") has unknown stat "aic"');
    const dup = await fails(
      base({
        footer: [
          { key: "n", label: L("N", "N"), stat: "nobs" },
          { key: "n", label: L("N", "N"), stat: "r2" },
        ],
      }),
    );
    expect(dup.message).toContain('footer key "n" is used twice');
  });

  it("an unusable id, a bad language, a label without Chinese, bad decimals", async () => {
    expect((await fails(base({ id: "../evil" }))).message).toContain(
      'table id "../evil" is not a usable file name',
    );
    expect((await fails(base({}), "fr" as "en")).message).toContain(
      'language must be "en" or "zh", got "fr"',
    );
    expect((await fails(base({ title: { en: "T" } as never }))).message).toContain(
      'table "t" title must be {en: "…", zh: "…"}',
    );
    expect((await fails(base({ decimals: 2.5 }))).message).toContain("decimals is 2.5");
  });

  it("column groups out of range or overlapping", async () => {
    const out = await fails(base({ columnGroups: [{ label: L("g", "g"), first: 2, last: 3 }] }));
    expect(out.message).toContain(
      "spans columns (2)–(3); give printed column numbers with 1 ≤ first ≤ last ≤ 2",
    );
    const overlap = await fails(
      base({
        columnGroups: [
          { label: L("g", "g"), first: 1, last: 2 },
          { label: L("h", "h"), first: 2, last: 2 },
        ],
      }),
    );
    expect(overlap.message).toContain("inside the previous group");
  });

  it("a column without an estimation result", async () => {
    const { message } = await fails(base({ columns: [{ label: L("A", "A"), result: undefined as never }] }));
    expect(message).toContain('table "t" column (1) has no estimation result');
  });
});
