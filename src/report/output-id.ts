/** Validation of the file stems (`id`) of tables and figures. */

const ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * Throw unless `id` is a safe file stem: letters, digits, `_`, `-`, `.`, starting with a letter or digit.
 * @example assertOutputId("table2", "table"); // ok; assertOutputId("../x", "table") throws
 */
export function assertOutputId(id: unknown, what: string): asserts id is string {
  if (typeof id !== "string" || !ID.test(id) || id.length > 120) {
    throw new Error(
      `${what} id ${JSON.stringify(id)} is not a usable file name; use letters, digits, "_", "-" or "." (e.g. "table2"), at most 120 characters`,
    );
  }
}
