/**
 * `OUT/<study>/tables.docx`: every table of a study as a Word table in the papers' layout, then every
 * figure as an image (SVG with a PNG fallback for older Word), A4; wide tables get a landscape page.
 */
import { writeFile } from "node:fs/promises";
import { Document, ImageRun, Packer, PageOrientation, Paragraph, type Table } from "docx";
import { writeAtomically } from "../../io/atomic-path.js";
import type { Lang } from "../lang.js";
import type { ReportStudy } from "../run-report/types.js";
import { docxTable } from "./docx-table.js";
import { svgToPng } from "./svg-png.js";

/** Tables with more data columns than this are set on a landscape page. */
const PORTRAIT_MAX_COLUMNS = 6;
/** A4 in twips, margins 2 cm. */
const A4 = { width: 11906, height: 16838, margin: 1134 };
/** A fixed date so the same study gives the same bytes. */
const FIXED_DATE = "2000-01-01T00:00:00Z";

/**
 * Write the study's Word document atomically; returns its path.
 * @example await writeStudyDocx(study, "zh", "out/upstream-innovation/tables.docx");
 */
export async function writeStudyDocx(study: ReportStudy, lang: Lang, path: string): Promise<string> {
  const sections = study.tables.map((t) =>
    section(docxTable(t.layout, lang), t.layout.ncols > PORTRAIT_MAX_COLUMNS),
  );
  if (study.figures.length) {
    const figs: Paragraph[] = study.figures.map((f) => {
      const { png, width, height } = svgToPng(f.svg);
      return new Paragraph({
        spacing: { after: 240 },
        children: [
          new ImageRun({
            type: "svg",
            data: Buffer.from(f.svg, "utf8"),
            fallback: { type: "png", data: png },
            transformation: { width, height },
            altText: { name: f.id, title: f.title, description: f.title },
          }),
        ],
      });
    });
    sections.push(section(figs, false));
  }
  const doc = new Document({
    creator: "robometrics",
    title: study.id,
    sections,
  });
  const buf = await Packer.toBuffer(doc);
  const fixed = await fixDocxDates(buf);
  await writeAtomically(path, (tmp) => writeFile(tmp, fixed));
  return path;
}

function section(children: (Paragraph | Table)[], landscape: boolean) {
  return {
    properties: {
      page: {
        size: {
          width: A4.width,
          height: A4.height,
          orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: { top: A4.margin, bottom: A4.margin, left: A4.margin, right: A4.margin },
      },
    },
    children,
  };
}

/** Replace what docx writes differently each time (timestamps, drawing ids) and re-zip deterministically. */
async function fixDocxDates(buf: Buffer): Promise<Buffer> {
  const { default: JSZip } = await import("jszip");
  const zip = await JSZip.loadAsync(buf);
  const core = zip.file("docProps/core.xml");
  if (core) {
    const xml = (await core.async("string")).replace(
      /(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g,
      `$1${FIXED_DATE}$2`,
    );
    zip.file("docProps/core.xml", xml);
  }
  // docx numbers drawings with a process-wide counter: renumber them from 1 in order
  const body = zip.file("word/document.xml");
  if (body) {
    let n = 0;
    zip.file(
      "word/document.xml",
      (await body.async("string")).replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++n}"`),
    );
  }
  const date = new Date(FIXED_DATE);
  for (const f of Object.values(zip.files)) f.date = date;
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}
