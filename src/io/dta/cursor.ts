/**
 * Sequential reader over a {@link FileSource} through a sliding window, used for the header,
 * descriptors, strL and value-label sections. `need(n)` must be awaited before the synchronous
 * accessors read those n bytes.
 */
import { DtaError, truncated } from "./errors.js";
import type { FileSource } from "./file-source.js";

const DEFAULT_WINDOW = 1 << 20;

/** Byte-order aware cursor with bounds checks against the file size. */
export class Cursor {
  private window: Uint8Array = new Uint8Array(0);
  private view = new DataView(this.window.buffer);
  private windowStart = 0;
  /** Absolute file position of the next byte. */
  pos: number;
  littleEndian = true;

  constructor(
    readonly src: FileSource,
    pos: number,
    private readonly windowSize = DEFAULT_WINDOW,
  ) {
    this.pos = pos;
  }

  /**
   * Make the next `n` bytes available; `what` names the section for the truncation error.
   * @example await cur.need(4, "the value-label length"); const len = cur.u32();
   */
  async need(n: number, what: string): Promise<void> {
    const end = this.pos + n;
    if (end > this.src.size) throw truncated(this.src.path, what, this.pos, end, this.src.size);
    if (this.pos >= this.windowStart && end <= this.windowStart + this.window.length) return;
    const len = Math.min(Math.max(n, this.windowSize), this.src.size - this.pos);
    this.window = await this.src.readAt(this.pos, len, what);
    this.view = new DataView(this.window.buffer, this.window.byteOffset, this.window.byteLength);
    this.windowStart = this.pos;
  }

  private at(n: number): number {
    const i = this.pos - this.windowStart;
    if (i < 0 || i + n > this.window.length) {
      throw new Error(`internal: cursor read of ${n} bytes at ${this.pos} without need()`);
    }
    this.pos += n;
    return i;
  }

  /** Unsigned byte. */
  u8(): number {
    return this.window[this.at(1)];
  }
  /** Unsigned 16-bit integer in file byte order. */
  u16(): number {
    return this.view.getUint16(this.at(2), this.littleEndian);
  }
  /** Unsigned 32-bit integer in file byte order. */
  u32(): number {
    return this.view.getUint32(this.at(4), this.littleEndian);
  }
  /** Signed 32-bit integer in file byte order. */
  i32(): number {
    return this.view.getInt32(this.at(4), this.littleEndian);
  }
  /** Unsigned 64-bit integer as a number (exact up to 2^53; larger values come back ≥ 2^53). */
  u64(): number {
    const i = this.at(8);
    const a = this.view.getUint32(i, this.littleEndian);
    const b = this.view.getUint32(i + 4, this.littleEndian);
    return this.littleEndian ? b * 0x100000000 + a : a * 0x100000000 + b;
  }
  /** Unsigned integer of 2, 4 or 8 bytes. */
  uint(bytes: number): number {
    return bytes === 1 ? this.u8() : bytes === 2 ? this.u16() : bytes === 4 ? this.u32() : this.u64();
  }
  /** The next n bytes (a view valid until the next `need`). */
  bytes(n: number): Uint8Array {
    const i = this.at(n);
    return this.window.subarray(i, i + n);
  }

  /**
   * Skip n bytes, checking they exist.
   * @example await cur.skip(len, "a characteristic");
   */
  async skip(n: number, what: string): Promise<void> {
    const end = this.pos + n;
    if (!Number.isSafeInteger(end) || n < 0) {
      throw new DtaError(this.src.path, `impossible length ${n} for ${what}`, { offset: this.pos });
    }
    if (end > this.src.size) throw truncated(this.src.path, what, this.pos, end, this.src.size);
    this.pos = end;
  }

  /**
   * True (and consumed) if the next bytes are the ASCII text `tag`; false (not consumed) otherwise.
   * @example if (await cur.peekTag("<ch>")) { … }
   */
  async peekTag(tag: string): Promise<boolean> {
    if (this.pos + tag.length > this.src.size) return false;
    await this.need(tag.length, tag);
    const i = this.pos - this.windowStart;
    for (let k = 0; k < tag.length; k++) if (this.window[i + k] !== tag.charCodeAt(k)) return false;
    this.pos += tag.length;
    return true;
  }

  /**
   * Consume the ASCII text `tag` or throw an error saying what was found instead.
   * @example await cur.expectTag("<header>");
   */
  async expectTag(tag: string): Promise<void> {
    const at = this.pos;
    if (await this.peekTag(tag)) return;
    const n = Math.min(tag.length, this.src.size - at);
    let found = "end of file";
    if (n > 0) {
      await this.need(n, tag);
      found = JSON.stringify(Buffer.from(this.bytes(n)).toString("latin1"));
    }
    throw new DtaError(
      this.src.path,
      `malformed file: expected the marker "${tag}" but found ${found}; the file is corrupt or not a Stata .dta file`,
      { offset: at },
    );
  }
}
