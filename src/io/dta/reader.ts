/**
 * Streaming `.dta` reader: metadata, value labels and the strL index are read up front; rows are
 * then decoded in bounded batches read at file offsets (the next batch is read while the current
 * one is decoded), so a file never has to fit in JavaScript memory.
 */
import { decodeNumericInto, type NumericTarget } from "./decode-numeric.js";
import { FixedStringColumn } from "./decode-strings.js";
import { decodeStrlRefs } from "./decode-strl-refs.js";
import { defaultEncoding, detectLegacyEncoding } from "./detect-encoding.js";
import { DtaError } from "./errors.js";
import { FileSource } from "./file-source.js";
import type { VarPlan } from "./layout.js";
import { buildMeta, sampleFirstRows } from "./meta.js";
import { parseOldFile } from "./parse-old.js";
import { parseTaggedFile } from "./parse-tagged.js";
import type { ParsedFile } from "./parsed-file.js";
import { sniffRelease } from "./sniff.js";
import { makeDecoder } from "./text.js";
import { TextSample } from "./text-sample.js";
import type { DtaBatch, DtaMeta, DtaReadOptions, DtaTable } from "./types.js";

/** Default rows per batch. */
export const DEFAULT_BATCH_ROWS = 65_536;

/** An open `.dta` file: metadata now, rows on demand. */
export interface DtaFile {
  readonly meta: DtaMeta;
  /** Iterate over the rows in batches, from the first row (each call starts afresh). */
  batches(): AsyncIterable<DtaBatch>;
  /** Synchronous access to the raw rows, for a scan that decodes them straight into its own buffers. */
  rows(): DtaRowSource;
  close(): Promise<void>;
}

/** The raw fixed-width rows of an open file and what is needed to decode them. */
export interface DtaRowSource {
  /** Each variable's storage type and byte offset within a row. */
  readonly plans: readonly VarPlan[];
  readonly rowWidth: number;
  readonly littleEndian: boolean;
  /** Decoder of the file's text encoding. */
  readonly decoder: TextDecoder;
  readonly nobs: number;
  /** Read rows `start…start+n` into `target` (at least `n × rowWidth` bytes); returns the bytes read. */
  readSync(start: number, n: number, target: Uint8Array): Uint8Array;
  /**
   * Decode the strL variable `plan` of `n` rows (the first at row `start` of the file, at byte
   * `base` of `view`) into `out[at…at+n)`, reading the GSOs synchronously.
   */
  strlSync(
    view: DataView,
    base: number,
    plan: VarPlan,
    start: number,
    n: number,
    out: string[],
    at: number,
  ): void;
}

/**
 * Open a `.dta` file (releases 113–115, 117–119, either byte order) and read its metadata.
 * @example const f = await openDta("firms.dta"); for await (const b of f.batches()) use(b); await f.close();
 */
export async function openDta(path: string, opts: DtaReadOptions = {}): Promise<DtaFile> {
  const batchRows = opts.batchRows ?? DEFAULT_BATCH_ROWS;
  if (!Number.isInteger(batchRows) || batchRows < 1 || batchRows > 1 << 24) {
    throw new DtaError(path, `batchRows must be an integer from 1 to 16777216, got ${batchRows}`);
  }
  const src = await FileSource.open(path);
  try {
    const release = await sniffRelease(src);
    const parse = async (encoding: string) => {
      const decoder = makeDecoder(encoding, path);
      const sample = new TextSample();
      const parsed = release.tagged
        ? await parseTaggedFile(src, release, decoder, sample)
        : await parseOldFile(src, release, decoder, sample);
      await sampleFirstRows(src, parsed, sample);
      return { decoder, sample, parsed };
    };
    let read = await parse(opts.encoding ?? defaultEncoding(release));
    // Before format 118 the code page is unrecorded: GBK text is detected and re-read as GB18030.
    const detected = opts.encoding ? null : detectLegacyEncoding(read.sample.fields, release, path);
    if (detected) read = await parse(detected.encoding);
    const { decoder, sample, parsed } = read;
    const meta = buildMeta(path, parsed, decoder.encoding, sample, detected?.notice);
    return new OpenDtaFile(src, parsed, meta, decoder, batchRows);
  } catch (err) {
    await src.close();
    throw err;
  }
}

/**
 * Read a whole `.dta` file into memory: one Float64Array or string[] per variable.
 * @example const { meta, columns } = await readDta("firms.dta", { encoding: "gbk" });
 */
export async function readDta(path: string, opts: DtaReadOptions = {}): Promise<DtaTable> {
  const file = (await openDta(path, opts)) as OpenDtaFile;
  try {
    return await file.readAll();
  } finally {
    await file.close();
  }
}

/** Rows are decoded in tiles of about this many bytes so a tile stays in cache across columns. */
const TILE_BYTES = 1 << 19;

/** Where one column's decoded values go. */
type ColumnTarget =
  | { readonly kind: "number"; readonly target: NumericTarget }
  | { readonly kind: "string"; readonly out: string[] };

class OpenDtaFile implements DtaFile {
  constructor(
    private readonly src: FileSource,
    private readonly parsed: ParsedFile,
    readonly meta: DtaMeta,
    private readonly decoder: TextDecoder,
    private readonly batchRows: number,
  ) {}

  close(): Promise<void> {
    return this.src.close();
  }

  rows(): DtaRowSource {
    const { plans, rowWidth, header, dataOffset, strls } = this.parsed;
    const { src, decoder } = this;
    return {
      plans,
      rowWidth,
      littleEndian: header.littleEndian,
      decoder,
      nobs: header.nobs,
      readSync: (start, n, target) =>
        src.readAtSync(
          dataOffset + start * rowWidth,
          n * rowWidth,
          `the data (rows ${start + 1}…${start + n})`,
          target.subarray(0, n * rowWidth),
        ),
      strlSync: (view, base, plan, start, n, out, at) => {
        const slots = this.strlSlots(view, base, plan, start, n);
        const wanted = slots.filter((x) => x >= 0);
        const texts =
          wanted.length && strls ? strls.fetchSync(src, wanted, decoder) : new Map<number, string>();
        fillStrl(slots, texts, out, at);
      },
    };
  }

  async *batches(): AsyncGenerator<DtaBatch> {
    const strCols = this.stringColumns();
    for await (const { chunk, start, n } of this.chunks()) {
      const targets = this.parsed.plans.map((p) => makeTarget(p, n));
      await this.decodeInto(chunk, n, start, targets, 0, strCols);
      yield {
        start,
        nrows: n,
        columns: targets.map((t) => (t.kind === "number" ? t.target.values : t.out)),
        missingTags: targets.map((t) => (t.kind === "number" ? t.target.tags : null)),
      };
    }
  }

  /** Decode every row straight into whole-file columns. */
  async readAll(): Promise<DtaTable> {
    const n = this.parsed.header.nobs;
    const targets = this.parsed.plans.map((p) => makeTarget(p, n));
    const strCols = this.stringColumns();
    for await (const chunk of this.chunks()) {
      await this.decodeInto(chunk.chunk, chunk.n, chunk.start, targets, chunk.start, strCols);
    }
    return {
      meta: this.meta,
      columns: targets.map((t) => (t.kind === "number" ? t.target.values : t.out)),
      missingTags: targets.map((t) => (t.kind === "number" ? t.target.tags : null)),
    };
  }

  private stringColumns(): (FixedStringColumn | null)[] {
    return this.parsed.plans.map((p) =>
      p.type === "str" ? new FixedStringColumn(this.decoder, p.width) : null,
    );
  }

  /** The raw row blocks; the next block is read while the caller decodes the current one. */
  private async *chunks(): AsyncGenerator<{ chunk: Uint8Array; start: number; n: number }> {
    const { nobs } = this.parsed.header;
    const { rowWidth, dataOffset } = this.parsed;
    if (this.parsed.plans.length === 0 || nobs === 0) return;
    const rows = Math.min(this.batchRows, nobs);
    const buffers = [new Uint8Array(rows * rowWidth), new Uint8Array(rows * rowWidth)];
    const read = (start: number, k: number): Promise<Uint8Array> => {
      const n = Math.min(rows, nobs - start);
      const target = buffers[k % 2].subarray(0, n * rowWidth);
      return this.src.readAt(
        dataOffset + start * rowWidth,
        n * rowWidth,
        `the data (rows ${start + 1}…${start + n})`,
        target,
      );
    };
    let pending: Promise<Uint8Array> | null = read(0, 0);
    for (let start = 0, k = 0; start < nobs; k++) {
      const n = Math.min(rows, nobs - start);
      const chunk: Uint8Array = await pending!;
      const next = start + n;
      pending = next < nobs ? read(next, k + 1) : null;
      pending?.catch(() => undefined);
      yield { chunk, start, n };
      start = next;
    }
  }

  private async decodeInto(
    chunk: Uint8Array,
    n: number,
    start: number,
    targets: readonly ColumnTarget[],
    at: number,
    strCols: readonly (FixedStringColumn | null)[],
  ): Promise<void> {
    const { plans, rowWidth, header } = this.parsed;
    const view = new DataView(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const tile = Math.max(1, Math.floor(TILE_BYTES / rowWidth));
    for (let t0 = 0; t0 < n; t0 += tile) {
      const m = Math.min(tile, n - t0);
      const base = t0 * rowWidth;
      for (let j = 0; j < plans.length; j++) {
        const p = plans[j];
        const t = targets[j];
        if (p.type === "str")
          strCols[j]!.decodeInto(chunk, m, rowWidth, base + p.offset, (t as { out: string[] }).out, at + t0);
        else if (p.type !== "strL") {
          const target = (t as { target: NumericTarget }).target;
          decodeNumericInto(view, m, rowWidth, base + p.offset, p.type, header.littleEndian, target, at + t0);
        }
      }
    }
    for (let j = 0; j < plans.length; j++) {
      if (plans[j].type === "strL") {
        await this.decodeStrl(view, plans[j], start, n, (targets[j] as { out: string[] }).out, at);
      }
    }
  }

  private async decodeStrl(
    view: DataView,
    p: VarPlan,
    start: number,
    n: number,
    out: string[],
    at: number,
  ): Promise<void> {
    const { strls } = this.parsed;
    const slots = this.strlSlots(view, 0, p, start, n);
    const wanted = slots.filter((s) => s >= 0);
    const texts =
      wanted.length && strls ? await strls.fetch(this.src, wanted, this.decoder) : new Map<number, string>();
    fillStrl(slots, texts, out, at);
  }

  /** The GSO slot of each of `n` strL references (row `start` at byte `base` of `view`); −1 for "". */
  private strlSlots(view: DataView, base: number, p: VarPlan, start: number, n: number): Int32Array {
    const { header, rowWidth, strls } = this.parsed;
    const vBytes = header.release.strlVBytes as 2 | 3 | 4;
    const refs = decodeStrlRefs(view, n, rowWidth, base + p.offset, vBytes, header.littleEndian);
    const slots = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const v = refs.v[i];
      const o = refs.o[i];
      if (v === 0 && o === 0) {
        slots[i] = -1;
        continue;
      }
      const slot = strls ? strls.slotOf(v, o) : -1;
      if (slot < 0) {
        throw new DtaError(
          this.src.path,
          `strL reference (v,o) = (${v},${o}) has no matching entry in the <strls> section; the file is corrupt`,
          {
            variable: p.name,
            row: start + i,
            offset: this.parsed.dataOffset + (start + i) * rowWidth + p.offset,
          },
        );
      }
      slots[i] = slot;
    }
    return slots;
  }
}

/** Write each row's strL text ("" for an empty reference) into `out[at…]`. */
function fillStrl(slots: Int32Array, texts: ReadonlyMap<number, string>, out: string[], at: number): void {
  for (let i = 0; i < slots.length; i++) out[at + i] = slots[i] < 0 ? "" : texts.get(slots[i])!;
}

function makeTarget(p: VarPlan, n: number): ColumnTarget {
  return p.type === "str" || p.type === "strL"
    ? { kind: "string", out: new Array<string>(n) }
    : { kind: "number", target: { values: new Float64Array(n), tags: null, tagsLength: n } };
}
