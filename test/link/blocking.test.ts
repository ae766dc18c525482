import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DataSession } from "../../src/io/session.js";
import { blockingSql, sampleStepFor } from "../../src/link/block-sql.js";

/**
 * Scale-shaped checks of the blocking: 400 firms whose cores differ only in their first character
 * share the deletion key of that position (a frequent key), which must not turn into 400 candidate
 * pairs per record; a record resolved by its exact core takes no fuzzy pair into the decision.
 */
const BRANDS = Array.from("甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土日月星山川");

async function load(session: DataSession, firmCores: string[], recordCores: string[]): Promise<void> {
  const names = (cores: string[]) =>
    cores.map((c, i) => `(${i}, ${i}, 0, 'nan'::DOUBLE, '${c}', '${c}', '${c}')`).join(", ");
  const cols =
    "(row DOUBLE, owner DOUBLE, former DOUBLE, until DOUBLE, clean VARCHAR, core VARCHAR, pinyin VARCHAR)";
  await session.run(`CREATE TEMP TABLE lk_fname ${cols}`);
  await session.run(`INSERT INTO lk_fname VALUES ${names(firmCores)}`);
  await session.run(`CREATE TEMP TABLE lk_rname ${cols}`);
  await session.run(`INSERT INTO lk_rname VALUES ${names(recordCores)}`);
  await session.run(`CREATE TEMP TABLE lk_firm AS SELECT row AS fid, '苏州' AS city FROM lk_fname`);
  await session.run(
    `CREATE TEMP TABLE lk_rec AS SELECT row AS rid, '苏州' AS city, 2010::DOUBLE AS year FROM lk_rname`,
  );
}

describe("selective blocking (frequency caps, exact pass first)", () => {
  let session: DataSession;
  // 400 distinct firm cores X Y 精密传动 sharing the deletion key "Y精密传动" (position 1) by Y.
  const firms: string[] = [];
  for (const a of BRANDS) for (const b of BRANDS.slice(0, 13)) if (a !== b) firms.push(`${a}${b}精密传动`);
  const records = [
    `${BRANDS[0]}${BRANDS[1]}精密传动`, // exact core of a listed firm: resolved in the exact pass
    `菜${BRANDS[1]}精密传动`, // not listed, one character from 31 listed firms via a frequent key
    `${BRANDS[2]}${BRANDS[3]}精密传功`, // a typo of a listed firm in the trade part
  ];

  beforeAll(async () => {
    session = await DataSession.open();
    await load(session, firms, records);
  });
  afterAll(async () => session.close());

  async function pairsOf(cap: number, sampleStep: number) {
    for (const sql of blockingSql({ cap, sampleStep })) await session.run(sql);
    return session.rows(
      "SELECT rrow, count(*) FILTER (WHERE decide) AS decide, count(*) AS total, max(w) AS w FROM lk_cand GROUP BY rrow ORDER BY rrow",
    );
  }

  it("drops a firm-side key shared by more names than the cap", async () => {
    expect(firms.length).toBeGreaterThan(350);
    const uncapped = await pairsOf(1000, 1);
    const capped = await pairsOf(20, 1);
    const unc = Number(uncapped.find((r) => Number(r.rrow) === 1)?.decide ?? 0);
    const cap = Number(capped.find((r) => Number(r.rrow) === 1)?.decide ?? 0);
    expect(unc).toBeGreaterThanOrEqual(BRANDS.length - 1);
    expect(cap).toBe(0);
  });

  it("keeps the rare key that finds a one-character typo", async () => {
    const rows = await pairsOf(20, 1);
    const [{ n }] = await session.rows(
      `SELECT count(*) AS n FROM lk_cand WHERE rrow = 2 AND one_char AND frow = ${firms.indexOf(`${BRANDS[2]}${BRANDS[3]}精密传动`)}`,
    );
    expect(Number(n)).toBe(1);
    expect(Number(rows.find((r) => Number(r.rrow) === 2)?.decide)).toBeGreaterThanOrEqual(1);
  });

  it("gives a record resolved by its exact core no fuzzy pair in the decision; sampled, its fuzzy pairs carry the sample weight", async () => {
    const rows = await pairsOf(1000, 1);
    const resolved = rows.find((r) => Number(r.rrow) === 0);
    expect(Number(resolved?.decide)).toBe(1);
    expect(Number(resolved?.total)).toBeGreaterThan(10);
    const [w] = await session.rows("SELECT DISTINCT w FROM lk_cand WHERE rrow = 0 AND NOT decide");
    expect(Number(w.w)).toBe(1);
    // Record row 0 is sampled at every step (0 % k = 0): its fuzzy pairs weigh k in the fit.
    await pairsOf(1000, 3);
    const [w3] = await session.rows("SELECT DISTINCT w FROM lk_cand WHERE rrow = 0 AND NOT decide");
    expect(Number(w3.w)).toBe(3);
  });

  it("samples about 50,000 resolved records whatever the size", () => {
    expect(sampleStepFor(34_000)).toBe(1);
    expect(sampleStepFor(2_000_000)).toBe(40);
  });
});
