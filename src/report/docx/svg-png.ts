/**
 * Figures for Word: an SVG rendered to PNG in Node (resvg). Loading fonts dominates the time (every
 * system font: seconds; a Noto CJK collection: about a second), so only what the figure needs is
 * loaded by path: Noto Sans CJK (Debian `fonts-noto-cjk`) when it has Chinese text, DejaVu Sans
 * otherwise; all system fonts only when neither is installed.
 */
import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";

/** PNG pixels per SVG pixel (2 ⇒ 192 dpi at 16 × 10 cm). */
const SCALE = 2;

/** Font files and family by script: CJK (Noto Sans CJK covers Latin too) and Latin only. */
const FONTS = {
  cjk: { family: "Noto Sans CJK SC", files: ["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"] },
  latin: {
    family: "DejaVu Sans",
    files: [
      "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
      "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
    ],
  },
} as const;

/**
 * Render an SVG to PNG bytes at twice its size; returns the PNG and the SVG's size in pixels.
 * @example const { png } = svgToPng(svg); // Buffer with a PNG signature
 */
export function svgToPng(svg: string): { png: Buffer; width: number; height: number } {
  const font = /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uffef]/u.test(svg) ? FONTS.cjk : FONTS.latin;
  const fontFiles = font.files.filter((f) => existsSync(f));
  const r = new Resvg(svg, {
    fitTo: { mode: "zoom", value: SCALE },
    background: "white",
    font: {
      loadSystemFonts: fontFiles.length === 0,
      fontFiles,
      defaultFontFamily: font.family,
      sansSerifFamily: font.family,
    },
  });
  const img = r.render();
  return { png: img.asPng(), width: img.width / SCALE, height: img.height / SCALE };
}
