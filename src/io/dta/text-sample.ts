/**
 * A bounded collection of raw string fields (labels and the first rows' strings) used to judge
 * whether the chosen text encoding fits the file.
 */

const DEFAULT_CAP = 1 << 18;

/** One sampled field; `cut` when it was shortened (its last character may be incomplete). */
export interface SampledField {
  readonly bytes: Uint8Array;
  readonly cut: boolean;
}

/** Collects raw text fields up to a total byte cap. */
export class TextSample {
  readonly fields: SampledField[] = [];
  private size = 0;

  constructor(private readonly cap = DEFAULT_CAP) {}

  /**
   * Add a field (its bytes up to the first NUL); `cut` says the caller already shortened it.
   * Ignored once the cap is reached.
   * @example sample.add(fieldBytes);
   */
  add(field: Uint8Array, cut = false): void {
    const end = field.indexOf(0);
    this.push(end < 0 ? field : field.subarray(0, end), cut);
  }

  /**
   * Add a block of NUL-separated fields as is (e.g. a value-label text table).
   * @example sample.addBlock(txt);
   */
  addBlock(block: Uint8Array): void {
    let start = 0;
    while (start < block.length && !this.full) {
      let end = block.indexOf(0, start);
      if (end < 0) end = block.length;
      this.push(block.subarray(start, end), false);
      start = end + 1;
    }
  }

  private push(text: Uint8Array, cut: boolean): void {
    if (this.full || text.length === 0) return;
    const room = this.cap - this.size;
    const take = text.length > room ? text.subarray(0, room) : text;
    this.fields.push({ bytes: take.slice(), cut: cut || take.length < text.length });
    this.size += take.length;
  }

  /** True once no more bytes will be kept. */
  get full(): boolean {
    return this.size >= this.cap;
  }
}
