/** The example study configurations in docs/examples stay valid and name exactly each study's sources. */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadStudyConfig } from "../../src/studies/config.js";
import { loadStudy, STUDY_IDS } from "../../src/studies/registry.js";

const examples = join(import.meta.dirname, "..", "..", "docs", "examples");

describe("docs/examples study configurations", () => {
  for (const id of STUDY_IDS) {
    it(`${id}.yaml names every source of the study and nothing else`, async () => {
      const cfg = loadStudyConfig(join(examples, `${id}.yaml`));
      const study = await loadStudy(id);
      expect(cfg.study).toBe(id);
      expect(Object.keys(cfg.sources).sort()).toEqual(study.schema.tables.map((t) => t.name).sort());
    });
  }

  it("reports every problem of an invalid configuration with its place", () => {
    const bad = join(import.meta.dirname, "bad-config.yaml");
    expect(() => loadStudyConfig(bad)).toThrow(
      /- study: Invalid option[\s\S]*- sources\.customs\.path: Invalid input: expected string/,
    );
  });
});
