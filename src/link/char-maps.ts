/**
 * Character-level traditional → simplified conversion (opencc-js dictionaries) and toneless
 * pinyin (pinyin-pro), each cached per character: firm names are short and repeat the same few
 * thousand characters, so a per-character cache makes millions of names cheap.
 */
import * as OpenCC from "opencc-js";
import { pinyin } from "pinyin-pro";

const toSimplified = OpenCC.Converter({ from: "t", to: "cn" });
const simplifiedCache = new Map<string, string>();
const pinyinCache = new Map<string, string>();
const HAN = /\p{Script=Han}/u;

/**
 * The simplified form of one character (itself when it has none).
 * @example simplifiedChar("機") // => "机"
 */
export function simplifiedChar(ch: string): string {
  const out = simplifiedCache.get(ch);
  if (out === undefined) {
    const converted: string = HAN.test(ch) ? toSimplified(ch) : ch;
    simplifiedCache.set(ch, converted);
    return converted;
  }
  return out;
}

/**
 * Toneless pinyin of one character (its most common reading); non-Han characters map to themselves.
 * @example pinyinChar("锐") // => "rui"
 */
export function pinyinChar(ch: string): string {
  const out = pinyinCache.get(ch);
  if (out === undefined) {
    const reading: string = HAN.test(ch) ? pinyin(ch, { toneType: "none", type: "array" })[0] || ch : ch;
    pinyinCache.set(ch, reading);
    return reading;
  }
  return out;
}

/**
 * Space-separated toneless pinyin of a text: homophones share it.
 * @example pinyinKey("锐远") === pinyinKey("锐源") // => true
 */
export function pinyinKey(text: string): string {
  let out = "";
  for (const ch of text) out += out ? ` ${pinyinChar(ch)}` : pinyinChar(ch);
  return out;
}
