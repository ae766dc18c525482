/**
 * The comparison levels of a record–firm pair, as tables: the name comparison (current or former
 * name; exact, same core, homophone, one character apart) and the city, address and legal-form
 * comparisons. Level codes are the array indices; "missing" levels carry no evidence.
 */

/** A comparison and its levels. */
export interface Comparison {
  readonly name: string;
  /** SQL expression of the level code over the columns of `lk_pairs`. */
  readonly sql: string;
  readonly levels: readonly string[];
  /** Index of the level meaning "a value is missing" (weight 0), or -1. */
  readonly missing: number;
}

/** Name levels, best first; a pair takes the best over the firm's current and former names. */
export const NAME_LEVELS = [
  "exact",
  "core",
  "former_exact",
  "former_core",
  "homophone",
  "former_homophone",
  "one_char",
  "former_one_char",
  "former_after_rename",
  "similar",
  "other",
] as const;

/** Index of a name level. */
export const NAME = Object.fromEntries(NAME_LEVELS.map((l, i) => [l, i])) as Record<
  (typeof NAME_LEVELS)[number],
  number
>;

/** Levels of the city, address and legal-form comparisons. */
export const SAME_DIFFERENT_MISSING = ["same", "different", "missing"] as const;

/**
 * Name and city levels crossed: firms sharing a name core are mostly in different cities (names are
 * registered per area), so name and city agreement are far from independent among non-matches.
 */
export const NAME_CITY_LEVELS: readonly string[] = NAME_LEVELS.flatMap((n) =>
  SAME_DIFFERENT_MISSING.map((c) => `${n}/city_${c}`),
);

/** The comparisons of the model, in the order of the pattern columns; the first is the blocked one. */
export const COMPARISONS: readonly Comparison[] = [
  { name: "name_city", sql: "name * 3 + city", levels: NAME_CITY_LEVELS, missing: -1 },
  { name: "address", sql: "address", levels: SAME_DIFFERENT_MISSING, missing: 2 },
  { name: "form", sql: "form", levels: SAME_DIFFERENT_MISSING, missing: 2 },
];

/** Name levels that are only one character (or less alike) from the firm: a match needs other evidence. */
export const NEEDS_OTHER_EVIDENCE: readonly number[] = [
  NAME.one_char,
  NAME.former_one_char,
  NAME.former_after_rename,
  NAME.similar,
  NAME.other,
];
