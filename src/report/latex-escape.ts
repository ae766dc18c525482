/** Escaping of text for LaTeX. */

const SPECIAL: Readonly<Record<string, string>> = {
  "\\": "\\textbackslash{}",
  "{": "\\{",
  "}": "\\}",
  _: "\\_",
  "%": "\\%",
  "&": "\\&",
  "#": "\\#",
  $: "\\$",
  "~": "\\textasciitilde{}",
  "^": "\\textasciicircum{}",
  "²": "\\textsuperscript{2}",
  "×": "$\\times$",
  "−": "$-$",
  // math symbols Latin Modern text fonts lack
  "∑": "$\\sum$",
  Σ: "$\\Sigma$",
  "≥": "$\\geq$",
  "≤": "$\\leq$",
  "±": "$\\pm$",
  "≈": "$\\approx$",
  "∞": "$\\infty$",
  "∅": "$\\emptyset$",
  "·": "$\\cdot$",
  α: "$\\alpha$",
  β: "$\\beta$",
  γ: "$\\gamma$",
  δ: "$\\delta$",
  λ: "$\\lambda$",
  ρ: "$\\rho$",
  σ: "$\\sigma$",
};

/**
 * Escape LaTeX's special characters (and map ², ×, − and math symbols such as ∑ ≥ ± to commands) so a label prints literally.
 * @example escapeLatex("ln(x)_t & 5%"); // "ln(x)\\_t \\& 5\\%"
 */
export function escapeLatex(s: string): string {
  return s.replace(/[\\{}_%&#$~^²×−∑Σ≥≤±≈∞∅·αβγδλρσ]/g, (c) => SPECIAL[c]).replace(/\s*[\r\n]+\s*/g, " ");
}
