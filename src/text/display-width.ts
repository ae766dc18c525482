/**
 * Text measured as a terminal shows it: East Asian Wide and Fullwidth characters (Chinese, Japanese,
 * Korean, fullwidth punctuation) take two columns, combining marks and ANSI colour codes none
 * (Unicode UAX #11 via `string-width`). Used to pad console tables and to wrap figure captions.
 */
import stringWidth from "string-width";

/**
 * Columns `s` takes on a terminal (ambiguous-width characters count as one, as on most Western terminals).
 * @example displayWidth("行业ab"); // 6
 */
export function displayWidth(s: string): number {
  return stringWidth(s);
}

/**
 * Pad `s` with spaces on the right to `width` display columns (unchanged when already as wide).
 * @example padEndDisplay("中国", 6); // "中国  "
 */
export function padEndDisplay(s: string, width: number): string {
  return s + " ".repeat(Math.max(0, width - displayWidth(s)));
}

/**
 * Pad `s` with spaces on the left to `width` display columns.
 * @example padStartDisplay("1.5", 5); // "  1.5"
 */
export function padStartDisplay(s: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(s))) + s;
}

/**
 * Cut `s` to at most `width` display columns, ending with "…" when cut (never splits a wide character).
 * @example truncateDisplay("机器人进口企业", 7); // "机器人…"
 */
export function truncateDisplay(s: string, width: number): string {
  if (displayWidth(s) <= width) return s;
  let out = "";
  let used = 0;
  for (const ch of s) {
    const w = displayWidth(ch);
    if (used + w > width - 1) break;
    out += ch;
    used += w;
  }
  return `${out}…`;
}

/**
 * Break text into lines of at most `width` display columns: at spaces for Latin text, between any
 * two characters for CJK text (a word longer than a line is cut).
 * @example wrapDisplay("Source: Penn World Table 9.1", 12); // ["Source: Penn", "World Table", "9.1"]
 */
export function wrapDisplay(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  // Tokens: a run of non-space non-wide characters, a single wide character, or spaces.
  for (const tok of text.match(
    /\s+|[^\s\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]+|./gu,
  ) ?? []) {
    if (/^\s+$/.test(tok)) {
      if (line !== "") line += " ";
      continue;
    }
    if (displayWidth(line + tok) <= width) {
      line += tok;
      continue;
    }
    if (line.trim() !== "") lines.push(line.trimEnd());
    line = tok;
    while (displayWidth(line) > width) {
      const head = truncateDisplay(line, width + 1).slice(0, -1);
      lines.push(head);
      line = line.slice(head.length);
    }
  }
  if (line.trim() !== "") lines.push(line.trimEnd());
  return lines;
}
