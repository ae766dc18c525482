/**
 * The column store handed from the data layer to the estimation engine: numeric columns as
 * `Float64Array` (NaN = missing) and text/categorical columns as `Int32Array` codes (−1 = missing)
 * into a dictionary of levels. No per-row objects.
 */

/** A numeric column; missing values are NaN. */
export interface NumericColumn {
  readonly type: "number";
  readonly values: Float64Array;
}

/** A categorical (text) column: `codes[i]` indexes `levels`, −1 is missing. */
export interface CategoricalColumn {
  readonly type: "category";
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

export type Column = NumericColumn | CategoricalColumn;

/** A table of equally long typed columns, in a fixed column order. */
export interface Frame {
  readonly nrows: number;
  readonly names: readonly string[];
  readonly columns: Readonly<Record<string, Column>>;
  /** Where the data came from (a file path or a description), used in error messages. */
  readonly source?: string;
}

/**
 * Build a frame from plain arrays: numbers (null/undefined/NaN = missing) become numeric columns,
 * strings become categorical columns with levels in order of first appearance.
 * @example const f = frameFromArrays({ y: [1, 2, 3], g: ["a", "b", "a"] });
 */
export function frameFromArrays(
  data: Record<string, ArrayLike<number | string | null | undefined>>,
  source?: string,
): Frame {
  const names = Object.keys(data);
  const nrows = names.length ? data[names[0]].length : 0;
  const columns: Record<string, Column> = {};
  for (const name of names) {
    const src = data[name];
    if (src.length !== nrows) {
      throw new Error(
        `column "${name}" has ${src.length} rows but "${names[0]}" has ${nrows}; give equally long columns`,
      );
    }
    if (src instanceof Float64Array) {
      columns[name] = { type: "number", values: src };
      continue;
    }
    let isText = false;
    for (let i = 0; i < nrows; i++) {
      if (typeof src[i] === "string") {
        isText = true;
        break;
      }
    }
    columns[name] = isText ? encodeCategorical(src) : { type: "number", values: toFloat(src) };
  }
  return { nrows, names, columns, source };
}

function toFloat(src: ArrayLike<number | string | null | undefined>): Float64Array {
  const out = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    out[i] = typeof v === "number" ? v : Number.NaN;
  }
  return out;
}

function encodeCategorical(src: ArrayLike<number | string | null | undefined>): CategoricalColumn {
  const index = new Map<string, number>();
  const levels: string[] = [];
  const codes = new Int32Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    if (v === null || v === undefined || (typeof v === "number" && Number.isNaN(v))) {
      codes[i] = -1;
      continue;
    }
    const key = String(v);
    let code = index.get(key);
    if (code === undefined) {
      code = levels.length;
      levels.push(key);
      index.set(key, code);
    }
    codes[i] = code;
  }
  return { type: "category", codes, levels };
}

/**
 * The column called `name`, or an error naming the columns that do exist.
 * @example const y = getColumn(frame, "lwage");
 */
export function getColumn(frame: Frame, name: string): Column {
  const col = frame.columns[name];
  if (!col) {
    const where = frame.source ? ` in ${frame.source}` : "";
    const shown = frame.names.slice(0, 40).join(", ");
    const more = frame.names.length > 40 ? `, … (${frame.names.length} in all)` : "";
    throw new Error(`unknown column "${name}"${where}; the columns are: ${shown}${more}`);
  }
  return col;
}
