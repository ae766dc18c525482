/**
 * The run's reports end to end (issue 13): a tiny run in English and one in Chinese, then
 * - report.html opened in headless Chromium: every table and figure present and visible, no console
 *   error, no network request, no sideways scrolling on a phone; screenshots saved as artefacts;
 * - each tables.docx unzipped: every table with its rows and columns, the stars, Chinese text under zh;
 * - every .tex table compiled with xelatex in a standalone wrapper in both languages, and tables.tex;
 * - report.pdf: at least one page per table and figure block, Chinese titles extractable with pdftotext.
 */
import { execFile, execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import JSZip from "jszip";
import { beforeAll, describe, expect, it } from "vitest";
import { latexDocument } from "../../../src/report/latex/latex-document.js";
import { CHROMIUM_ARGS, findChromium } from "../../../src/report/pdf.js";
import type { TextTable } from "../../../src/report/text-table.js";
import { writeRunReports } from "../../../src/report/write-run-report.js";
import { artefactDir, manifestOf, tinyRun } from "./run-fixture.js";

const chromium = findChromium();
const has = (cmd: string) => spawnSync("sh", ["-c", `command -v ${cmd}`]).status === 0;
const out: Record<"en" | "zh", string> = { en: "", zh: "" };

beforeAll(async () => {
  out.en = await tinyRun("en", false);
  out.zh = await tinyRun("zh", chromium !== null);
}, 600_000);

function layoutOf(root: string, study: string, id: string): TextTable {
  return JSON.parse(readFileSync(join(root, study, "tables", `${id}.json`), "utf8")).layout as TextTable;
}

describe.skipIf(!chromium)("report.html in headless Chromium", () => {
  for (const lang of ["en", "zh"] as const) {
    it(`shows every table and figure, with no console error and no network request (${lang})`, async () => {
      const { launch } = await import("puppeteer-core");
      const browser = await launch({
        executablePath: chromium as string,
        headless: true,
        args: CHROMIUM_ARGS,
      });
      try {
        const page = await browser.newPage();
        const url = pathToFileURL(join(out[lang], "report.html")).href;
        const requests: string[] = [];
        const errors: string[] = [];
        page.on("request", (r) => {
          if (r.url() !== url) requests.push(r.url());
        });
        page.on("console", (m) => {
          if (m.type() === "error") errors.push(m.text());
        });
        page.on("pageerror", (e) => errors.push(String(e)));
        await page.setViewport({ width: 1280, height: 900 });
        await page.goto(url, { waitUntil: "networkidle0" });
        const m = manifestOf(out[lang]);
        for (const s of m.studies) {
          for (const id of s.tables) {
            const sel = `section[data-study="${s.study}"] table[data-table="${id}"]`;
            const box = await page.$eval(sel, (el) => {
              const r = el.getBoundingClientRect();
              const st = getComputedStyle(el);
              return {
                w: r.width,
                h: r.height,
                vis: st.visibility,
                disp: st.display,
                rows: el.querySelectorAll("tr").length,
              };
            });
            expect(box.w * box.h, `${s.study}/${id} visible`).toBeGreaterThan(0);
            expect(box.vis).toBe("visible");
            const t = layoutOf(out[lang], s.study, id);
            expect(box.rows, `${s.study}/${id} rows`).toBe(t.header.length + t.blocks.flat().length);
          }
          for (const id of s.figures) {
            const box = await page.$eval(
              `section[data-study="${s.study}"] figure[data-figure="${id}"] svg`,
              (el) => {
                const r = el.getBoundingClientRect();
                return { w: r.width, h: r.height, texts: el.querySelectorAll("text").length };
              },
            );
            expect(box.w, `${s.study}/${id}`).toBeGreaterThan(300);
            expect(box.h).toBeGreaterThan(150);
            expect(box.texts).toBeGreaterThan(5);
          }
          // a table of contents per study linking to every table and figure
          const toc = await page.$$eval(`section[data-study="${s.study}"] > nav.toc a`, (as) =>
            as.map((a) => a.getAttribute("href")),
          );
          expect(toc.length).toBeGreaterThanOrEqual(s.tables.length + s.figures.length);
          for (const href of toc) expect(await page.$(href as string), href as string).not.toBeNull();
        }
        // manifest: seed, every input hash
        const text = await page.$eval("#manifest", (el) => el.textContent ?? "");
        for (const s of m.studies) for (const i of s.inputs) expect(text).toContain(i.sha256);
        // review summaries with their CSV linked (study A's firm identification list)
        const links = await page.$$eval("section.review a", (as) => as.map((a) => a.getAttribute("href")));
        expect(links).toContain("upstream-innovation/review/firm_identification.csv");
        mkdirSync(artefactDir(), { recursive: true });
        await page.screenshot({ path: join(artefactDir(), `report-${lang}-laptop.png`) });
        // phone: nothing wider than the screen except inside the tables' own scroll boxes
        await page.setViewport({ width: 390, height: 844, isMobile: true });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow).toBeLessThanOrEqual(0);
        await page.screenshot({ path: join(artefactDir(), `report-${lang}-phone.png`) });
        expect(requests).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await browser.close();
      }
    }, 120_000);
  }

  it("shows the paper-versus-reproduction comparison when the run has one", async () => {
    const fx = join(import.meta.dirname, "..", "..", "fixtures", "paper-comparison");
    const root = out.en;
    for (const f of [
      "paper-comparison.csv",
      "paper-comparison.md",
      "paper-descriptives.md",
      "paper-samples.md",
    ])
      copyFileSync(join(fx, f), join(root, "upstream-innovation", f));
    await writeRunReports(root, manifestOf(root), { pdf: false });
    const html = readFileSync(join(root, "report.html"), "utf8");
    const section = html.slice(html.indexOf('id="upstream-innovation--paper-comparison"'));
    expect(section).toContain("Paper versus reproduction");
    expect(section).toContain('<th scope="col">paper_coef</th>');
    expect(section).toContain("<td>0.0211</td>");
    expect(section).toContain("<strong>Overall</strong>");
    // The paper's Table 1 beside the run's follows the coefficients, in the same section.
    expect(section.indexOf("descriptive statistics (table1)")).toBeGreaterThan(section.indexOf("paper_coef"));
    expect(section).toContain("<td>0.0390 / 0.0355</td>");
    // Then the paper's N of each column beside the run's.
    expect(section.indexOf("sample sizes: upstream-innovation")).toBeGreaterThan(
      section.indexOf("descriptive statistics (table1)"),
    );
    expect(section).toContain("<td>188.7% (off)</td>");
    expect(html).toContain('href="#upstream-innovation--paper-comparison"');
  }, 60_000);

  it("heads the comparison's CSV columns in Chinese in a Chinese report (the file keeps its English names)", async () => {
    const fx = join(import.meta.dirname, "..", "..", "fixtures", "paper-comparison");
    // A copy of the Chinese run, so that its report.pdf stays as the PDF checks below expect it.
    const root = mkdtempSync(join(tmpdir(), "report-zh-comparison-"));
    cpSync(out.zh, root, { recursive: true });
    copyFileSync(join(fx, "paper-comparison.csv"), join(root, "upstream-innovation", "paper-comparison.csv"));
    copyFileSync(join(fx, "paper-comparison.md"), join(root, "upstream-innovation", "paper-comparison.md"));
    await writeRunReports(root, manifestOf(root), { pdf: false });
    const html = readFileSync(join(root, "report.html"), "utf8");
    const section = html.slice(html.indexOf('id="upstream-innovation--paper-comparison"'));
    expect(section).toContain("原文与复现结果对比");
    expect(section).toContain('<th scope="col">原文系数</th>');
    expect(section).toContain('<th scope="col">差异（标准误）</th>');
    expect(section).not.toContain('<th scope="col">paper_coef</th>');
    expect(readFileSync(join(root, "upstream-innovation", "paper-comparison.csv"), "utf8")).toMatch(
      /^table,column,term,paper_coef/,
    );
    rmSync(root, { recursive: true, force: true });
  }, 60_000);
});

describe("tables.docx", () => {
  for (const lang of ["en", "zh"] as const) {
    it(`holds every table with its rows, columns and stars, and the figures (${lang})`, async () => {
      const m = manifestOf(out[lang]);
      for (const s of m.studies) {
        const zip = await JSZip.loadAsync(readFileSync(join(out[lang], s.study, "tables.docx")));
        const xml = (await zip.file("word/document.xml")?.async("string")) ?? "";
        const tables = xml.split("<w:tbl>").slice(1);
        expect(tables.length, s.study).toBe(s.tables.length);
        s.tables.forEach((id, k) => {
          const t = layoutOf(out[lang], s.study, id);
          const tbl = tables[k].slice(0, tables[k].indexOf("</w:tbl>"));
          const text = (x: string) =>
            [...x.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((mm) => mm[1]).join("");
          expect((tbl.match(/<w:tr[ >]/g) ?? []).length, `${id} rows`).toBe(
            t.header.length + t.blocks.flat().length,
          );
          expect((tbl.match(/<w:gridCol /g) ?? []).length, `${id} columns`).toBe(t.ncols + 1);
          const cells = t.blocks.flat().flatMap((r) => r.cells);
          const starred = cells.filter((c) => c.includes("*"));
          if (starred.length) expect(text(tbl)).toContain(starred[0].replace(/&/g, "&amp;"));
          const se = cells.find((c) => /^\(.*\)$/.test(c));
          if (se) expect(text(tbl)).toContain(se);
          // the title sits between the previous table and this one
          const parts = xml.split("<w:tbl>");
          const between = parts[k].slice(parts[k].lastIndexOf("</w:tbl>") + 1);
          expect(text(between)).toContain(t.title.replace(/&/g, "&amp;"));
          if (lang === "zh") expect(t.title).toMatch(/[\u4e00-\u9fff]/);
        });
        const media = Object.keys(zip.files).filter((f) => f.startsWith("word/media/"));
        expect(media.filter((f) => f.endsWith(".png")).length).toBe(s.figures.length);
        if (lang === "zh" && s.tables.length) expect(xml).toMatch(/[\u4e00-\u9fff]/);
      }
    }, 60_000);
  }
});

function xelatex(
  file: string,
  cwd: string,
  outDir: string,
): Promise<{ status: number | null; stdout: string }> {
  return new Promise((done) => {
    const args = ["-interaction=nonstopmode", "-halt-on-error", "-output-directory", outDir, file];
    execFile("xelatex", args, { cwd, maxBuffer: 16 << 20 }, (err, stdout) =>
      done({ status: err ? ((err as { code?: number }).code ?? 1) : 0, stdout: String(stdout) }),
    );
  });
}

async function pool<T, R>(items: readonly T[], size: number, f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const k = next++;
      out[k] = await f(items[k]);
    }
  };
  await Promise.all(Array.from({ length: size }, worker));
  return out;
}

describe.skipIf(!has("xelatex"))("LaTeX compiles with xelatex", () => {
  for (const lang of ["en", "zh"] as const) {
    it(`every .tex table in a standalone wrapper, and tables.tex (${lang})`, async () => {
      const m = manifestOf(out[lang]);
      const dir = mkdtempSync(join(tmpdir(), `rm-tex-${lang}-`));
      // each job writes into its own output folder: both studies' tables.tex share the stem "tables",
      // and two compilations run at once (their .aux/.log must not mix)
      const jobs: { name: string; cwd: string; file: string; outDir: string }[] = [];
      for (const s of m.studies)
        for (const id of s.tables) {
          const file = join(dir, `${s.study}-${id}.tex`);
          writeFileSync(file, latexDocument(`\\input{${join(out[lang], s.study, "tables", id)}}`, lang));
          jobs.push({ name: `${s.study}/${id}`, cwd: dir, file, outDir: dir });
        }
      for (const s of m.studies) {
        const outDir = join(dir, `all-${s.study}`);
        mkdirSync(outDir);
        jobs.push({
          name: `${s.study}/tables.tex`,
          cwd: join(out[lang], s.study),
          file: "tables.tex",
          outDir,
        });
      }
      // two compilations at a time (xelatex is single-threaded)
      const results = await pool(jobs, 2, (j) => xelatex(j.file, j.cwd, j.outDir));
      jobs.forEach((j, k) => {
        const r = results[k];
        expect(r.status, `${j.name}: ${r.stdout.slice(-1500)}`).toBe(0);
        const stem = (j.file.split("/").pop() ?? "").replace(/\.tex$/, "");
        const log = readFileSync(join(j.outDir, `${stem}.log`), "utf8");
        expect(log, `${j.name}: missing glyphs`).not.toMatch(/Missing character: There is no/);
      });
    }, 600_000);
  }
});

describe.skipIf(!chromium || !has("pdftotext"))("report.pdf", () => {
  it("has a page per table and figure block at least, with the Chinese titles as text", () => {
    const pdf = join(out.zh, "report.pdf");
    const info = execFileSync("pdfinfo", [pdf], { encoding: "utf8" });
    const pages = Number(info.match(/Pages:\s+(\d+)/)?.[1]);
    const m = manifestOf(out.zh);
    const blocks = m.studies.reduce((n, s) => n + s.tables.length + s.figures.length, 0);
    expect(pages).toBeGreaterThanOrEqual(blocks);
    const text = execFileSync("pdftotext", ["-enc", "UTF-8", pdf, "-"], {
      encoding: "utf8",
      maxBuffer: 64 << 20,
    });
    const flat = text.replace(/\s+/g, "");
    for (const s of m.studies)
      for (const id of s.tables) {
        const title = layoutOf(out.zh, s.study, id).title;
        expect(flat, `${s.study}/${id}`).toContain(title.replace(/\s+/g, ""));
      }
    expect(flat).toMatch(/[\u4e00-\u9fff]{4}/);
  });
});
