/**
 * Signs study B's DGP builds into the printed coefficients that have no structural target: the
 * first stages of Table 3. Robot adoption of an economy moves with that of its structural twins
 * (shared TS and TL factors and adoption levels), so every instrument enters its first stage with
 * a positive sign. Every other printed coefficient has a target in `effects` (estimands.ts).
 */

/** Signs of estimates the DGP fixes without a single consistent value. */
export const SIGNS: Readonly<Record<string, "positive" | "negative">> = {
  "table3.1.IV_TS": "positive",
  "table3.4.IV_TL": "positive",
  "table3.4.IV_TS": "positive",
};
