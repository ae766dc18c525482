/**
 * Normalising Chinese firm names for linking databases: full-width forms to half-width (NFKC),
 * whitespace and punctuation removed, bracketed insertions removed (usually a place: 汇川技术（苏州）),
 * legal-form suffixes removed (股份有限公司, 有限责任公司, 有限公司, 集团, 公司, 厂), and leading place
 * names removed (江苏 / 苏州市 / 江苏省苏州市). What remains is the firm's distinctive core.
 */
import type { PlaceNames } from "./place-names.js";

const LEGAL_FORMS = [
  "集团股份有限公司",
  "集团有限责任公司",
  "集团有限公司",
  "股份有限公司",
  "有限责任公司",
  "有限公司",
  "股份公司",
  "集团公司",
  "总公司",
  "集团",
  "公司",
  "总厂",
  "厂",
];

const BRACKETED = /\([^()]*\)|\[[^[\]]*\]|【[^【】]*】|〔[^〔〕]*〕/g;
const NOISE = /[\s·•.,，。、:：;；'"‘’“”\-_/\\|]+/g;

/**
 * The core of a firm name (empty when nothing distinctive is left).
 * @example normalizeFirmName("江苏汇川技术（苏州）股份有限公司", places); // "汇川技术"
 */
export function normalizeFirmName(name: string, places: PlaceNames): string {
  let s = name.normalize("NFKC").toUpperCase();
  s = s.replace(BRACKETED, "").replace(/[()[\]【】〔〕]/g, "");
  s = s.replace(NOISE, "");
  let changed = true;
  while (changed && s.length > 0) {
    changed = false;
    for (const form of LEGAL_FORMS) {
      if (s.endsWith(form) && s.length > form.length) {
        s = s.slice(0, -form.length);
        changed = true;
        break;
      }
    }
  }
  changed = true;
  while (changed) {
    changed = false;
    for (const p of places.prefixes) {
      // Keep at least two characters: a name that is all place (e.g. 苏州市工厂) stays as it is.
      if (s.startsWith(p) && s.length - p.length >= 2) {
        s = s.slice(p.length);
        changed = true;
        break;
      }
    }
  }
  return s;
}
