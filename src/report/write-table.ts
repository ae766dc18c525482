/**
 * Write a regression or descriptive table in all four formats (Markdown, LaTeX, CSV, JSON). The JSON
 * carries the printed layout too (`layout`, a {@link TextTable}), from which the run's HTML report and
 * Word tables are drawn without recomputing anything.
 */
import { join } from "node:path";
import { writeFileAtomic } from "./atomic-write.js";
import { descriptiveJson } from "./descriptive-json.js";
import { descriptiveTextTable } from "./descriptive-text-table.js";
import { assertLang } from "./lang.js";
import { regressionCells } from "./regression-cells.js";
import { regressionTextTable } from "./regression-text-table.js";
import { renderCsv } from "./render-csv.js";
import { renderLatex } from "./render-latex.js";
import { renderMarkdown } from "./render-markdown.js";
import { tableJson } from "./table-json.js";
import type { DescriptiveSpec, TableSpec } from "./table-spec.js";
import type { TextTable } from "./text-table.js";
import { validateDescriptiveSpec } from "./validate-descriptive-spec.js";
import { validateTableSpec } from "./validate-table-spec.js";

/**
 * Write `dir/<id>.md`, `.tex`, `.csv` and `.json` for a regression table (creating `dir`), each
 * atomically; returns the four paths in that order. Everything is checked and rendered before the
 * first file is written, so a bad spec leaves no partial output.
 * @example const paths = await writeTableOutputs(spec, "out/tables", "zh");
 */
export async function writeTableOutputs(spec: TableSpec, dir: string, lang: "en" | "zh"): Promise<string[]> {
  assertLang(lang, `writeTableOutputs(${JSON.stringify(spec?.id)})`);
  validateTableSpec(spec);
  const cells = regressionCells(spec, lang);
  const text = regressionTextTable(spec, cells, lang);
  return writeAll(dir, text, tableJson(spec, cells, lang, text.notes));
}

/**
 * Write `dir/<id>.md`, `.tex`, `.csv` and `.json` for a descriptive-statistics table; returns the paths.
 * @example const paths = await writeDescriptiveOutputs(spec, "out/tables", "en");
 */
export async function writeDescriptiveOutputs(
  spec: DescriptiveSpec,
  dir: string,
  lang: "en" | "zh",
): Promise<string[]> {
  assertLang(lang, `writeDescriptiveOutputs(${JSON.stringify(spec?.id)})`);
  validateDescriptiveSpec(spec);
  return writeAll(dir, descriptiveTextTable(spec, lang), descriptiveJson(spec, lang));
}

async function writeAll(dir: string, text: TextTable, json: object): Promise<string[]> {
  const files: [string, string][] = [
    [join(dir, `${text.id}.md`), renderMarkdown(text)],
    [join(dir, `${text.id}.tex`), renderLatex(text)],
    [join(dir, `${text.id}.csv`), renderCsv(text)],
    [join(dir, `${text.id}.json`), `${JSON.stringify({ ...json, layout: text }, null, 2)}\n`],
  ];
  for (const [path, content] of files) await writeFileAtomic(path, content);
  return files.map(([path]) => path);
}
