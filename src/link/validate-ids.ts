/**
 * Checking identifier and name columns: every id present and unique, every name present.
 */

/**
 * Throw, naming file, column and row, on a missing or repeated id or a missing name.
 * @example validateIds("firms.csv", "firm_id", ["F1", "F1"], "name", ["甲", "乙"]); // throws: row 2 repeats row 1
 */
export function validateIds(
  path: string,
  idColumn: string,
  ids: readonly (string | null)[],
  nameColumn: string,
  names: readonly (string | null)[],
): void {
  const seen = new Map<string, number>();
  ids.forEach((id, i) => {
    const row = i + 1;
    if (id === null || id.trim() === "")
      throw new Error(`${path}: column "${idColumn}", row ${row}: the id is missing; every row needs an id`);
    const first = seen.get(id);
    if (first !== undefined)
      throw new Error(
        `${path}: column "${idColumn}", row ${row}: id "${id}" repeats row ${first}; ids must be unique`,
      );
    seen.set(id, row);
    if (names[i] === null || (names[i] as string).trim() === "")
      throw new Error(
        `${path}: column "${nameColumn}", row ${row}: the name is missing; give a name or drop the row`,
      );
  });
}
