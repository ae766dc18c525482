/**
 * Positional, bounds-checked reads from an open file: every read names what it is for, so a
 * truncated file gives an error that says which section is cut short.
 */
import { readSync } from "node:fs";
import { type FileHandle, open } from "node:fs/promises";
import { DtaError, truncated } from "./errors.js";

/** An open file with its size, read at explicit offsets. */
export class FileSource {
  private constructor(
    readonly path: string,
    private readonly handle: FileHandle,
    readonly size: number,
  ) {}

  /**
   * Open `path` for reading.
   * @example const src = await FileSource.open("auto.dta");
   */
  static async open(path: string): Promise<FileSource> {
    let handle: FileHandle;
    try {
      handle = await open(path, "r");
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === "ENOENT" ? "no such file" : code === "EISDIR" ? "is a directory" : String(err);
      throw new DtaError(path, `cannot open the file for reading: ${why}; check the path`);
    }
    const stat = await handle.stat();
    if (!stat.isFile()) {
      await handle.close();
      throw new DtaError(path, "is not a regular file; give the path of a .dta file");
    }
    return new FileSource(path, handle, stat.size);
  }

  /**
   * Read exactly `length` bytes at `offset` into `target` (or a new buffer); throws if the file ends first.
   * @example const head = await src.readAt(0, 109, "the header");
   */
  async readAt(offset: number, length: number, what: string, target?: Uint8Array): Promise<Uint8Array> {
    const buf = this.prepareRead(offset, length, what, target);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await this.handle.read(buf, done, length - done, offset + done);
      if (bytesRead === 0) throw truncated(this.path, what, offset, offset + length, offset + done);
      done += bytesRead;
    }
    return buf;
  }

  /**
   * {@link readAt} without yielding to the event loop, for callers that must produce data
   * synchronously (a DuckDB table-function scan).
   * @example const rows = src.readAtSync(dataOffset, 4096, "the data");
   */
  readAtSync(offset: number, length: number, what: string, target?: Uint8Array): Uint8Array {
    const buf = this.prepareRead(offset, length, what, target);
    let done = 0;
    while (done < length) {
      const bytesRead = readSync(this.handle.fd, buf, done, length - done, offset + done);
      if (bytesRead === 0) throw truncated(this.path, what, offset, offset + length, offset + done);
      done += bytesRead;
    }
    return buf;
  }

  /** Check a read's bounds and give the buffer it goes into. */
  private prepareRead(offset: number, length: number, what: string, target?: Uint8Array): Uint8Array {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
      throw new DtaError(this.path, `impossible position for ${what}: offset ${offset}, length ${length}`);
    }
    if (offset + length > this.size) throw truncated(this.path, what, offset, offset + length, this.size);
    if (target) return target;
    try {
      return new Uint8Array(length);
    } catch {
      throw new DtaError(
        this.path,
        `cannot allocate ${length} bytes for ${what}; the file is corrupt or too large to read`,
        {
          offset,
        },
      );
    }
  }

  /**
   * Close the file (idempotent).
   * @example await src.close();
   */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.handle.close();
  }

  private closed = false;
}
