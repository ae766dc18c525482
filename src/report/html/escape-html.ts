/** Escaping text for HTML element content and attribute values. */

const HTML_ENTITIES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escape `& < > " '` so any text is safe in HTML content or a quoted attribute.
 * @example escapeHtml('a < b & "c"'); // "a &lt; b &amp; &quot;c&quot;"
 */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/**
 * An anchor id from parts (letters, digits, `-`), e.g. for a study's table.
 * @example anchorId("upstream-innovation", "table2"); // "upstream-innovation--table2"
 */
export function anchorId(...parts: string[]): string {
  return parts.map((p) => p.replace(/[^A-Za-z0-9_-]/g, "-")).join("--");
}
