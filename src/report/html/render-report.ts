/**
 * The run's HTML report: one self-contained page (inline CSS and SVG, system fonts, no scripts, no
 * network) with, per study, a table of contents, every table in three-line style, every figure, the
 * paper-versus-reproduction comparison when present and the review summaries with their CSV files
 * linked; the manifest closes the page.
 */
import type { Lang } from "../lang.js";
import type { ReportStudy, RunReport } from "../run-report/types.js";
import { anchorId, escapeHtml } from "./escape-html.js";
import { tableHtml } from "./table-html.js";
import { inlineSvg } from "./inline-svg.js";
import { jsonHtml } from "./json-html.js";
import { word } from "./labels.js";
import { manifestHtml } from "./manifest-html.js";
import { markdownHtml } from "./markdown-html.js";
import { studyName } from "./study-names.js";
import { comparisonCsvHeader } from "../paper-comparison-text.js";
import { REPORT_CSS } from "./styles.js";

/**
 * The whole report as an HTML document (deterministic: same run outputs ⇒ same bytes).
 * @example await writeFile("out/report.html", renderReportHtml(report, "/abs/out"));
 */
export function renderReportHtml(r: RunReport, outDir: string): string {
  const lang = r.lang;
  const title = word("reportTitle", lang);
  const studies = r.studies.map((s) => studyHtml(s, lang));
  const topToc = r.studies
    .map((s) => `<li><a href="#${anchorId(s.id)}">${escapeHtml(studyName(s.id, lang))}</a></li>`)
    .concat(`<li><a href="#manifest">${escapeHtml(word("manifest", lang))}</a></li>`);
  return `<!DOCTYPE html>
<html lang="${lang === "zh" ? "zh-CN" : "en"}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<title>${escapeHtml(title)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header class="top">
<h1>${escapeHtml(title)}</h1>
<p class="meta">${escapeHtml(r.manifest.package.name)} ${escapeHtml(r.manifest.package.version)} · ${escapeHtml(word("seed", lang))} ${r.manifest.seed} · ${escapeHtml(word("scale", lang))} ${escapeHtml(r.manifest.scale)}</p>
<nav class="toc" aria-label="${escapeHtml(word("contents", lang))}"><strong>${escapeHtml(word("contents", lang))}</strong><ol>${topToc.join("")}</ol></nav>
</header>
<main>
${studies.join("\n")}
<section id="manifest" class="manifest">
<h2>${escapeHtml(word("manifest", lang))}</h2>
${manifestHtml(r.manifest, outDir, lang)}
</section>
</main>
<footer>${escapeHtml(word("generated", lang))} ${escapeHtml(r.manifest.package.name)} ${escapeHtml(r.manifest.package.version)}</footer>
</body>
</html>
`;
}

function studyHtml(s: ReportStudy, lang: Lang): string {
  const w = (k: Parameters<typeof word>[0]) => escapeHtml(word(k, lang));
  const link = (id: string, text: string) => `<li><a href="#${id}">${escapeHtml(text)}</a></li>`;
  const toc: string[] = [];
  if (s.tables.length)
    toc.push(
      `<li>${w("tables")}<ol>${s.tables.map((t) => link(anchorId(s.id, t.id), t.title)).join("")}</ol></li>`,
    );
  if (s.figures.length)
    toc.push(
      `<li>${w("figures")}<ol>${s.figures.map((f) => link(anchorId(s.id, f.id), f.title)).join("")}</ol></li>`,
    );
  if (s.comparison) toc.push(link(anchorId(s.id, "paper-comparison"), word("comparison", lang)));
  if (s.reviews.length || s.reviewCsvs.length) toc.push(link(anchorId(s.id, "review"), word("review", lang)));
  const body: string[] = [
    `<section id="${anchorId(s.id)}" class="study" data-study="${escapeHtml(s.id)}">`,
    `<h2>${escapeHtml(studyName(s.id, lang))}</h2>`,
    `<nav class="toc" aria-label="${w("contents")}"><strong>${w("contents")}</strong><ol>${toc.join("")}</ol></nav>`,
  ];
  for (const t of s.tables) {
    const id = anchorId(s.id, t.id);
    body.push(`<section class="block table-block" data-block="table" aria-labelledby="${id}">`);
    body.push(tableHtmlWithFiles(t.layout, id, t.files));
    body.push("</section>");
  }
  for (const f of s.figures) {
    const id = anchorId(s.id, f.id);
    body.push(
      `<section class="block figure-block" data-block="figure"><figure id="${id}" data-figure="${escapeHtml(f.id)}" aria-label="${escapeHtml(f.title)}">${inlineSvg(f.svg, id)}</figure>${filesLine(f.files)}</section>`,
    );
  }
  if (s.comparison) {
    body.push(
      `<section class="block comparison" data-block="comparison" id="${anchorId(s.id, "paper-comparison")}">`,
    );
    body.push(`<h3>${w("comparison")}</h3>`);
    if (s.comparison.markdown) body.push(markdownHtml(s.comparison.markdown));
    if (s.comparison.csv)
      body.push(csvTableHtml(s.comparison.csv.rows, lang), filesLine([s.comparison.csv.path]));
    if (s.comparison.descriptives) body.push(markdownHtml(s.comparison.descriptives));
    if (s.comparison.samples) body.push(markdownHtml(s.comparison.samples));
    body.push("</section>");
  }
  if (s.reviews.length || s.reviewCsvs.length) {
    body.push(`<section class="block review" data-block="review" id="${anchorId(s.id, "review")}">`);
    body.push(`<h3>${w("review")}</h3>`);
    for (const rv of s.reviews)
      body.push(
        `<h4><a href="${escapeHtml(rv.path)}">${escapeHtml(rv.path)}</a></h4>`,
        jsonHtml(rv.data, word("more", lang)),
      );
    if (s.reviewCsvs.length)
      body.push(
        `<p>${w("csvFiles")}:</p><ul>${s.reviewCsvs.map((c) => `<li><a href="${escapeHtml(c)}">${escapeHtml(c)}</a></li>`).join("")}</ul>`,
      );
    body.push("</section>");
  }
  body.push("</section>");
  return body.join("\n");
}

function tableHtmlWithFiles(
  layout: Parameters<typeof tableHtml>[0],
  id: string,
  files: readonly string[],
): string {
  return `${tableHtml(layout, id)}${filesLine(files)}`;
}

function filesLine(files: readonly string[]): string {
  return `<p class="files">${files.map((f) => `<a href="${escapeHtml(f)}">${escapeHtml(f.slice(f.lastIndexOf("/") + 1))}</a>`).join(" · ")}</p>`;
}

/** Numbers with many digits shortened for reading (the CSV keeps them all). */
function csvCell(v: string): string {
  if (/^-?\d+\.\d{5,}(e-?\d+)?$/i.test(v)) return Number(v).toFixed(4);
  return v;
}

function csvTableHtml(rows: readonly (readonly string[])[], lang: Lang): string {
  if (!rows.length) return "";
  const [head, ...body] = rows;
  const h = `<tr>${head.map((c) => `<th scope="col">${escapeHtml(comparisonCsvHeader(c, lang))}</th>`).join("")}</tr>`;
  const b = body
    .map((r) => `<tr>${r.map((c) => `<td>${escapeHtml(csvCell(c))}</td>`).join("")}</tr>`)
    .join("");
  return `<div class="table-scroll"><table class="grid comparison-table"><thead>${h}</thead><tbody>${b}</tbody></table></div>`;
}
