/**
 * The `<strls>` section (117+): a pre-pass records where each GSO's contents sit in the file, keyed
 * by its (v,o) reference, so strL values can later be read by offset without holding them in memory.
 */
import type { Cursor } from "./cursor.js";
import { DtaError } from "./errors.js";
import type { FileSource } from "./file-source.js";
import type { VarPlan } from "./layout.js";
import { decodeCString } from "./text.js";

const GSO_BINARY = 129;
const GSO_TEXT = 130;
/** Gaps up to this many bytes between wanted GSOs are read through rather than split into two reads. */
const MERGE_GAP = 1 << 16;
/** Largest single coalesced read. */
const MAX_READ = 1 << 24;

/** Where each GSO's contents are, by (v,o). */
export class StrlIndex {
  private readonly slots = new Map<number, number>();
  private offsets = new Float64Array(64);
  private lengths = new Float64Array(64);
  private types = new Uint8Array(64);
  private n = 0;

  constructor(
    private readonly nvar: number,
    private readonly nobs: number,
  ) {}

  /** Number of GSOs. */
  get size(): number {
    return this.n;
  }

  private key(v: number, o: number): number {
    return o * (this.nvar + 1) + v;
  }

  /**
   * Slot of (v,o), or −1 if no GSO defines it.
   * @example const slot = index.slotOf(5, 1);
   */
  slotOf(v: number, o: number): number {
    if (v < 1 || v > this.nvar || o < 1 || o > this.nobs) return -1;
    return this.slots.get(this.key(v, o)) ?? -1;
  }

  /** Record a GSO; false if (v,o) was already defined. */
  add(v: number, o: number, type: number, offset: number, length: number): boolean {
    const key = this.key(v, o);
    if (this.slots.has(key)) return false;
    if (this.n === this.offsets.length) {
      const grow = <T extends Float64Array | Uint8Array>(a: T, make: (n: number) => T): T => {
        const b = make(a.length * 2);
        b.set(a);
        return b;
      };
      this.offsets = grow(this.offsets, (k) => new Float64Array(k));
      this.lengths = grow(this.lengths, (k) => new Float64Array(k));
      this.types = grow(this.types, (k) => new Uint8Array(k));
    }
    this.offsets[this.n] = offset;
    this.lengths[this.n] = length;
    this.types[this.n] = type;
    this.slots.set(key, this.n);
    this.n++;
    return true;
  }

  /**
   * Read and decode the strings of the given slots (duplicates allowed), coalescing nearby GSOs
   * into few reads.
   * @example const texts = await index.fetch(src, [0, 1, 1], decoder);
   */
  async fetch(src: FileSource, slots: ArrayLike<number>, decoder: TextDecoder): Promise<Map<number, string>> {
    const out = new Map<number, string>();
    for (const group of this.readGroups(slots)) {
      const buf = await src.readAt(group.start, group.end - group.start, "strL contents");
      this.decodeGroup(group, buf, decoder, out);
    }
    return out;
  }

  /**
   * {@link fetch} with synchronous reads, for a scan that must fill its output without yielding.
   * @example const texts = index.fetchSync(src, [0, 1, 1], decoder);
   */
  fetchSync(src: FileSource, slots: ArrayLike<number>, decoder: TextDecoder): Map<number, string> {
    const out = new Map<number, string>();
    for (const group of this.readGroups(slots)) {
      const buf = src.readAtSync(group.start, group.end - group.start, "strL contents");
      this.decodeGroup(group, buf, decoder, out);
    }
    return out;
  }

  /** The distinct slots in file order, grouped into coalesced reads. */
  private readGroups(slots: ArrayLike<number>): ReadGroup[] {
    const unique = Array.from(new Set(Array.from(slots))).sort((a, b) => this.offsets[a] - this.offsets[b]);
    const groups: ReadGroup[] = [];
    let i = 0;
    while (i < unique.length) {
      const first = unique[i];
      const start = this.offsets[first];
      let end = start + this.lengths[first];
      let j = i + 1;
      while (j < unique.length) {
        const s = this.offsets[unique[j]];
        const e = s + this.lengths[unique[j]];
        if (s - end > MERGE_GAP || e - start > MAX_READ) break;
        end = Math.max(end, e);
        j++;
      }
      groups.push({ start, end, slots: unique.slice(i, j) });
      i = j;
    }
    return groups;
  }

  private decodeGroup(
    group: ReadGroup,
    buf: Uint8Array,
    decoder: TextDecoder,
    out: Map<number, string>,
  ): void {
    for (const slot of group.slots) {
      const at = this.offsets[slot] - group.start;
      const bytes = buf.subarray(at, at + this.lengths[slot]);
      out.set(slot, decodeGso(bytes, this.types[slot], decoder));
    }
  }
}

/** One coalesced read: the byte range and the slots within it. */
interface ReadGroup {
  readonly start: number;
  readonly end: number;
  readonly slots: readonly number[];
}

/** Text GSOs end at their NUL terminator; binary GSOs are taken as is (decoded as text). */
function decodeGso(bytes: Uint8Array, type: number, decoder: TextDecoder): string {
  return type === GSO_TEXT ? decodeCString(decoder, bytes) : decoder.decode(bytes);
}

/**
 * Walk `<strls>…</strls>` from the cursor (positioned just after `<strls>`), validating each GSO
 * header against the variables and row count, and return the index.
 * @example const index = await scanStrls(cur, plans, nobs, 118, onSample);
 */
export async function scanStrls(
  cur: Cursor,
  plans: readonly VarPlan[],
  nobs: number,
  oBytes: 4 | 8,
  onText: (bytes: Uint8Array, cut: boolean) => void,
): Promise<StrlIndex> {
  const file = cur.src.path;
  const index = new StrlIndex(plans.length, nobs);
  const headerLen = 3 + 4 + oBytes + 1 + 4;
  let sampled = 0;
  while (await cur.peekTag("GSO")) {
    const at = cur.pos - 3;
    await cur.need(headerLen - 3, "a strL (GSO) header");
    const v = cur.u32();
    const o = oBytes === 4 ? cur.u32() : cur.u64();
    const t = cur.u8();
    const len = cur.u32();
    const bad = (why: string): DtaError =>
      new DtaError(file, `strL section is corrupt: ${why}`, { offset: at });
    if (v < 1 || v > plans.length || plans[v - 1].type !== "strL") {
      throw bad(`a GSO refers to variable ${v}, which is not a strL variable`);
    }
    if (o < 1 || o > nobs) throw bad(`a GSO refers to row ${o} outside 1…${nobs}`);
    if (t !== GSO_BINARY && t !== GSO_TEXT) throw bad(`GSO type ${t} is neither 129 (binary) nor 130 (text)`);
    const contentAt = cur.pos;
    if (!index.add(v, o, t, contentAt, len)) throw bad(`(v,o) = (${v},${o}) is defined twice`);
    if (sampled < 64 && len > 0) {
      const take = Math.min(len, 4096);
      await cur.need(take, "strL contents");
      onText(cur.bytes(take), take < len);
      cur.pos = contentAt;
      sampled++;
    }
    await cur.skip(len, `the contents of strL (${v},${o})`);
  }
  await cur.expectTag("</strls>");
  return index;
}
