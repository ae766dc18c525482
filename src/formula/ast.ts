/** Expression trees of the formula language (the right-hand side of `~`, terms inside `I()`, …). */

export type Expr =
  | { readonly kind: "var"; readonly name: string }
  | { readonly kind: "num"; readonly value: number }
  | { readonly kind: "call"; readonly fn: string; readonly args: readonly Expr[] }
  | {
      readonly kind: "binary";
      readonly op: "+" | "-" | "*" | "/" | "^" | ":";
      readonly left: Expr;
      readonly right: Expr;
    }
  | { readonly kind: "neg"; readonly arg: Expr };

/**
 * The canonical text of an expression, as fixest labels terms: no spaces, e.g. `log(x2)`, `I(x3^2)`, `x1:x4`.
 * @example exprLabel({ kind: "call", fn: "log", args: [{ kind: "var", name: "x" }] }); // "log(x)"
 */
export function exprLabel(e: Expr): string {
  switch (e.kind) {
    case "var":
      return e.name;
    case "num":
      return String(e.value);
    case "call":
      return `${e.fn}(${e.args.map(exprLabel).join(",")})`;
    case "neg":
      return `-${wrap(e.arg, 4)}`;
    case "binary": {
      const p = PRECEDENCE[e.op];
      const right =
        e.op === "^" ? wrap(e.right, p + 1) : wrap(e.right, p + (e.op === "-" || e.op === "/" ? 1 : 0));
      return `${wrap(e.left, e.op === "^" ? p + 1 : p)}${e.op}${right}`;
    }
  }
}

/** Binding strength of the binary operators (higher binds tighter). */
export const PRECEDENCE: Readonly<Record<string, number>> = {
  "+": 1,
  "-": 1,
  "*": 2,
  "/": 2,
  ":": 3,
  "^": 5,
};

function wrap(e: Expr, min: number): string {
  const text = exprLabel(e);
  if (e.kind === "binary" && PRECEDENCE[e.op] < min) return `(${text})`;
  if (e.kind === "neg" && min > 4) return `(${text})`;
  return text;
}

/**
 * The variable names an expression reads.
 * @example exprVariables(parseExpr("log(a) + b")); // ["a", "b"]
 */
export function exprVariables(e: Expr, out: Set<string> = new Set()): string[] {
  switch (e.kind) {
    case "var":
      out.add(e.name);
      break;
    case "num":
      break;
    case "call":
      for (const a of e.args) exprVariables(a, out);
      break;
    case "neg":
      exprVariables(e.arg, out);
      break;
    case "binary":
      exprVariables(e.left, out);
      exprVariables(e.right, out);
      break;
  }
  return [...out];
}
