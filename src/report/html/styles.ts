/**
 * The report's stylesheet, inlined in the page: system fonts only (CJK faces named for Chinese), the
 * papers' three-line tables (thick top and bottom rules, a thin rule under the header and between
 * blocks, no vertical lines), a layout that reflows on a phone, and print rules that start every
 * table and figure on a new page.
 */
export const REPORT_CSS = `
:root { --ink: #1a1a1a; --muted: #555; --rule: #000; --accent: #1f4e79; }
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; color: var(--ink); background: #fff;
  font: 16px/1.5 "Noto Serif CJK SC", "Source Han Serif SC", "Songti SC", SimSun, "Times New Roman", Georgia, serif; }
header.top, main { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
header.top { padding-top: 1.5rem; }
h1, h2, h3, nav, .meta, caption, .notes, table.kv, table.grid {
  font-family: "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0 0 .5rem; }
h2 { font-size: 1.35rem; margin: 2.5rem 0 .75rem; border-bottom: 2px solid var(--accent); padding-bottom: .25rem; }
h3 { font-size: 1.1rem; margin: 2rem 0 .5rem; color: var(--accent); }
a { color: var(--accent); }
nav.toc { background: #f5f7fa; border: 1px solid #dde3ea; border-radius: 6px; padding: .5rem 1rem; margin: 1rem 0; }
nav.toc ol { margin: .25rem 0; padding-left: 1.25rem; }
nav.toc li { margin: .1rem 0; }
.meta { color: var(--muted); font-size: .9rem; }
section.block { margin: 1.5rem 0 2rem; }
.table-scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
table.three-line { border-collapse: collapse; margin: 0 auto; font-size: .92rem; font-variant-numeric: tabular-nums;
  border-top: 2px solid var(--rule); border-bottom: 2px solid var(--rule); }
table.three-line caption { caption-side: top; font-weight: 600; padding: .25rem 0 .5rem; text-align: center; }
table.three-line th, table.three-line td { padding: .15rem .6rem; white-space: nowrap; border: 0; }
table.three-line thead th { font-weight: 400; text-align: center; }
table.three-line thead th.stub { text-align: left; }
table.three-line thead tr:last-child th { border-bottom: 1px solid var(--rule); }
table.three-line th.span-rule { border-bottom: 1px solid var(--rule); }
table.three-line tbody + tbody tr:first-child > * { border-top: 1px solid var(--rule); }
table.three-line tbody th { text-align: left; font-weight: 400; }
table.three-line td { text-align: center; }
table.three-line tr.se td { padding-top: 0; }
table.three-line tr.panel th { font-style: italic; text-align: left; }
.notes { font-size: .8rem; color: var(--muted); max-width: 50rem; margin: .4rem auto 0; }
.notes p { margin: .1rem 0; }
figure { margin: 1rem 0; text-align: center; }
svg.figure-svg { max-width: 100%; height: auto; }
.files { font-size: .8rem; color: var(--muted); text-align: center; margin: .25rem 0 0; }
table.kv, table.grid { border-collapse: collapse; font-size: .85rem; margin: .25rem 0; }
table.kv { display: block; max-width: 100%; overflow-x: auto; }
table.kv th, table.kv td, table.grid th, table.grid td { border: 1px solid #d0d7de; padding: .15rem .45rem; vertical-align: top; text-align: left; }
table.kv th, table.grid thead th { background: #f5f7fa; font-weight: 600; }
table.grid td { white-space: nowrap; }
code { font-size: .85em; word-break: break-all; }
footer { max-width: 60rem; margin: 3rem auto 2rem; padding: 0 1rem; color: var(--muted); font-size: .8rem; }
@media (max-width: 40rem) {
  body { font-size: 15px; }
  h1 { font-size: 1.3rem; }
  table.three-line { font-size: .8rem; }
  table.three-line th, table.three-line td { padding: .1rem .35rem; }
}
@media print {
  @page { size: A4; margin: 15mm 12mm; }
  body { font-size: 10.5pt; }
  nav.toc, header.top, main, footer { max-width: none; }
  a { color: inherit; text-decoration: none; }
  section.block { break-before: page; break-inside: avoid; }
  .table-scroll { overflow: visible; }
  table.three-line { font-size: 9pt; }
  table.three-line th, table.three-line td { white-space: normal; }
  svg.figure-svg { width: 16cm; }
  h2 { break-after: avoid; }
}
`;
