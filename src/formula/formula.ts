/**
 * fixest-style model formulas: `y ~ x1 + log(x2) + I(x3^2) + x1:x4 | fe1 + fe2 + fe3^fe4 | endo ~ z1 + z2`.
 * The fixed-effect part and the IV part are optional; `a*b` expands to `a + b + a:b`; `-1` or `+0`
 * removes the intercept.
 */
import { type Expr, exprLabel, exprVariables } from "./ast.js";
import { NAME, parseExpr } from "./parse-expr.js";

/** One regressor: the product of its factors (a single factor unless it is an interaction). */
export interface Term {
  readonly label: string;
  readonly factors: readonly Expr[];
}

/** One absorbed fixed effect: a variable or an interaction of variables (`fe3^fe4`). */
export interface FixedEffectSpec {
  readonly label: string;
  readonly vars: readonly string[];
}

export interface Formula {
  readonly text: string;
  readonly lhs: Expr;
  readonly lhsLabel: string;
  /** Exogenous regressors, in order. */
  readonly terms: readonly Term[];
  readonly intercept: boolean;
  readonly fixedEffects: readonly FixedEffectSpec[];
  /** Endogenous regressors and excluded instruments (both empty for OLS). */
  readonly endog: readonly Term[];
  readonly instruments: readonly Term[];
}

/**
 * Parse a formula; errors name the position and what was expected.
 * @example parseFormula("y ~ x | firm + year").fixedEffects.map((f) => f.label); // ["firm", "year"]
 */
export function parseFormula(text: string): Formula {
  const parts = splitTopLevel(text, "|");
  const [lhsText, rhsText, ...extra] = splitTopLevel(parts[0], "~");
  if (rhsText === undefined || extra.length) {
    throw new Error(
      `formula: expected exactly one "~" before the first "|" in "${text}" (e.g. "y ~ x1 + x2")`,
    );
  }
  if (!lhsText.trim()) throw new Error(`formula: no dependent variable before "~" in "${text}"`);
  const lhs = parseExpr(lhsText);
  const rhs = expandTerms(rhsText, text);
  let fixedEffects: FixedEffectSpec[] = [];
  let endog: Term[] = [];
  let instruments: Term[] = [];
  let sawFe = false;
  let sawIv = false;
  for (const part of parts.slice(1)) {
    const sides = splitTopLevel(part, "~");
    if (sides.length === 2) {
      if (sawIv) throw new Error(`formula: more than one IV part ("endo ~ instruments") in "${text}"`);
      sawIv = true;
      endog = expandTerms(sides[0], text).terms;
      instruments = expandTerms(sides[1], text).terms;
      if (!endog.length) throw new Error(`formula: the IV part names no endogenous regressor in "${text}"`);
      if (!instruments.length) throw new Error(`formula: the IV part names no instrument in "${text}"`);
    } else if (sides.length === 1) {
      if (sawIv) throw new Error(`formula: the fixed effects must come before the IV part in "${text}"`);
      if (sawFe) throw new Error(`formula: more than one fixed-effects part in "${text}"`);
      sawFe = true;
      fixedEffects = parseFixedEffects(part, text);
    } else {
      throw new Error(`formula: too many "~" in the part "${part.trim()}" of "${text}"`);
    }
  }
  return {
    text,
    lhs,
    lhsLabel: exprLabel(lhs),
    terms: rhs.terms,
    intercept: rhs.intercept,
    fixedEffects,
    endog,
    instruments,
  };
}

/**
 * Every data column a formula reads (dependent variable, regressors, FE, instruments).
 * @example formulaVariables(parseFormula("y ~ log(x) | g")); // ["y", "x", "g"]
 */
export function formulaVariables(f: Formula): string[] {
  const out = new Set<string>();
  exprVariables(f.lhs, out);
  for (const t of [...f.terms, ...f.endog, ...f.instruments])
    for (const e of t.factors) exprVariables(e, out);
  for (const fe of f.fixedEffects) for (const v of fe.vars) out.add(v);
  return [...out];
}

/** Split at `sep` outside parentheses and backquoted names. */
function splitTopLevel(text: string, sep: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let start = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "`") quoted = !quoted;
    else if (quoted) continue;
    else if (c === "(") depth++;
    else if (c === ")") depth--;
    else if (c === sep && depth === 0) {
      out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  out.push(text.slice(start));
  return out;
}

function expandTerms(src: string, whole: string): { terms: Term[]; intercept: boolean } {
  if (!src.trim()) throw new Error(`formula: an empty side in "${whole}"`);
  const e = parseExpr(src);
  let intercept = true;
  const terms: Term[] = [];
  const seen = new Set<string>();
  const add = (factors: Expr[]) => {
    const label = factors.map(exprLabel).join(":");
    if (!seen.has(label)) {
      seen.add(label);
      terms.push({ label, factors });
    }
  };
  // Walk the formula-level operators; anything else is one factor.
  const expand = (x: Expr, sign: 1 | -1): Expr[][] => {
    if (x.kind === "binary" && (x.op === "+" || x.op === "-")) {
      const left = expand(x.left, sign);
      const right = expand(x.right, x.op === "-" ? (-sign as 1 | -1) : sign);
      return [...left, ...right];
    }
    if (x.kind === "num" && (x.value === 0 || x.value === 1)) {
      if ((x.value === 0 && sign === 1) || (x.value === 1 && sign === -1)) intercept = false;
      else if (x.value === 1) intercept = true;
      return [];
    }
    if (x.kind === "neg") {
      return expand(x.arg, -sign as 1 | -1);
    }
    if (sign === -1)
      throw new Error(`formula: removing a term ("- ${exprLabel(x)}") is not supported in "${whole}"`);
    if (x.kind === "binary" && x.op === "*") {
      const a = expand(x.left, 1);
      const b = expand(x.right, 1);
      return [...a, ...b, ...cross(a, b)];
    }
    if (x.kind === "binary" && x.op === ":") return cross(expand(x.left, 1), expand(x.right, 1));
    if (x.kind === "binary" && (x.op === "/" || x.op === "^")) {
      throw new Error(
        `formula: "${exprLabel(x)}" uses "${x.op}" outside I(); write I(${exprLabel(x)}) for arithmetic in "${whole}"`,
      );
    }
    if (x.kind === "num")
      throw new Error(`formula: a bare number "${x.value}" is not a regressor in "${whole}"`);
    return [[x]];
  };
  for (const factors of expand(e, 1)) add(factors);
  return { terms, intercept };
}

function cross(a: Expr[][], b: Expr[][]): Expr[][] {
  const out: Expr[][] = [];
  for (const x of a) for (const y of b) out.push([...x, ...y]);
  return out;
}

function parseFixedEffects(src: string, whole: string): FixedEffectSpec[] {
  const out: FixedEffectSpec[] = [];
  for (const piece of splitTopLevel(src, "+")) {
    const vars = splitTopLevel(piece, "^").map((v) => fixedEffectName(v.trim()));
    if (vars.some((v) => v === null)) {
      throw new Error(
        `formula: fixed effect "${piece.trim()}" must be a variable name or names joined by "^" (write other names in backquotes, e.g. \`企业 代码\`) in "${whole}"`,
      );
    }
    out.push({ label: vars.join("^"), vars: vars as string[] });
  }
  return out;
}

/** A plain (`firm`, `企业`) or backquoted (`` `firm id` ``) variable name, or null. */
function fixedEffectName(v: string): string | null {
  const quoted = /^`([^`]+)`$/.exec(v);
  if (quoted) return quoted[1];
  const m = NAME.exec(v);
  return m && m[0] === v && !/^\.\d/.test(v) ? v : null;
}
