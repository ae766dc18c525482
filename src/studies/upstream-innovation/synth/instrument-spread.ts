/**
 * The spread of the shift-share instrument across cities. Eq. (2) weights a city's base-year
 * employment in each IFR industry by the industry's median over cities, so with freely drawn
 * industry mixes a few cities (large ones, or ones specialised in the robot-intensive industries)
 * carry most of the instrument's variation over time, and how much depends on the draw: the first
 * stage's precision and the 2SLS weights then swing with the seed. Here each city's drawn mix is
 * tilted towards (or away from) the industries whose US robot density grows most, keeping its total
 * employment and the sign of its drawn exposure, until its instrument net of city and year means
 * has a common within-city s.d. — less where the city's robot share has too little room for
 * π·us_robot's swings.
 */

/** What the spread is fitted to. */
export interface SpreadTarget {
  readonly cities: number;
  readonly years: number;
  /** Common within-city s.d. of the instrument net of city and year means. */
  readonly sd: number;
  /** Largest |instrument net of city and year means| each city can take. */
  readonly room: readonly number[];
}

/** Rounds of the fit (the industry medians of eq. 2 and the cities' mean path move with the tilts). */
const ROUNDS = 30;
/** Weight of a round's solution against the previous tilt. */
const DAMP = 0.5;
/** Bounds of a city's tilt (employment of an industry moves by at most e^TILT relative to another). */
const TILT = 12;

/**
 * Base-year employment (J × industries, city-major) tilted so that the instrument of eq. (2) has
 * the within-city spread {@link SpreadTarget} asks for, rounded to whole persons (at least 1).
 * `robotsPerWorker` is US robots over US base-year employment by industry × year (industry-major).
 * @example const emp = spreadEmployment(raw, robotsPerWorker, { cities: 44, years: 14, sd: 40, room });
 */
export function spreadEmployment(
  raw: Float64Array,
  robotsPerWorker: Float64Array,
  target: SpreadTarget,
): Float64Array {
  const J = target.cities;
  const T = target.years;
  const nI = raw.length / J;
  const kappa = new Float64Array(J);
  const employment = Float64Array.from(raw);
  let sign: Float64Array | null = null;
  for (let round = 0; round < ROUNDS; round++) {
    const med = industryMedians(employment, J, nI);
    const z = instrument(employment, med, robotsPerWorker, J, T);
    // The cities' mean path, net of its time mean: every city's instrument loads on it.
    const phi = new Float64Array(T);
    for (let j = 0; j < J; j++) for (let t = 0; t < T; t++) phi[t] += z[j * T + t] / J;
    centre(phi);
    const phiSS = phi.reduce((a, v) => a + v * v, 0);
    const phiSd = Math.sqrt(phiSS / T);
    const phiMax = phi.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
    // An industry's loading per worker on the mean path: tilting towards it raises the loading.
    const k = Float64Array.from({ length: nI }, (_, i) => {
      let c = 0;
      for (let t = 0; t < T; t++) c += robotsPerWorker[i * T + t] * phi[t];
      return c / phiSS / med[i];
    });
    const kMax = k.reduce((a, v) => Math.max(a, Math.abs(v)), 0);
    const h = Float64Array.from(k, (v) => v / kMax);
    const loading = (j: number, kj: number) => {
      const e = tilted(raw, j, nI, h, kj);
      let l = 0;
      for (let i = 0; i < nI; i++) l += (e[i] / med[i]) * k[i] * med[i];
      return l;
    };
    if (!sign) sign = Float64Array.from({ length: J }, (_, j) => (loading(j, 0) >= 1 ? 1 : -1));
    const next = new Float64Array(J * nI);
    for (let j = 0; j < J; j++) {
      const size = Math.min(target.sd / phiSd, target.room[j] / phiMax);
      // A city whose drawn side of the mean path cannot be reached (a large city cannot load below
      // the mean when every industry's robot density grows) takes the other side.
      const [lmin, lmax] = [loading(j, -TILT), loading(j, TILT)];
      const reach = (g: number) => g >= lmin && g <= lmax;
      if (!reach(1 + sign[j] * size) && reach(1 - sign[j] * size)) sign[j] = -sign[j];
      const goal = 1 + sign[j] * size;
      let lo = -TILT;
      let hi = TILT;
      for (let it = 0; it < 50; it++) {
        const mid = (lo + hi) / 2;
        if (loading(j, mid) < goal) lo = mid;
        else hi = mid;
      }
      // Damped: the medians and the mean path move with every city's tilt.
      kappa[j] = round === 0 ? (lo + hi) / 2 : (1 - DAMP) * kappa[j] + (DAMP * (lo + hi)) / 2;
      next.set(tilted(raw, j, nI, h, kappa[j]), j * nI);
    }
    employment.set(next);
  }
  return Float64Array.from(employment, (e) => Math.max(1, Math.round(e)));
}

/** City j's drawn employment tilted by exp(κ·h_i), rescaled to the drawn total. */
function tilted(raw: Float64Array, j: number, nI: number, h: Float64Array, kappa: number): Float64Array {
  const out = new Float64Array(nI);
  let total = 0;
  let totalTilted = 0;
  for (let i = 0; i < nI; i++) {
    const e = raw[j * nI + i];
    out[i] = e * Math.exp(kappa * h[i]);
    total += e;
    totalTilted += out[i];
  }
  for (let i = 0; i < nI; i++) out[i] *= total / totalTilted;
  return out;
}

function industryMedians(employment: Float64Array, J: number, nI: number): Float64Array {
  return Float64Array.from({ length: nI }, (_, i) => {
    const v = Float64Array.from({ length: J }, (_, j) => employment[j * nI + i]).sort();
    return J % 2 ? v[(J - 1) / 2] : (v[J / 2 - 1] + v[J / 2]) / 2;
  });
}

/** Eq. (2) by city-year from employment, industry medians and US robots per worker. */
function instrument(
  employment: Float64Array,
  med: Float64Array,
  robotsPerWorker: Float64Array,
  J: number,
  T: number,
): Float64Array {
  const nI = med.length;
  const z = new Float64Array(J * T);
  for (let j = 0; j < J; j++)
    for (let i = 0; i < nI; i++) {
      const w = employment[j * nI + i] / med[i];
      for (let t = 0; t < T; t++) z[j * T + t] += w * robotsPerWorker[i * T + t];
    }
  return z;
}

function centre(x: Float64Array): void {
  const m = x.reduce((a, v) => a + v, 0) / x.length;
  for (let t = 0; t < x.length; t++) x[t] -= m;
}

/**
 * Within-city s.d. and largest absolute value of x (J × T, city-major) net of its city and year means.
 * @example const { sd, max } = withinCitySpread(usRobot, 44, 14);
 */
export function withinCitySpread(
  x: Float64Array,
  J: number,
  T: number,
): { sd: Float64Array; max: Float64Array } {
  const z = twoWayDemeaned(x, J, T);
  const sd = new Float64Array(J);
  const max = new Float64Array(J);
  for (let j = 0; j < J; j++) {
    let ss = 0;
    for (let t = 0; t < T; t++) {
      const v = z[j * T + t];
      ss += v * v;
      max[j] = Math.max(max[j], Math.abs(v));
    }
    sd[j] = Math.sqrt(ss / T);
  }
  return { sd, max };
}

/**
 * x (city-major, J × T) net of its city and year means.
 * @example const zt = twoWayDemeaned(usRobot, 44, 14);
 */
export function twoWayDemeaned(x: Float64Array, J: number, T: number): Float64Array {
  const cm = new Float64Array(J);
  const tm = new Float64Array(T);
  let gm = 0;
  for (let j = 0; j < J; j++)
    for (let t = 0; t < T; t++) {
      const v = x[j * T + t];
      cm[j] += v / T;
      tm[t] += v / J;
      gm += v / (J * T);
    }
  return Float64Array.from(x, (v, k) => v - cm[Math.floor(k / T)] - tm[k % T] + gm);
}
