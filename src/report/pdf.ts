/**
 * `OUT/report.pdf`: the HTML report printed by a system Chromium (Debian's `chromium` package)
 * through `puppeteer-core`; nothing is downloaded. Creation dates are fixed and links to local files
 * dropped, so the same report gives the same bytes wherever the run's folder is.
 */
import { existsSync, rmSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writeAtomically } from "../io/atomic-path.js";
import { onSignal } from "../io/signal-cleanup.js";

/** How to get a Chromium when none is found. */
export const CHROMIUM_HINT =
  "Install it with `sudo apt-get install chromium` (Debian/Ubuntu), or set ROBOMETRICS_CHROMIUM to a Chrome/Chromium executable.";

const CANDIDATES = [
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
  "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
];

/**
 * The Chromium executable to use: `ROBOMETRICS_CHROMIUM`, else `PUPPETEER_EXECUTABLE_PATH`, else a
 * system install; null when there is none.
 * @example const exe = findChromium(); // "/usr/bin/chromium"
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | null {
  for (const p of [env.ROBOMETRICS_CHROMIUM, env.PUPPETEER_EXECUTABLE_PATH, ...CANDIDATES])
    if (p && existsSync(p)) return p;
  return null;
}

/** Arguments for a headless Chromium that also works as root in a container (CI). */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-dev-shm-usage",
  "--font-render-hinting=none",
];

/**
 * Print `htmlPath` to `pdfPath` (A4, the page's print CSS; written atomically).
 * @example await printPdf("out/report.html", "out/report.pdf", "/usr/bin/chromium");
 */
export async function printPdf(htmlPath: string, pdfPath: string, executablePath: string): Promise<void> {
  const { launch } = await import("puppeteer-core");
  // Chromium's profile and temporary files live in one folder of ours, so that an interrupt
  // (SIGINT/SIGTERM) can kill the browser and remove them: none outlives the run.
  const profile = await mkdtemp(join(tmpdir(), "robometrics-chromium-"));
  const env = { ...process.env, TMPDIR: profile };
  let pid: number | undefined;
  const cleanUp = onSignal(() => {
    try {
      if (pid) process.kill(pid, "SIGKILL");
    } catch {
      // already gone
    }
    rmSync(profile, { recursive: true, force: true, maxRetries: 5 });
  });
  const browser = await launch({
    executablePath,
    headless: true,
    args: CHROMIUM_ARGS,
    userDataDir: profile,
    env,
  }).catch(async (err: unknown) => {
    await rm(profile, { recursive: true, force: true });
    cleanUp();
    throw err;
  });
  pid = browser.process()?.pid;
  try {
    const page = await browser.newPage();
    await page.goto(pathToFileURL(htmlPath).href, { waitUntil: "load" });
    // Links to the run's files would print as absolute file:// URIs of the folder being written (a
    // temporary one until the run completes): keep the text, drop the link; in-page links stay.
    await page.evaluate(() => {
      for (const a of document.querySelectorAll("a[href]"))
        if (!(a.getAttribute("href") ?? "").startsWith("#")) a.removeAttribute("href");
    });
    const pdf = await page.pdf({ format: "A4", printBackground: true, preferCSSPageSize: true });
    const fixed = fixPdfDates(Buffer.from(pdf));
    await writeAtomically(pdfPath, (tmp) => writeFile(tmp, fixed));
  } finally {
    await browser.close();
    await rm(profile, { recursive: true, force: true, maxRetries: 5 });
    cleanUp();
  }
}

/**
 * Replace the PDF's creation and modification dates by a fixed date of the same length (so byte
 * offsets, and the cross-reference table, stay valid).
 * @example fixPdfDates(buf);
 */
export function fixPdfDates(pdf: Buffer): Buffer {
  const text = pdf.toString("latin1");
  const out = text.replace(/\/(CreationDate|ModDate) \(D:([^)]*)\)/g, (_, key: string, d: string) => {
    const fixed = "20000101000000+00'00'".padEnd(d.length, "0").slice(0, d.length);
    return `/${key} (D:${fixed})`;
  });
  return Buffer.from(out, "latin1");
}
