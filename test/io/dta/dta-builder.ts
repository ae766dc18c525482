/**
 * Test helper: builds .dta files byte by byte for any release 113–119 in either byte order,
 * independently of the production writer, so the reader is checked against the format spec rather
 * than against its own writer.
 */

export type BuildType = "byte" | "int" | "long" | "float" | "double" | "str" | "strL";

export interface BuildVar {
  name: string;
  type: BuildType;
  strWidth?: number;
  format?: string;
  label?: string;
  valueLabel?: string;
}

/** A cell: a number, a string, or a missing value by tag (1 = ".", 2…27 = ".a"…".z"). */
export type BuildCell = number | string | { missing: number };

export interface BuildSpec {
  release: 113 | 114 | 115 | 117 | 118 | 119;
  byteOrder: "LSF" | "MSF";
  dataLabel?: string;
  timestamp?: string;
  vars: BuildVar[];
  rows: BuildCell[][];
  valueLabels?: Record<string, { value: number; label: string }[]>;
  /** Add a characteristic (expansion field) to check that it is skipped. */
  characteristic?: boolean;
  /** Point repeated strL values at their first occurrence instead of writing a new GSO. */
  crossLinkStrls?: boolean;
  /** Override a variable's type code (to build corrupt files). */
  typeCodeOverride?: Record<number, number>;
}

class Bytes {
  private buf = new Uint8Array(1024);
  private view = new DataView(this.buf.buffer);
  length = 0;
  constructor(readonly le: boolean) {}
  private grow(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
    this.view = new DataView(next.buffer);
  }
  u8(v: number): void {
    this.grow(1);
    this.view.setUint8(this.length++, v);
  }
  i8(v: number): void {
    this.grow(1);
    this.view.setInt8(this.length++, v);
  }
  u16(v: number): void {
    this.grow(2);
    this.view.setUint16(this.length, v, this.le);
    this.length += 2;
  }
  i16(v: number): void {
    this.grow(2);
    this.view.setInt16(this.length, v, this.le);
    this.length += 2;
  }
  u32(v: number): void {
    this.grow(4);
    this.view.setUint32(this.length, v, this.le);
    this.length += 4;
  }
  i32(v: number): void {
    this.grow(4);
    this.view.setInt32(this.length, v, this.le);
    this.length += 4;
  }
  u64(v: number): void {
    const lo = v % 0x100000000;
    const hi = Math.floor(v / 0x100000000);
    if (this.le) {
      this.u32(lo);
      this.u32(hi);
    } else {
      this.u32(hi);
      this.u32(lo);
    }
  }
  f32(v: number): void {
    this.grow(4);
    this.view.setFloat32(this.length, v, this.le);
    this.length += 4;
  }
  f64(v: number): void {
    this.grow(8);
    this.view.setFloat64(this.length, v, this.le);
    this.length += 8;
  }
  raw(bytes: Uint8Array): void {
    this.grow(bytes.length);
    this.buf.set(bytes, this.length);
    this.length += bytes.length;
  }
  ascii(s: string): void {
    this.raw(Buffer.from(s, "latin1"));
  }
  /** A NUL-padded fixed field. */
  fixed(s: string, len: number, encoding: BufferEncoding = "utf8"): void {
    const b = Buffer.from(s, encoding);
    if (b.length >= len) throw new Error(`builder: "${s}" does not fit in ${len} bytes`);
    const field = new Uint8Array(len);
    field.set(b);
    this.raw(field);
  }
  setU64At(at: number, v: number): void {
    const lo = v % 0x100000000;
    const hi = Math.floor(v / 0x100000000);
    this.view.setUint32(at + (this.le ? 0 : 4), lo, this.le);
    this.view.setUint32(at + (this.le ? 4 : 0), hi, this.le);
  }
  bytes(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

const OLD_CODES: Record<string, number> = { byte: 251, int: 252, long: 253, float: 254, double: 255 };
const NEW_CODES: Record<string, number> = {
  byte: 65530,
  int: 65529,
  long: 65528,
  float: 65527,
  double: 65526,
  strL: 32768,
};

function writeMissing(b: Bytes, type: BuildType, tag: number): void {
  switch (type) {
    case "byte":
      b.i8(100 + tag);
      return;
    case "int":
      b.i16(32740 + tag);
      return;
    case "long":
      b.i32(2147483620 + tag);
      return;
    case "float":
      b.u32(0x7f000000 + (tag - 1) * 0x800);
      return;
    case "double":
      if (b.le) {
        b.u32(0);
        b.u32(0x7fe00000 + (tag - 1) * 0x100);
      } else {
        b.u32(0x7fe00000 + (tag - 1) * 0x100);
        b.u32(0);
      }
      return;
    default:
      throw new Error(`builder: no missing values for ${type}`);
  }
}

function writeNumber(b: Bytes, type: BuildType, v: number): void {
  switch (type) {
    case "byte":
      b.i8(v);
      return;
    case "int":
      b.i16(v);
      return;
    case "long":
      b.i32(v);
      return;
    case "float":
      b.f32(v);
      return;
    case "double":
      b.f64(v);
      return;
    default:
      throw new Error(`builder: number in ${type} column`);
  }
}

/** The 4-byte length of a value-label table. */
function tableLength(b: Bytes, entries: { value: number; label: string }[], encoding: BufferEncoding): void {
  const txtlen = entries.reduce((s, e) => s + Buffer.byteLength(`${e.label}\0`, encoding), 0);
  b.i32(8 + 8 * entries.length + txtlen);
}

function tableBody(b: Bytes, entries: { value: number; label: string }[], encoding: BufferEncoding): void {
  const sorted = [...entries].sort((x, y) => x.value - y.value);
  const texts = sorted.map((e) => Buffer.from(`${e.label}\0`, encoding));
  b.i32(sorted.length);
  b.i32(texts.reduce((s, t) => s + t.length, 0));
  let off = 0;
  for (const t of texts) {
    b.i32(off);
    off += t.length;
  }
  for (const e of sorted) b.i32(e.value);
  for (const t of texts) b.raw(t);
}

/** Encode the cells of one row. */
function writeRow(
  b: Bytes,
  spec: BuildSpec,
  row: BuildCell[],
  obs: number,
  strlRefs: Map<string, [number, number]>,
): void {
  const encoding: BufferEncoding = spec.release >= 118 ? "utf8" : "latin1";
  spec.vars.forEach((v, j) => {
    const cell = row[j];
    if (v.type === "str") {
      const field = new Uint8Array(v.strWidth!);
      const bytes = Buffer.from(cell as string, spec.release >= 117 ? "utf8" : encoding);
      if (bytes.length > field.length) throw new Error("builder: string too long");
      field.set(bytes);
      b.raw(field);
    } else if (v.type === "strL") {
      const s = cell as string;
      let ref: [number, number] = [0, 0];
      if (s !== "") ref = (spec.crossLinkStrls && strlRefs.get(s)) || [j + 1, obs];
      if (s !== "" && !strlRefs.has(s)) strlRefs.set(s, ref);
      writeVo(b, spec.release, ref[0], ref[1]);
    } else if (typeof cell === "object") {
      writeMissing(b, v.type, cell.missing);
    } else {
      writeNumber(b, v.type, cell as number);
    }
  });
}

function writeVo(b: Bytes, release: number, v: number, o: number): void {
  if (release === 117) {
    b.u32(v);
    b.u32(o);
    return;
  }
  const vBytes = release === 118 ? 2 : 3;
  const field = new Uint8Array(8);
  const put = (value: number, at: number, n: number): void => {
    for (let k = 0; k < n; k++) {
      const byte = Math.floor(value / 256 ** k) % 256;
      field[b.le ? at + k : at + n - 1 - k] = byte;
    }
  };
  put(v, 0, vBytes);
  put(o, vBytes, 8 - vBytes);
  b.raw(field);
}

/** Build a .dta file from a spec. */
export function buildDta(spec: BuildSpec): Uint8Array {
  return spec.release >= 117 ? buildTagged(spec) : buildOld(spec);
}

function buildOld(spec: BuildSpec): Uint8Array {
  const b = new Bytes(spec.byteOrder === "LSF");
  const k = spec.vars.length;
  b.u8(spec.release);
  b.u8(spec.byteOrder === "LSF" ? 2 : 1);
  b.u8(1);
  b.u8(0);
  b.u16(k);
  b.u32(spec.rows.length);
  b.fixed(spec.dataLabel ?? "", 81, "latin1");
  b.fixed(spec.timestamp ?? "", 18, "latin1");
  spec.vars.forEach((v, j) => {
    b.u8(spec.typeCodeOverride?.[j] ?? (v.type === "str" ? v.strWidth! : OLD_CODES[v.type]));
  });
  for (const v of spec.vars) b.fixed(v.name, 33, "latin1");
  for (let j = 0; j <= k; j++) b.u16(0);
  for (const v of spec.vars) b.fixed(v.format ?? "%9.0g", spec.release === 113 ? 12 : 49, "latin1");
  for (const v of spec.vars) b.fixed(v.valueLabel ?? "", 33, "latin1");
  for (const v of spec.vars) b.fixed(v.label ?? "", 81, "latin1");
  if (spec.characteristic) {
    const body = new Bytes(b.le);
    body.fixed("_dta", 33, "latin1");
    body.fixed("note1", 33, "latin1");
    body.ascii("a note\0");
    b.u8(1);
    b.i32(body.length);
    b.raw(body.bytes());
  }
  b.u8(0);
  b.i32(0);
  const refs = new Map<string, [number, number]>();
  spec.rows.forEach((row, i) => {
    writeRow(b, spec, row, i + 1, refs);
  });
  for (const [name, entries] of Object.entries(spec.valueLabels ?? {})) {
    tableLength(b, entries, "latin1");
    b.fixed(name, 33, "latin1");
    b.raw(new Uint8Array(3));
    tableBody(b, entries, "latin1");
  }
  return b.bytes();
}

function buildTagged(spec: BuildSpec): Uint8Array {
  const r = spec.release;
  const le = spec.byteOrder === "LSF";
  const b = new Bytes(le);
  const nameLen = r === 117 ? 33 : 129;
  const k = spec.vars.length;
  const map: number[] = [0];
  b.ascii(`<stata_dta><header><release>${r}</release><byteorder>${spec.byteOrder}</byteorder><K>`);
  if (r === 119) b.u32(k);
  else b.u16(k);
  b.ascii("</K><N>");
  if (r === 117) b.u32(spec.rows.length);
  else b.u64(spec.rows.length);
  b.ascii("</N><label>");
  const label = Buffer.from(spec.dataLabel ?? "", "utf8");
  if (r === 117) b.u8(label.length);
  else b.u16(label.length);
  b.raw(label);
  b.ascii("</label><timestamp>");
  const stamp = spec.timestamp ?? "";
  b.u8(stamp.length);
  b.ascii(stamp);
  b.ascii("</timestamp></header>");
  map.push(b.length);
  b.ascii("<map>");
  const mapAt = b.length;
  for (let i = 0; i < 14; i++) b.u64(0);
  b.ascii("</map>");
  map.push(b.length);
  b.ascii("<variable_types>");
  spec.vars.forEach((v, j) => {
    b.u16(spec.typeCodeOverride?.[j] ?? (v.type === "str" ? v.strWidth! : NEW_CODES[v.type]));
  });
  b.ascii("</variable_types>");
  map.push(b.length);
  b.ascii("<varnames>");
  for (const v of spec.vars) b.fixed(v.name, nameLen);
  b.ascii("</varnames>");
  map.push(b.length);
  b.ascii("<sortlist>");
  for (let j = 0; j <= k; j++) {
    if (r === 119) b.u32(0);
    else b.u16(0);
  }
  b.ascii("</sortlist>");
  map.push(b.length);
  b.ascii("<formats>");
  for (const v of spec.vars) b.fixed(v.format ?? "%9.0g", r === 117 ? 49 : 57);
  b.ascii("</formats>");
  map.push(b.length);
  b.ascii("<value_label_names>");
  for (const v of spec.vars) b.fixed(v.valueLabel ?? "", nameLen);
  b.ascii("</value_label_names>");
  map.push(b.length);
  b.ascii("<variable_labels>");
  for (const v of spec.vars) b.fixed(v.label ?? "", r === 117 ? 81 : 321);
  b.ascii("</variable_labels>");
  map.push(b.length);
  b.ascii("<characteristics>");
  if (spec.characteristic) {
    const body = new Bytes(le);
    body.fixed("_dta", nameLen);
    body.fixed("note1", nameLen);
    body.ascii("contains </characteristics> on purpose\0");
    b.ascii("<ch>");
    b.u32(body.length);
    b.raw(body.bytes());
    b.ascii("</ch>");
  }
  b.ascii("</characteristics>");
  map.push(b.length);
  b.ascii("<data>");
  const refs = new Map<string, [number, number]>();
  spec.rows.forEach((row, i) => {
    writeRow(b, spec, row, i + 1, refs);
  });
  b.ascii("</data>");
  map.push(b.length);
  b.ascii("<strls>");
  const defined = new Set<string>();
  spec.rows.forEach((row, i) => {
    spec.vars.forEach((v, j) => {
      if (v.type !== "strL" || row[j] === "") return;
      const s = row[j] as string;
      if (spec.crossLinkStrls && defined.has(s)) return;
      defined.add(s);
      const body = Buffer.from(`${s}\0`, "utf8");
      b.ascii("GSO");
      b.u32(j + 1);
      if (r === 117) b.u32(i + 1);
      else b.u64(i + 1);
      b.u8(130);
      b.u32(body.length);
      b.raw(body);
    });
  });
  b.ascii("</strls>");
  map.push(b.length);
  b.ascii("<value_labels>");
  for (const [name, entries] of Object.entries(spec.valueLabels ?? {})) {
    b.ascii("<lbl>");
    tableLength(b, entries, "utf8");
    b.fixed(name, nameLen);
    b.raw(new Uint8Array(3));
    tableBody(b, entries, "utf8");
    b.ascii("</lbl>");
  }
  b.ascii("</value_labels>");
  map.push(b.length);
  b.ascii("</stata_dta>");
  map.push(b.length);
  map.forEach((v, i) => {
    b.setU64At(mapAt + 8 * i, v);
  });
  return b.bytes();
}
