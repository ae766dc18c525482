/**
 * A printed table (TextTable) as a Word table in the papers' three-line layout: a thick rule above
 * the header and below the body, a thin rule under the header (and under spanning column groups)
 * and between blocks, no vertical lines; title above, notes below.
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from "docx";
import type { Lang } from "../lang.js";
import { expandHeader, type HeaderLine, mergeRuns, type TextTable } from "../text-table.js";

const THICK = { style: BorderStyle.SINGLE, size: 12, color: "000000" };
const THIN = { style: BorderStyle.SINGLE, size: 6, color: "000000" };
const NONE = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" };

/** Fonts: Times New Roman for Latin text, SimSun (宋体) for Chinese, as Chinese journals ask. */
export function runFont(): { ascii: string; hAnsi: string; eastAsia: string } {
  return { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: "SimSun" };
}

function text(s: string, opts: { bold?: boolean; italics?: boolean; size?: number } = {}): TextRun {
  return new TextRun({
    text: s,
    font: runFont(),
    size: opts.size ?? 20,
    bold: opts.bold,
    italics: opts.italics,
  });
}

interface CellArgs {
  readonly text: string;
  readonly span?: number;
  readonly left?: boolean;
  readonly top?: typeof THICK;
  readonly bottom?: typeof THICK;
  readonly italics?: boolean;
}

function cell(a: CellArgs): TableCell {
  return new TableCell({
    children: [
      new Paragraph({
        alignment: a.left ? AlignmentType.LEFT : AlignmentType.CENTER,
        children: [text(a.text, { italics: a.italics })],
      }),
    ],
    columnSpan: a.span && a.span > 1 ? a.span : undefined,
    borders: { top: a.top ?? NONE, bottom: a.bottom ?? NONE, left: NONE, right: NONE },
    margins: { left: 80, right: 80 },
  });
}

/**
 * The title paragraph, the table and the notes of one printed table, ready to add to a section.
 * @example const parts = docxTable(layout, "zh");
 */
export function docxTable(t: TextTable, _lang: Lang): (Paragraph | Table)[] {
  const rows: TableRow[] = [];
  const nh = t.header.length;
  t.header.forEach((h, i) => {
    const top = i === 0 ? THICK : undefined;
    const last = i === nh - 1;
    rows.push(new TableRow({ tableHeader: true, children: headerCells(h, top, last) }));
  });
  t.blocks.forEach((block, b) => {
    block.forEach((r, k) => {
      const top = b > 0 && k === 0 ? THIN : undefined;
      const isLast = b === t.blocks.length - 1 && k === block.length - 1;
      const bottom = isLast ? THICK : undefined;
      if (r.kind === "panel") {
        rows.push(
          new TableRow({
            children: [cell({ text: r.label, span: t.ncols + 1, left: true, top, bottom, italics: true })],
          }),
        );
        return;
      }
      rows.push(
        new TableRow({
          cantSplit: true,
          children: [
            cell({ text: r.label, left: true, top, bottom }),
            ...r.cells.map((c) => cell({ text: c, top, bottom })),
          ],
        }),
      );
    });
  });
  const table = new Table({
    rows,
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: {
      top: NONE,
      bottom: NONE,
      left: NONE,
      right: NONE,
      insideHorizontal: NONE,
      insideVertical: NONE,
    },
  });
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      keepNext: true,
      children: [text(t.title, { bold: true, size: 22 })],
    }),
    table,
    ...t.notes.map((n) => new Paragraph({ spacing: { before: 40 }, children: [text(n, { size: 16 })] })),
  ];
}

function headerCells(h: HeaderLine, top: typeof THICK | undefined, last: boolean): TableCell[] {
  const bottom = last ? THIN : undefined;
  const cells = [cell({ text: h.stub, left: true, top, bottom })];
  for (const c of h.mergeEqual ? mergeRuns(expandHeader(h)) : h.cells) {
    const rule = h.ruleUnderSpans && c.span > 1 && c.text !== "" ? THIN : bottom;
    cells.push(cell({ text: c.text, span: c.span, top, bottom: rule }));
  }
  return cells;
}
