/**
 * Mapping tables built in JavaScript for text that SQL cannot clean well: normalised firm names and
 * the cities of addresses. The distinct texts leave DuckDB once (as the levels of a categorical
 * column), are mapped, and come back as a two-column table to join on.
 */
import type { Column } from "../../frame/frame.js";
import { registerFrame } from "../../io/from-frame.js";
import type { DataSession } from "../../io/session.js";
import { toFrame } from "../../io/to-frame.js";

/**
 * Create table `target(text, mapped)` holding `map(text)` for every distinct non-null value of the
 * single-column query `distinctSql`.
 * @example await registerTextMap(session, "SELECT DISTINCT firm_name FROM asie", "asie_name_map", (s) => normalizeFirmName(s, places));
 */
export async function registerTextMap(
  session: DataSession,
  distinctSql: string,
  target: string,
  map: (text: string) => string | null,
): Promise<void> {
  const frame = await toFrame(session, distinctSql, { source: target });
  const col: Column = frame.columns[frame.names[0]];
  const levels = col.type === "category" ? col.levels : [];
  const mappedIndex = new Map<string, number>();
  const mappedLevels: string[] = [];
  const codes = new Int32Array(levels.length);
  levels.forEach((text, i) => {
    const m = map(text);
    if (m === null || m === "") {
      codes[i] = -1;
      return;
    }
    let c = mappedIndex.get(m);
    if (c === undefined) {
      c = mappedLevels.length;
      mappedLevels.push(m);
      mappedIndex.set(m, c);
    }
    codes[i] = c;
  });
  await registerFrame(session, target, {
    nrows: levels.length,
    names: ["text", "mapped"],
    columns: {
      text: { type: "category", codes: Int32Array.from(levels, (_, i) => i), levels },
      mapped: { type: "category", codes, levels: mappedLevels },
    },
    source: target,
  });
}
