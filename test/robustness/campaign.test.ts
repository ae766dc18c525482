/**
 * Issue 8, table-driven: every case of the hostile-input campaign through the command line. Each row
 * either fails (exit code ≠ 0) with a message naming the culprit, or exits 0 with the correct
 * estimate, checked against the same model on clean data. Rows marked (io) cover the CSV reader's
 * messages, which the io engineer's rewrite of src/io/csv/ delivers.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { DataSession } from "../../src/io/session.js";
import { type CliOutcome, cliInProcess, spawnCli } from "./cli.js";

const dir = mkdtempSync(join(tmpdir(), "rm-campaign-"));
const at = (name: string) => join(dir, name);

function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648 - 0.5;
  };
}

type Row = Record<string, string | number>;

/** 40 firms × 6 years: firm effects, x, an instrument z, an endogenous w and 12 groups g. */
function panel(): Row[] {
  const r = lcg(29);
  const rows: Row[] = [];
  for (let f = 0; f < 40; f++) {
    const fe = 6 * r();
    for (let t = 0; t < 6; t++) {
      const x = 2 * r();
      const z = 2 * r();
      const e = r();
      const w = 0.8 * z + 0.5 * x + 0.6 * e + 0.3 * r();
      rows.push({
        fid: f + 1,
        firm18: `${913200000000000000n + BigInt(f)}`,
        firm19: `${9132000000000000000n + BigInt(f)}`,
        g: (f * 6 + t) % 12,
        y: fe + 2 * x - w + e,
        x,
        z,
        w,
      });
    }
  }
  return rows;
}

const num = (v: string | number) => (typeof v === "number" ? v.toPrecision(17) : v);

function writeCsv(name: string, rows: readonly Row[], cols = Object.keys(rows[0])): string {
  const lines = [cols.join(","), ...rows.map((row) => cols.map((c) => num(row[c])).join(","))];
  writeFileSync(at(name), `${lines.join("\n")}\n`);
  return at(name);
}

const P = panel();
const N = P.length;
const scaled = (col: string, s: number) => P.map((row) => ({ ...row, [col]: (row[col] as number) * s }));

interface Coef {
  term: string;
  estimate: number;
  se: number;
  t: number;
}

async function estimate(data: string, formula: string, ...more: string[]): Promise<CliOutcome> {
  return cliInProcess(["estimate", "--data", data, "--formula", formula, "--json", ...more]);
}

function coefs(o: CliOutcome): Coef[] {
  expect(o.code, o.err).toBe(0);
  return JSON.parse(o.out).coefficients;
}

/** Same terms, estimates and SEs to 1e-9 relative (scaled by `unit` per term). */
function expectSame(got: Coef[], want: Coef[], unit: (term: string) => number = () => 1): void {
  expect(got.map((c) => c.term)).toEqual(want.map((c) => c.term));
  got.forEach((c, j) => {
    const u = unit(c.term);
    expect(Math.abs(c.estimate / (want[j].estimate * u) - 1), c.term).toBeLessThan(1e-9);
    expect(Math.abs(c.se / (want[j].se * u) - 1), c.term).toBeLessThan(1e-9);
    expect(Number.isFinite(c.t)).toBe(true);
  });
}

let clean: string;
beforeAll(() => {
  clean = writeCsv("clean.csv", P);
});

/** A case that must fail: exit code ≠ 0, the message on stderr, no estimate on stdout. */
interface Refusal {
  readonly name: string;
  readonly args: () => string[];
  readonly error: RegExp;
  readonly not?: RegExp;
}

const refusals: Refusal[] = [
  // Wrong numbers (issue cases 3–5): magnitudes beyond 1e±150, copied endogenous regressor, constant outcome.
  {
    name: "3. a regressor near 1e300",
    args: () => ["estimate", "--data", writeCsv("x300.csv", scaled("x", 1e300)), "--formula", "y ~ x"],
    error: /"x".*too large/,
  },
  {
    name: "3. a regressor scaled by 1e160",
    args: () => ["estimate", "--data", writeCsv("x160.csv", scaled("x", 1e160)), "--formula", "y ~ x | fid"],
    error: /"x".*too large/,
  },
  {
    name: "3. a regressor scaled by 1e-160",
    args: () => ["estimate", "--data", writeCsv("xm160.csv", scaled("x", 1e-160)), "--formula", "y ~ x"],
    error: /"x".*too small/,
  },
  {
    name: "3. an outcome of 1e308",
    args: () => ["estimate", "--data", writeCsv("y308.csv", scaled("y", 1e308)), "--formula", "y ~ x"],
    error: /"y".*too large/,
  },
  {
    name: "3. an instrument of -1e300",
    args: () => [
      "estimate",
      ...["--data", writeCsv("z300.csv", scaled("z", -1e300)), "--formula", "y ~ x | w ~ z"],
    ],
    error: /"z".*too large/,
  },
  {
    name: "4. an endogenous regressor that is a copy of an exogenous one",
    args: () => [
      "estimate",
      ...[
        "--data",
        writeCsv(
          "wcopy.csv",
          P.map((r) => ({ ...r, w: r.x })),
        ),
        "--formula",
        "y ~ x | w ~ z",
      ],
    ],
    error: /endogenous regressor w is collinear with the exogenous regressors/,
  },
  {
    name: "4. an endogenous regressor that is a copy of the instrument",
    args: () => [
      "estimate",
      ...[
        "--data",
        writeCsv(
          "wz.csv",
          P.map((r) => ({ ...r, w: r.z })),
        ),
        "--formula",
        "y ~ x | fid | w ~ z",
      ],
    ],
    error: /endogenous regressor w is an exact linear combination/,
  },
  {
    name: "5. a constant outcome without FE",
    args: () => [
      "estimate",
      "--data",
      writeCsv(
        "yconst.csv",
        P.map((r) => ({ ...r, y: 3 })),
      ),
      "--formula",
      "y ~ x",
    ],
    error: /outcome "y" in .*yconst\.csv is constant \(3\) in all 240 rows/,
  },
  {
    name: "5. a constant outcome with FE",
    args: () => ["estimate", "--data", at("yconst.csv"), "--formula", "y ~ x | fid"],
    error: /outcome "y" in .*yconst\.csv is constant/,
  },
  // Unclear messages.
  {
    name: "an instrument absorbed by the FE is named (never '0 excluded instrument(s) (none)')",
    args: () => [
      "estimate",
      ...[
        "--data",
        writeCsv(
          "zfe.csv",
          P.map((r) => ({ ...r, z: (r.g as number) ** 2 })),
        ),
        "--formula",
      ],
      "y ~ x | g | w ~ z",
    ],
    error: /excluded instrument\(s\) z .*no variation within the fixed effects \(g\)/,
    not: /\(none\)/,
  },
  {
    name: "--dofminus larger than N names the flag and the sample size",
    args: () => ["estimate", "--data", clean, "--formula", "y ~ x | w ~ z", "--dofminus", "1000"],
    error: new RegExp(`--dofminus 1000 is not smaller than the sample size \\(${N} observations`),
  },
  {
    name: "--sdofminus equal to N names the flag",
    args: () => ["estimate", "--data", clean, "--formula", "y ~ x", "--sdofminus", String(N)],
    error: /--sdofminus 240 is not smaller than the sample size/,
  },
  {
    name: "--out naming a file is a clear error (not ENOTDIR)",
    args: () => {
      writeFileSync(at("afile"), "x");
      return ["run", "--out", at("afile"), "--scale", "tiny", "--no-pdf", "--quiet"];
    },
    error: /--out .*afile is a file, not a folder/,
    not: /ENOTDIR/,
  },
  {
    name: "synth --out naming a file is a clear error (not EEXIST)",
    args: () => ["synth", "--study", "tfp-divergence", "--out", at("afile"), "--scale", "tiny"],
    error: /--out .*afile is a file, not a folder/,
    not: /EEXIST/,
  },
  {
    name: "a CSV header with the same column twice",
    args: () => {
      writeFileSync(at("dupcol.csv"), "y,x,x\n1,2,3\n2,3,1\n3,5,2\n");
      return ["estimate", "--data", at("dupcol.csv"), "--formula", "y ~ x"];
    },
    error: /dupcol\.csv: the header has two columns named "x"/,
  },
  {
    name: "(io) a header-only CSV says it has no data rows",
    args: () => {
      writeFileSync(at("header-only.csv"), "y,x\n");
      return ["estimate", "--data", at("header-only.csv"), "--formula", "y ~ x"];
    },
    error: /header-only\.csv.*(no data rows|only a header|header only)/,
    not: /every row has a missing value/,
  },
  {
    name: "(io) a text cell is quoted with its line and column",
    args: () => {
      writeFileSync(at("textcell.csv"), "y,x\n1,0.0\n2,abc\n3,1\n4,2\n");
      return ["estimate", "--data", at("textcell.csv"), "--formula", "y ~ x"];
    },
    error: /textcell\.csv.*line 3.*"abc"|textcell\.csv.*"abc".*line 3/,
    not: /"0\.0"/,
  },
  // Option parsers: each bad value names its flag.
  ...(
    [
      [["--vcov", "bogus"], /--vcov "bogus" is not understood/],
      [["--vcov", "cluster:"], /--vcov "cluster:"/],
      [["--vcov", "cluster: nope"], /nope/],
      [["--estimator", "foo"], /--estimator "foo" is not understood/],
      [["--kernel", "foo", "--time", "g"], /--kernel "foo" is not a kernel/],
      [["--bw", "-1"], /--bw "-1" must be a positive number/],
      [["--bw", "abc"], /--bw "abc"/],
      [["--weights", "nope"], /unknown column "nope"/],
      [["--weight-type", "iweight"], /--weight-type "iweight" is not one of aweight, fweight, pweight/],
      [["--ssc", "r"], /--ssc "r" is not one of stata, fixest/],
      [["--dofminus", "-1"], /--dofminus "-1" must be a whole number/],
      [["--dofminus", "1.5"], /--dofminus "1.5" must be a whole number/],
      [["--demean-tol", "0"], /--demean-tol "0" must be a positive number/],
      [
        ["--boot", "wild", "--vcov", "cluster: g", "--boot-reps", "0"],
        /--boot-reps "0" must be a whole number ≥ 1/,
      ],
      [["--boot", "wild", "--vcov", "cluster: g", "--boot-weights", "x"], /--boot-weights "x" is not one of/],
      [["--boot", "pairs"], /--boot "pairs" is not supported/],
      [["--family", "logit"], /--family "logit" is not supported/],
      [["--dofminus", ""], /--dofminus "" must be a whole number/],
      [["--boot-reps", "999", "--boot-h0", "1"], /--boot-reps, --boot-h0 only apply with --boot wild/],
      [["--demean-tol", "Infinity"], /--demean-tol "Infinity" must be a positive number/],
      [["--boot", "wild", "--vcov", "cluster: g", "--boot-h0", " "], /--boot-h0 " " must be a number/],
      [
        ["--vcov", "dkraay", "--bw", "1e9", "--time", "g", "--panel", "fid"],
        /--bw 1000000000 exceeds the time span of the data: g runs from 0 to 11 .* at most 11/,
      ],
      [
        ["--vcov", "hetero", "--kernel", "qs", "--bw", "Infinity", "--time", "fid"],
        /--bw "Infinity" must be a positive number/,
      ],
    ] as const
  ).map(
    ([flags, error]): Refusal => ({
      name: `estimate ${flags.join(" ")}`,
      args: () => ["estimate", "--data", clean, "--formula", "y ~ x", ...flags],
      error,
    }),
  ),
];

describe("hostile inputs are refused with a message naming the culprit (exit code ≠ 0)", () => {
  for (const c of refusals) {
    it(c.name, async () => {
      const o = await cliInProcess(c.args());
      expect(o.code, o.out).not.toBe(0);
      expect(o.err).toMatch(c.error);
      if (c.not) expect(o.err).not.toMatch(c.not);
      expect(o.thrown).not.toBeInstanceOf(TypeError);
      expect(o.thrown).not.toBeInstanceOf(RangeError);
      expect(o.out).toBe("");
    });
  }
});

describe("hostile inputs that have a correct answer get it (exit code 0)", () => {
  it("1. 18- and 19-digit firm codes are 40 FE and cluster levels, as small integer ids are", async () => {
    const ref = await estimate(clean, "y ~ x | fid", "--vcov", "cluster: fid");
    for (const id of ["firm18", "firm19"]) {
      const o = await estimate(clean, `y ~ x | ${id}`, "--vcov", `cluster: ${id}`);
      const res = JSON.parse(o.out);
      expect(res.fixed_effects[0].levels, id).toBe(40);
      expect(res.vcov.n_clusters, id).toEqual([40]);
      expectSame(coefs(o), coefs(ref));
    }
    expect(coefs(ref)[0].estimate).toBeCloseTo(2, 0);
  });

  it("1. the codes survive convert to .dta and Parquet digit for digit (FE and cluster from the copies)", async () => {
    const ref = coefs(await estimate(clean, "y ~ x | fid", "--vcov", "cluster: fid"));
    for (const ext of ["dta", "parquet"]) {
      const out = at(`ids.${ext}`);
      const conv = await cliInProcess(["convert", clean, out]);
      expect(conv.code, conv.err).toBe(0);
      const o = await estimate(out, "y ~ x | firm19", "--vcov", "cluster: firm18");
      expectSame(coefs(o), ref);
      const back = at(`ids-${ext}.csv`);
      expect((await cliInProcess(["convert", out, back])).code).toBe(0);
      expect(readFileSync(back, "utf8")).toContain("9132000000000000039");
    }
  });

  it("2. 1e309 in a CSV and inf in Parquet are deleted and counted (the same estimate as without those rows)", async () => {
    const kept = P.filter((_, i) => i !== 5 && i !== 17);
    const ref = coefs(await estimate(writeCsv("kept.csv", kept), "y ~ x | fid"));
    const csv = writeCsv("inf.csv", P);
    const text = readFileSync(csv, "utf8").split("\n");
    text[6] = text[6].replace(/^([^,]*,[^,]*,[^,]*,[^,]*,)[^,]*/, "$11e309");
    text[18] = text[18].replace(/,[^,]*,[^,]*,[^,]*$/, ",-1e309,0.1,0.1");
    writeFileSync(csv, text.join("\n"));
    const o = await estimate(csv, "y ~ x | fid");
    expectSame(coefs(o), ref);
    const res = JSON.parse(o.out);
    expect(res.nobs).toBe(N - 2);
    expect(res.removed.missing).toBe(2);
    expect(res.notes.join(" ")).toMatch(/2 row\(s\) with an infinite value/);

    const pq = at("inf.parquet");
    const s = await DataSession.open(":memory:");
    try {
      await s.run(
        `COPY (SELECT fid, CASE WHEN row_number() OVER () IN (6, 18) THEN 'inf'::DOUBLE ELSE x END AS x, y FROM read_csv('${clean}')) TO '${pq}' (FORMAT parquet)`,
      );
    } finally {
      await s.close();
    }
    const p = await estimate(pq, "y ~ x | fid");
    expectSame(coefs(p), ref);
    expect(JSON.parse(p.out).removed.missing).toBe(2);
  });

  it("3. magnitudes of 1e150 and 1e-150 estimate like order-1 data", async () => {
    const ref = coefs(await estimate(clean, "y ~ x | fid | w ~ z", "--vcov", "hetero"));
    for (const [col, s] of [
      ["x", 1e150],
      ["x", 1e-150],
      ["y", 1e150],
      ["z", 1e-150],
      ["w", 1e150],
    ] as const) {
      const o = await estimate(
        writeCsv(`${col}${s}.csv`, scaled(col, s)),
        "y ~ x | fid | w ~ z",
        "--vcov",
        "hetero",
      );
      expectSame(coefs(o), ref, (term) => (col === "y" ? s : 1) / (term === col ? s : 1));
    }
  });

  it("NaN, nan, inf and -inf as text are missing values, deleted and counted", async () => {
    const kept = P.filter((_, i) => ![3, 9, 20, 33].includes(i));
    const ref = coefs(await estimate(writeCsv("kept-nan.csv", kept), "y ~ x"));
    const rows = P.map((row, i) => ({
      ...row,
      x: ["NaN", "inf", "-inf", "nan"][[3, 9, 20, 33].indexOf(i)] ?? row.x,
    }));
    const o = await estimate(writeCsv("nan-text.csv", rows), "y ~ x");
    expectSame(coefs(o), ref);
    expect(JSON.parse(o.out).removed.missing).toBe(4);
  });

  it("backquoted and bare Chinese names work in the FE part and as cluster", async () => {
    const ref = coefs(await estimate(clean, "y ~ x | g", "--vcov", "cluster: g"));
    const cn = writeCsv(
      "cn.csv",
      P.map(({ g, ...r }) => ({ ...r, 行业: g })),
    );
    expectSame(coefs(await estimate(cn, "y ~ x | `行业`", "--vcov", "cluster: 行业")), ref);
    expectSame(coefs(await estimate(cn, "y ~ x | 行业", "--vcov", "cluster: 行业")), ref);
  });

  it("6. leading zeros survive convert CSV → .dta / Parquet → CSV", async () => {
    writeFileSync(at("hs.csv"), "hs8,city_code,v\n01012100,0755,1\n84795010,0101,2\n");
    for (const ext of ["dta", "parquet"]) {
      expect((await cliInProcess(["convert", at("hs.csv"), at(`hs.${ext}`)])).code).toBe(0);
      expect((await cliInProcess(["convert", at(`hs.${ext}`), at(`hs-${ext}.csv`)])).code).toBe(0);
      expect(readFileSync(at(`hs-${ext}.csv`), "utf8")).toBe(
        "hs8,city_code,v\n01012100,0755,1\n84795010,0101,2\n",
      );
    }
  });

  it("(io) 7. a GBK header without --encoding is decoded as GB18030 with a notice, never written as mojibake", async () => {
    const gbk = Buffer.concat([
      Buffer.from([0xc6, 0xf3, 0xd2, 0xb5]), // 企业
      Buffer.from(",y,x\n1,2,3\n2,3,5\n3,4,4\n"),
    ]);
    writeFileSync(at("gbk-header.csv"), gbk);
    const o = await cliInProcess(["convert", at("gbk-header.csv"), at("gbk-header-out.csv")]);
    expect(o.code, o.err).toBe(0);
    expect(o.err).toMatch(/GB18030|GBK/);
    expect(readFileSync(at("gbk-header-out.csv"), "utf8").split("\n")[0]).toBe("企业,y,x");
  });

  it("8. convert refuses to overwrite an existing file without --force, and leaves it unchanged", async () => {
    writeFileSync(at("keep.csv"), "precious\n");
    const o = await cliInProcess(["convert", clean, at("keep.csv")]);
    expect(o.code).not.toBe(0);
    expect(o.err).toMatch(/keep\.csv.*exists.*--force/);
    expect(readFileSync(at("keep.csv"), "utf8")).toBe("precious\n");
    expect((await cliInProcess(["convert", clean, at("keep.csv"), "--force"])).code).toBe(0);
    expect(readFileSync(at("keep.csv"), "utf8")).toMatch(/^fid,firm18/);
  });

  it("duplicate and copied regressors: the copy is dropped with a note naming it, the estimate unchanged", async () => {
    const ref = coefs(await estimate(clean, "y ~ x + z"));
    expectSame(coefs(await estimate(clean, "y ~ x + z + x")), ref);
    const copy = await estimate(
      writeCsv(
        "x2.csv",
        P.map((r) => ({ ...r, x2: r.x })),
      ),
      "y ~ x + x2 + z",
    );
    const res = JSON.parse(copy.out);
    expect(res.collinear).toEqual(["x2"]);
    expect(res.notes.join(" ")).toMatch(/x2 is collinear/);
    expectSame(coefs(copy), ref);
  });

  it("the real process: a refusal exits 1 with one line and no stack trace; a usage error exits 2", async () => {
    const bad = spawnCli(["estimate", "--data", at("x300.csv"), "--formula", "y ~ x"]);
    expect(await bad.done).toBe(1);
    expect(bad.stderr()).toMatch(/^robometrics: error: .*"x".*too large.*\n$/);
    expect(bad.stderr()).not.toMatch(/\n\s+at /);
    expect(bad.stdout()).toBe("");
    const usage = spawnCli(["estimate", "--formula", "y ~ x"]);
    expect(await usage.done).toBe(2);
    expect(usage.stderr()).toMatch(/required option '--data <file>' not specified/);
    expect(existsSync(at("x300.csv"))).toBe(true);
  }, 60_000);
});
