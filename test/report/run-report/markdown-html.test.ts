import { describe, expect, it } from "vitest";
import { markdownHtml } from "../../../src/report/html/markdown-html.js";

describe("markdownHtml (run-written Markdown in report.html)", () => {
  it("renders a pipe table only where a delimiter row follows its first row", () => {
    const html = markdownHtml("| a | b |\n|:--|--:|\n| 1 | 2 |");
    expect(html).toBe(
      '<div class="table-scroll"><table class="grid"><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td><td>2</td></tr></tbody></table></div>',
    );
  });

  it("keeps a paragraph line that starts with '|' (an absolute value) in its paragraph, as GitHub does", () => {
    const html = markdownHtml(
      "Sign agreement counts the paper's significant coefficients; 'within 2 SE' means\n|reproduction − paper| ≤ 2·sqrt(se² + paper se²).",
    );
    expect(html).toBe(
      "<p>Sign agreement counts the paper&#39;s significant coefficients; &#39;within 2 SE&#39; means |reproduction − paper| ≤ 2·sqrt(se² + paper se²).</p>",
    );
    expect(markdownHtml("|x| is small")).toBe("<p>|x| is small</p>");
  });

  it("ends a paragraph where a table, heading or bullet starts", () => {
    const html = markdownHtml("Intro line\n| a |\n|--|\n| 1 |\n## Next\n- item");
    expect(html.split("\n")).toEqual([
      "<p>Intro line</p>",
      '<div class="table-scroll"><table class="grid"><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table></div>',
      "<h4>Next</h4>",
      "<ul><li>item</li></ul>",
    ]);
  });
});
