/**
 * Whether a text file ends with a line break. Programs that write CSV (R, Stata, pandas, Excel)
 * end the last line with one, so a file that does not is likely cut off: its last row may be
 * incomplete even when it has the right number of fields.
 */
import { open } from "node:fs/promises";

/**
 * True when the file is empty or its last byte is `\n` or `\r`.
 * @example if (!(await endsWithNewline("data.csv"))) warn("last line may be truncated");
 */
export async function endsWithNewline(path: string): Promise<boolean> {
  const fh = await open(path, "r");
  try {
    const { size } = await fh.stat();
    if (size === 0) return true;
    const buf = Buffer.alloc(1);
    await fh.read(buf, 0, 1, size - 1);
    return buf[0] === 0x0a || buf[0] === 0x0d;
  } finally {
    await fh.close();
  }
}
