/**
 * Evaluate formula expressions and terms on a frame, giving numeric columns (NaN = missing; ±Inf and
 * NaN from log/sqrt of out-of-domain values are missing too, as fixest treats them).
 */
import { type Frame, getColumn } from "../frame/frame.js";
import { type Expr, exprLabel } from "./ast.js";
import type { Term } from "./formula.js";

const FUNCTIONS: Readonly<Record<string, (x: number) => number>> = {
  log: Math.log,
  ln: Math.log,
  log10: Math.log10,
  log1p: Math.log1p,
  exp: Math.exp,
  sqrt: Math.sqrt,
  abs: Math.abs,
};

/** A level that reads as a number (quoted only when no level is text). */
const NUMBER_TEXT = /^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/;

/**
 * The values of an expression for every row.
 * @example const v = evaluateExpr(frame, parseExpr("log(x)"));
 */
export function evaluateExpr(frame: Frame, e: Expr): Float64Array {
  const n = frame.nrows;
  switch (e.kind) {
    case "var": {
      const col = getColumn(frame, e.name);
      if (col.type !== "number") {
        const where = frame.source ? ` in ${frame.source}` : "";
        throw new Error(
          `column "${e.name}"${where} is not numeric (it holds text such as "${col.levels.find((l) => !NUMBER_TEXT.test(l)) ?? col.levels[0] ?? ""}"); use it as a fixed effect or cluster variable, or convert it to numbers`,
        );
      }
      return col.values;
    }
    case "num":
      return new Float64Array(n).fill(e.value);
    case "neg":
      return evaluateExpr(frame, e.arg).map((v) => -v);
    case "call": {
      if (e.fn === "I") {
        if (e.args.length !== 1) throw new Error(`formula: I() takes one argument in "${exprLabel(e)}"`);
        return evaluateExpr(frame, e.args[0]);
      }
      const f = FUNCTIONS[e.fn];
      if (!f) {
        throw new Error(
          `formula: unknown function "${e.fn}" in "${exprLabel(e)}"; known: I, ${Object.keys(FUNCTIONS).join(", ")}`,
        );
      }
      if (e.args.length !== 1) throw new Error(`formula: ${e.fn}() takes one argument in "${exprLabel(e)}"`);
      const x = evaluateExpr(frame, e.args[0]);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const v = f(x[i]);
        out[i] = Number.isFinite(v) ? v : Number.NaN;
      }
      return out;
    }
    case "binary": {
      const a = evaluateExpr(frame, e.left);
      const b = evaluateExpr(frame, e.right);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let v: number;
        switch (e.op) {
          case "+":
            v = a[i] + b[i];
            break;
          case "-":
            v = a[i] - b[i];
            break;
          case "*":
          case ":":
            v = a[i] * b[i];
            break;
          case "/":
            v = a[i] / b[i];
            break;
          case "^":
            v = a[i] ** b[i];
            break;
        }
        out[i] = Number.isFinite(v) ? v : Number.NaN;
      }
      return out;
    }
  }
}

/**
 * The column of a term: the product of its factors.
 * @example const x1x4 = evaluateTerm(frame, term);
 */
export function evaluateTerm(frame: Frame, term: Term): Float64Array {
  let out = evaluateExpr(frame, term.factors[0]);
  for (let f = 1; f < term.factors.length; f++) {
    const next = evaluateExpr(frame, term.factors[f]);
    out = out.map((v, i) => v * next[i]);
  }
  return out;
}
