/**
 * Exact u-probabilities over all record × firm pairs from value frequencies: the chance that two
 * random present values of city, address or legal form agree, and how often a city is missing.
 */
import type { DataSession } from "../io/session.js";

async function agreeShare(session: DataSession, firmSql: string, recSql: string): Promise<number> {
  const [row] = await session.rows(`
    WITH f AS (SELECT v, count(*)::DOUBLE AS n FROM (${firmSql}) WHERE v <> '' GROUP BY v),
         r AS (SELECT v, count(*)::DOUBLE AS n FROM (${recSql}) WHERE v <> '' GROUP BY v)
    SELECT (SELECT sum(f.n * r.n) FROM f JOIN r USING (v)) AS agree,
           (SELECT sum(n) FROM f) AS nf, (SELECT sum(n) FROM r) AS nr`);
  const agree = Number(row.agree ?? 0);
  const present = Number(row.nf ?? 0) * Number(row.nr ?? 0);
  // A value present on both sides agrees by chance with at least one pair's weight of evidence.
  return present > 0 ? Math.min(Math.max(agree, 1) / present, 1 - 1e-12) : 0.5;
}

/** u of the comparisons but the blocked one, and the shares of same/different/missing city over all pairs. */
export interface GlobalU {
  readonly citySame: number;
  readonly cityDifferent: number;
  readonly cityMissing: number;
  readonly address: readonly number[];
  readonly form: readonly number[];
}

async function presentShare(session: DataSession, firmSql: string, recSql: string): Promise<number> {
  const [row] = await session.rows(`SELECT
    (SELECT count(*)::DOUBLE FROM (${firmSql}) WHERE v <> '') / greatest((SELECT count(*) FROM (${firmSql})), 1) AS f,
    (SELECT count(*)::DOUBLE FROM (${recSql}) WHERE v <> '') / greatest((SELECT count(*) FROM (${recSql})), 1) AS r`);
  return Number(row.f) * Number(row.r);
}

/**
 * Value-frequency u-probabilities of city, address and legal form over all record × firm pairs.
 * @example const u = await globalU(session);
 */
export async function globalU(session: DataSession): Promise<GlobalU> {
  const sameDiff = (p: number) => [p, 1 - p, 0];
  const firmCity = "SELECT city AS v FROM lk_firm";
  const recCity = "SELECT city AS v FROM lk_rec";
  const city = await agreeShare(session, firmCity, recCity);
  const present = await presentShare(session, firmCity, recCity);
  const address = await agreeShare(
    session,
    "SELECT address AS v FROM lk_firm",
    "SELECT address AS v FROM lk_rec",
  );
  const form = await agreeShare(
    session,
    "SELECT form AS v FROM lk_fname WHERE former = 0",
    "SELECT form AS v FROM lk_rname",
  );
  return {
    citySame: present * city,
    cityDifferent: present * (1 - city),
    cityMissing: 1 - present,
    address: sameDiff(address),
    form: sameDiff(form),
  };
}
