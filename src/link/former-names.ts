/**
 * Parsing the `former_names` field: `;`-separated names, each optionally ending in the last year
 * the name was used (`名称@2008`, `名称:2008`, `名称|2008` or `名称（至2008）`).
 */

/** A former name and the last year it was used, when known. */
export interface FormerName {
  readonly name: string;
  readonly until: number | null;
}

const SEPARATORS = /[;；]/u;
const YEAR_TAIL = /^(.*?)(?:[@:：|]\s*|[(（]\s*(?:至|until\s*)?)(\d{4})\s*[)）]?\s*$/u;

/**
 * The former names in a field (empty names dropped).
 * @example parseFormerNames("甲公司@2008;乙公司") // => [{ name: "甲公司", until: 2008 }, { name: "乙公司", until: null }]
 */
export function parseFormerNames(field: string | null): FormerName[] {
  if (!field) return [];
  const out: FormerName[] = [];
  for (const part of field.split(SEPARATORS)) {
    const text = part.trim();
    if (!text) continue;
    const m = YEAR_TAIL.exec(text);
    if (m?.[1]?.trim()) out.push({ name: m[1].trim(), until: Number(m[2]) });
    else out.push({ name: text, until: null });
  }
  return out;
}
