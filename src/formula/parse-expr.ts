/**
 * A small Pratt parser for formula expressions: names (letters of any script, digits, `_`, `.`; or
 * `backquoted`, as R), numbers, `+ - * / ^ :`, unary minus, parentheses and function calls.
 */
import { type Expr, PRECEDENCE } from "./ast.js";

/** A name as R reads it unquoted: a letter (any script), `_` or `.` first, then letters, digits, `_`, `.`. */
export const NAME = /^[\p{L}_.][\p{L}\p{M}\p{N}_.]*/u;

/** Deepest nesting of parentheses and operators accepted (deeper input is refused, not a stack overflow). */
const MAX_DEPTH = 200;

type Token = { type: "name" | "num" | "op" | "(" | ")" | ","; text: string; pos: number };

/**
 * Split a formula fragment into tokens; throws on a character the language does not know.
 * @example tokenize("log(x) + 1").length; // 6
 */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const c = String.fromCodePoint(src.codePointAt(i)!);
    if (/\s/.test(c)) {
      i++;
    } else if (/[\p{L}_.]/u.test(c) && !/^\.\d/.test(src.slice(i, i + 2))) {
      const m = NAME.exec(src.slice(i))!;
      tokens.push({ type: "name", text: m[0], pos: i });
      i += m[0].length;
    } else if (c === "`") {
      const end = src.indexOf("`", i + 1);
      if (end < 0) throw new Error(`formula: unclosed backquote at position ${i + 1} in "${src}"`);
      if (end === i + 1) throw new Error(`formula: empty backquoted name at position ${i + 1} in "${src}"`);
      tokens.push({ type: "name", text: src.slice(i + 1, end), pos: i });
      i = end + 1;
    } else if (/[0-9.]/.test(c)) {
      const m = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(src.slice(i))!;
      tokens.push({ type: "num", text: m[0], pos: i });
      i += m[0].length;
    } else if ("+-*/^:".includes(c)) {
      tokens.push({ type: "op", text: c, pos: i });
      i++;
    } else if (c === "(" || c === ")" || c === ",") {
      tokens.push({ type: c, text: c, pos: i });
      i++;
    } else {
      throw new Error(`formula: unexpected character "${c}" at position ${i + 1} in "${src}"`);
    }
  }
  return tokens;
}

/**
 * Parse an arithmetic expression (the same grammar as R formulas' right-hand sides).
 * @example parseExpr("I(x^2)"); // { kind: "call", fn: "I", … }
 */
export function parseExpr(src: string): Expr {
  const tokens = tokenize(src);
  let k = 0;
  const fail = (msg: string): never => {
    const pos = k < tokens.length ? tokens[k].pos + 1 : src.length + 1;
    throw new Error(`formula: ${msg} at position ${pos} in "${src}"`);
  };
  let depth = 0;
  const parse = (minPrec: number): Expr => {
    if (++depth > MAX_DEPTH) fail(`expression nested more than ${MAX_DEPTH} levels deep`);
    const e = parseLevel(minPrec);
    depth--;
    return e;
  };
  const parseLevel = (minPrec: number): Expr => {
    let left = parseUnary();
    for (;;) {
      const t = tokens[k];
      if (t?.type !== "op") break;
      const p = PRECEDENCE[t.text];
      if (p < minPrec) break;
      k++;
      // ^ is right-associative, the rest left-associative.
      const right = parse(t.text === "^" ? p : p + 1);
      left = { kind: "binary", op: t.text as "+" | "-" | "*" | "/" | "^" | ":", left, right };
    }
    return left;
  };
  const parseUnary = (): Expr => {
    const t = tokens[k];
    if (!t) return fail("unexpected end of expression");
    if (t.type === "op" && t.text === "-") {
      k++;
      return { kind: "neg", arg: parse(4) };
    }
    if (t.type === "op" && t.text === "+") {
      k++;
      return parse(4);
    }
    return parsePrimary();
  };
  const parsePrimary = (): Expr => {
    const t = tokens[k];
    if (t.type === "num") {
      k++;
      return { kind: "num", value: Number(t.text) };
    }
    if (t.type === "(") {
      k++;
      const e = parse(0);
      if (tokens[k]?.type !== ")") fail('expected ")"');
      k++;
      return e;
    }
    if (t.type === "name") {
      k++;
      if (tokens[k]?.type === "(") {
        k++;
        const args: Expr[] = [];
        if (tokens[k]?.type !== ")") {
          for (;;) {
            args.push(parse(0));
            if (tokens[k]?.type === ",") {
              k++;
              continue;
            }
            break;
          }
        }
        if (tokens[k]?.type !== ")") fail(`expected ")" to close ${t.text}(`);
        k++;
        return { kind: "call", fn: t.text, args };
      }
      return { kind: "var", name: t.text };
    }
    return fail(`unexpected "${t.text}"`);
  };
  if (!tokens.length) throw new Error(`formula: empty expression in "${src}"`);
  const e = parse(0);
  if (k < tokens.length) fail(`unexpected "${tokens[k].text}"`);
  return e;
}
