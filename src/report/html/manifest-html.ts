/** The run's manifest in the report: version, command, seed and scale, then per study its inputs (SHA-256) and step timings. */
import { relative, isAbsolute } from "node:path";
import type { Lang } from "../lang.js";
import type { RunReport } from "../run-report/types.js";
import { escapeHtml } from "./escape-html.js";
import { formatValue } from "./json-html.js";
import { word } from "./labels.js";

/**
 * The manifest section body as HTML (input paths shown relative to the output root when inside it).
 * @example manifestHtml(report.manifest, "/abs/out", "en");
 */
export function manifestHtml(m: RunReport["manifest"], outDir: string, lang: Lang): string {
  const w = (k: Parameters<typeof word>[0]) => word(k, lang);
  const kv: [string, string][] = [
    [w("version"), `${m.package.name} ${m.package.version}`],
    [w("node"), m.node],
    [w("command"), `<code>${escapeHtml(m.command)}</code>`],
    [w("seed"), String(m.seed)],
    [w("scale"), m.scale],
    [w("language"), m.lang],
  ].map(([k, v]) => [escapeHtml(k), k === w("command") ? v : escapeHtml(v)]);
  if (m.total_seconds !== undefined) kv.push([escapeHtml(w("totalTime")), formatValue(m.total_seconds)]);
  const out = [
    `<table class="kv">${kv.map(([k, v]) => `<tr><th scope="row">${k}</th><td>${v}</td></tr>`).join("")}</table>`,
  ];
  for (const s of m.studies) {
    out.push(`<h3>${escapeHtml(s.study)}</h3>`);
    out.push(
      `<p class="meta">${escapeHtml(w("data"))}: ${escapeHtml(w(s.data))}${
        s.config ? ` · ${escapeHtml(w("config"))}: <code>${escapeHtml(s.config)}</code>` : ""
      }</p>`,
    );
    const show = (p: string) =>
      isAbsolute(p) && !relative(outDir, p).startsWith("..") ? relative(outDir, p) : p;
    out.push(
      grid(
        [w("table"), w("path"), "SHA-256"],
        s.inputs.map((i) => [
          escapeHtml(i.table),
          `<code>${escapeHtml(show(i.path))}</code>`,
          `<code>${i.sha256}</code>`,
        ]),
        w("inputs"),
      ),
    );
    out.push(
      grid(
        [w("step"), w("seconds")],
        s.timings.map((t) => [escapeHtml(t.step), formatValue(Math.round(t.seconds * 1000) / 1000)]),
        w("timings"),
      ),
    );
  }
  return out.join("\n");
}

function grid(head: string[], rows: string[][], caption: string): string {
  const h = `<tr>${head.map((x) => `<th scope="col">${escapeHtml(x)}</th>`).join("")}</tr>`;
  const b = rows.map((r) => `<tr>${r.map((x) => `<td>${x}</td>`).join("")}</tr>`).join("");
  return `<div class="table-scroll"><table class="grid"><caption>${escapeHtml(caption)}</caption><thead>${h}</thead><tbody>${b}</tbody></table></div>`;
}
