/**
 * Format-118 `.dta` writer. Streaming: declare the schema, write row batches, close. Output goes to
 * a temporary file (strL contents to a second one) that is renamed into place only when complete,
 * so a failed write never leaves a half-written file under the target name.
 */
import { randomBytes } from "node:crypto";
import { createReadStream, existsSync } from "node:fs";
import { type FileHandle, open, rm } from "node:fs/promises";
import { moveIntoPlace } from "../atomic-path.js";
import { removeOnSignal } from "../signal-cleanup.js";
import { DtaError } from "./errors.js";
import type { DtaWriteOptions, DtaSchema, DtaWriteTable } from "./write-types.js";
import { encodeFrontMatter, formatTimestamp } from "./write-header.js";
import { encodeRows, type WritePlan } from "./write-rows.js";
import { checkLabel, inferDtaSchema, validateSchema } from "./write-schema.js";
import { encodeValueLabels } from "./write-value-labels.js";

const WIDTHS = { byte: 1, int: 2, long: 4, float: 4, double: 8, strL: 8 } as const;

/** A file being written batch by batch. */
export interface DtaWriter {
  /** Append rows: one array per schema column (equal lengths), optional missing tags per column. */
  writeBatch(
    columns: readonly (Float64Array | readonly number[] | readonly string[])[],
    missingTags?: readonly (Uint8Array | null | undefined)[],
  ): Promise<void>;
  /** Finish the file and move it into place. */
  close(): Promise<void>;
  /** Give up: remove the temporary files. */
  abort(): Promise<void>;
  /** Rows written so far. */
  readonly rowsWritten: number;
}

/**
 * Start writing a format-118 file with the given schema.
 * @example const w = await createDtaWriter("out.dta", schema); await w.writeBatch(cols); await w.close();
 */
export async function createDtaWriter(
  path: string,
  schema: DtaSchema,
  opts: DtaWriteOptions = {},
): Promise<DtaWriter> {
  validateSchema(path, schema);
  const dataLabel = opts.dataLabel ?? "";
  checkLabel(path, "data label", dataLabel, 80, 320);
  const stamp = opts.timestamp instanceof Date ? formatTimestamp(opts.timestamp) : (opts.timestamp ?? "");
  if (stamp !== "" && !/^[ \d]\d [A-Z][a-z]{2} \d{4} [ \d]\d:\d\d$/.test(stamp)) {
    throw new DtaError(path, `timestamp "${stamp}" must look like "10 Mar 2017 14:23" (or be a Date)`);
  }
  const labels = encodeValueLabels(path, schema.valueLabels ?? {});
  const plans: WritePlan[] = [];
  let rowWidth = 0;
  for (const c of schema.columns) {
    const width = c.type === "str" ? c.strWidth! : WIDTHS[c.type];
    plans.push({ name: c.name, type: c.type, width, offset: rowWidth });
    rowWidth += width;
  }
  const front = encodeFrontMatter(schema.columns, dataLabel, stamp);
  const tmp = `${path}.${randomBytes(6).toString("hex")}.tmp`;
  // Interrupted (Ctrl-C): the partial file and its strL side file are removed, never left behind.
  removeOnSignal(tmp);
  removeOnSignal(`${tmp}.strls`);
  let fh: FileHandle;
  try {
    fh = await open(tmp, "wx");
  } catch (err) {
    throw new DtaError(
      path,
      `cannot create the output file: ${(err as Error).message}; check the directory exists and is writable`,
    );
  }
  const w = new StreamingDtaWriter(path, tmp, fh, plans, rowWidth, front, labels, existsSync(path));
  try {
    await w.init();
  } catch (err) {
    await w.abort();
    throw err;
  }
  return w;
}

/**
 * Write a whole table as a format-118 file, choosing storage types to fit (see {@link inferDtaSchema}).
 * @example await writeDta("out.dta", { columns: [{ name: "id", values: new Float64Array([1, 2]) }] });
 */
export async function writeDta(
  path: string,
  table: DtaWriteTable,
  opts: DtaWriteOptions = {},
): Promise<void> {
  const n = table.columns.length ? table.columns[0].values.length : 0;
  for (const c of table.columns) {
    if (c.values.length !== n) {
      throw new DtaError(
        path,
        `column has ${c.values.length} rows but "${table.columns[0].name}" has ${n}; give equally long columns`,
        {
          variable: c.name,
        },
      );
    }
  }
  const schema = inferDtaSchema(table, path);
  const w = await createDtaWriter(path, schema, opts);
  const step = opts.batchRows ?? 65_536;
  if (!Number.isInteger(step) || step < 1)
    throw new DtaError(path, `batchRows must be a positive integer, got ${step}`);
  try {
    for (let start = 0; start < n; start += step) {
      const end = Math.min(n, start + step);
      await w.writeBatch(
        table.columns.map((c) =>
          c.values instanceof Float64Array ? c.values.subarray(start, end) : c.values.slice(start, end),
        ),
        table.columns.map((c) => c.missingTags?.subarray(start, end) ?? null),
      );
    }
    await w.close();
  } catch (err) {
    await w.abort();
    throw err;
  }
}

class StreamingDtaWriter implements DtaWriter {
  rowsWritten = 0;
  private pos = 0;
  private strlFh: FileHandle | null = null;
  private strlPos = 0;
  private done = false;

  constructor(
    private readonly path: string,
    private readonly tmp: string,
    private readonly fh: FileHandle,
    private readonly plans: readonly WritePlan[],
    private readonly rowWidth: number,
    private readonly front: ReturnType<typeof encodeFrontMatter>,
    private readonly labels: Buffer,
    /** The output existed when writing began (replace it); else never clobber a newcomer. */
    private readonly replace: boolean,
  ) {}

  private get strlTmp(): string {
    return `${this.tmp}.strls`;
  }

  async init(): Promise<void> {
    await this.append(this.front.bytes);
  }

  private async append(bytes: Uint8Array): Promise<void> {
    let done = 0;
    while (done < bytes.length) {
      const { bytesWritten } = await this.fh.write(bytes, done, bytes.length - done, this.pos + done);
      done += bytesWritten;
    }
    this.pos += bytes.length;
  }

  async writeBatch(
    columns: readonly (Float64Array | readonly number[] | readonly string[])[],
    missingTags: readonly (Uint8Array | null | undefined)[] = [],
  ): Promise<void> {
    if (this.done) throw new DtaError(this.path, "writeBatch after close/abort; create a new writer");
    if (columns.length !== this.plans.length) {
      throw new DtaError(
        this.path,
        `batch has ${columns.length} columns but the schema has ${this.plans.length}`,
      );
    }
    const n = columns.length ? columns[0].length : 0;
    columns.forEach((c, j) => {
      if (c.length !== n) {
        throw new DtaError(
          this.path,
          `batch column has ${c.length} rows but "${this.plans[0].name}" has ${n}`,
          {
            variable: this.plans[j].name,
          },
        );
      }
    });
    if (n === 0) return;
    const { rows, gsos } = encodeRows(
      this.path,
      this.plans,
      this.rowWidth,
      columns,
      missingTags,
      this.rowsWritten,
      n,
    );
    await this.append(rows);
    if (gsos?.length) {
      this.strlFh ??= await open(this.strlTmp, "wx");
      let done = 0;
      while (done < gsos.length) {
        const { bytesWritten } = await this.strlFh.write(gsos, done, gsos.length - done, this.strlPos + done);
        done += bytesWritten;
      }
      this.strlPos += gsos.length;
    }
    this.rowsWritten += n;
  }

  async close(): Promise<void> {
    if (this.done) throw new DtaError(this.path, "close called twice");
    const map = [...this.front.sections];
    await this.append(Buffer.from("</data>", "latin1"));
    map.push(this.pos);
    await this.append(Buffer.from("<strls>", "latin1"));
    if (this.strlFh) {
      await this.strlFh.close();
      this.strlFh = null;
      for await (const chunk of createReadStream(this.strlTmp, { highWaterMark: 1 << 20 })) {
        await this.append(chunk as Buffer);
      }
      await rm(this.strlTmp, { force: true });
    }
    await this.append(Buffer.from("</strls>", "latin1"));
    map.push(this.pos);
    await this.append(Buffer.from("<value_labels>", "latin1"));
    await this.append(this.labels);
    await this.append(Buffer.from("</value_labels>", "latin1"));
    map.push(this.pos);
    await this.append(Buffer.from("</stata_dta>", "latin1"));
    map.push(this.pos);
    const patch = Buffer.alloc(8);
    writeU64(patch, 0, this.rowsWritten);
    await this.fh.write(patch, 0, 8, this.front.nOffset);
    const mapBytes = Buffer.alloc(14 * 8);
    for (let i = 0; i < map.length; i++) writeU64(mapBytes, i * 8, map[i]);
    await this.fh.write(mapBytes, 0, mapBytes.length, this.front.mapOffset);
    await this.fh.close();
    this.done = true;
    try {
      await moveIntoPlace(this.tmp, this.path, this.replace);
    } catch (err) {
      await rm(this.tmp, { force: true });
      throw new DtaError(this.path, `cannot move the finished file into place: ${(err as Error).message}`);
    }
  }

  async abort(): Promise<void> {
    if (this.done) return;
    this.done = true;
    await this.fh.close().catch(() => undefined);
    await this.strlFh?.close().catch(() => undefined);
    await rm(this.tmp, { force: true });
    await rm(this.strlTmp, { force: true });
  }
}

function writeU64(b: Buffer, at: number, v: number): void {
  b.writeUInt32LE(v % 0x100000000, at);
  b.writeUInt32LE(Math.floor(v / 0x100000000), at + 4);
}
