/**
 * Checking that required columns exist, reporting every missing one at once.
 */

/**
 * Throw if any of `required` is not in `available`: the message names the source, ALL the missing
 * columns (with a near match when only the letter case differs) and lists the columns there are.
 * @example requireColumns("card.csv", ["lwage", "educ"], ["lwage", "educ", "exper"]); // throws naming "exper"
 */
export function requireColumns(
  source: string,
  available: readonly string[],
  required: readonly string[],
): void {
  const have = new Set(available);
  const missing = [...new Set(required.filter((name) => !have.has(name)))];
  if (missing.length === 0) return;
  const byLower = new Map(available.map((a) => [a.toLowerCase(), a]));
  const described = missing.map((m) => {
    const near = byLower.get(m.toLowerCase());
    return near ? `"${m}" (did you mean "${near}"?)` : `"${m}"`;
  });
  const shown = available.slice(0, 60).join(", ");
  const more = available.length > 60 ? `, … (${available.length} in all)` : "";
  const noun = missing.length === 1 ? "column" : "columns";
  throw new Error(
    `${source}: missing ${noun} ${described.join(", ")}; the columns are: ${shown || "(none)"}${more}`,
  );
}
