/**
 * The one place a run's reports are made, inside the run and before its manifest is written:
 * `OUT/report.html`, `OUT/<study>/tables.tex`, `OUT/<study>/tables.docx` and, when a Chromium is
 * installed, `OUT/report.pdf`. The Word and PDF writers (and their libraries) load only here.
 */
import { join } from "node:path";
import { writeFileAtomic } from "./atomic-write.js";
import { renderReportHtml } from "./html/render-report.js";
import { studyTablesTex } from "./latex/latex-document.js";
import { collectRunReport } from "./run-report/collect.js";
import type { RunReport } from "./run-report/types.js";

/** Options of {@link writeRunReports}. */
export interface RunReportOptions {
  /** Skip the PDF even when Chromium is present. */
  readonly pdf?: boolean;
  /** Step messages (progress display). */
  readonly progress?: (message: string) => void;
  /** The Chromium to print with: a path, null for none, or undefined to look for a system one. */
  readonly chromium?: string | null;
  /** Notices for the user (e.g. how to install Chromium). */
  readonly notice?: (message: string) => void;
}

/**
 * Write every report of the run whose outputs are under `outDir`; returns the paths written.
 * @example await writeRunReports("out", manifestSoFar, { notice: console.error });
 */
export async function writeRunReports(
  outDir: string,
  manifest: RunReport["manifest"],
  opts: RunReportOptions = {},
): Promise<string[]> {
  const say = opts.progress ?? (() => {});
  say("report: reading the run's tables and figures");
  const report = await collectRunReport(outDir, manifest);
  const written: string[] = [];
  say("report: report.html");
  const html = renderReportHtml(report, outDir);
  const htmlPath = join(outDir, "report.html");
  await writeFileAtomic(htmlPath, html);
  written.push(htmlPath);
  for (const s of report.studies) {
    if (!s.tables.length) continue;
    const tex = join(outDir, s.id, "tables.tex");
    await writeFileAtomic(
      tex,
      studyTablesTex(
        s.tables.map((t) => t.id),
        report.lang,
      ),
    );
    written.push(tex);
  }
  const { writeStudyDocx } = await import("./docx/write-docx.js");
  for (const s of report.studies) {
    if (!s.tables.length && !s.figures.length) continue;
    say(`report: ${s.id}/tables.docx`);
    written.push(await writeStudyDocx(s, report.lang, join(outDir, s.id, "tables.docx")));
  }
  if (opts.pdf !== false) {
    const { findChromium, printPdf, CHROMIUM_HINT } = await import("./pdf.js");
    const chromium = opts.chromium === undefined ? findChromium() : opts.chromium;
    if (!chromium) opts.notice?.(`report.pdf skipped: no Chromium found. ${CHROMIUM_HINT}`);
    else {
      say("report: report.pdf (headless Chromium)");
      const pdf = join(outDir, "report.pdf");
      await printPdf(htmlPath, pdf, chromium);
      written.push(pdf);
    }
  }
  return written;
}
