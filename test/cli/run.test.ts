/**
 * `robometrics run` and `robometrics synth` end to end at --scale tiny: the outputs the issue names,
 * the manifest, determinism, and a YAML configuration over the generated source files giving the
 * same tables as the default run.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { registerRun } from "../../src/cli/run.js";
import { STUDY_IDS } from "../../src/studies/registry.js";
import { runCommand } from "../helpers/cli.js";

const cli = async (...args: string[]) => (await runCommand(registerRun, args)).out;

const SEED = "7";
let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "rm-run-"));
  await cli("run", "--scale", "tiny", "--seed", SEED, "--out", join(root, "default"));
}, 300_000);

function files(dir: string): string[] {
  return readdirSync(dir).sort();
}

describe("robometrics run", () => {
  it("writes every table and figure the issue lists, truth.json and a manifest", () => {
    const a = join(root, "default", "upstream-innovation");
    const tableIdsA = [
      "table1",
      "table2",
      "table3",
      "table4",
      "table5",
      "robustness_outcomes",
      "robustness_regressors",
      "robustness_instruments",
      "robustness_samples",
      "robustness_clusters",
      "robustness_processing",
      "robustness_winsor",
      "inference",
    ];
    for (const id of tableIdsA)
      for (const ext of ["md", "tex", "csv", "json"])
        expect(files(join(a, "tables"))).toContain(`${id}.${ext}`);
    const b = join(root, "default", "tfp-divergence");
    for (let t = 1; t <= 9; t++)
      for (const ext of ["md", "tex", "csv", "json"])
        expect(files(join(b, "tables"))).toContain(`table${t}.${ext}`);
    for (let f = 1; f <= 5; f++)
      for (const ext of ["svg", "csv"]) expect(files(join(b, "figures"))).toContain(`figure${f}.${ext}`);
    for (const s of STUDY_IDS) {
      const truth = JSON.parse(readFileSync(join(root, "default", s, "truth.json"), "utf8"));
      expect(truth.study).toBe(s);
      expect(Object.keys(truth.effects).length).toBeGreaterThan(0);
    }
    const manifest = JSON.parse(readFileSync(join(root, "default", "manifest.json"), "utf8"));
    expect(manifest.seed).toBe(Number(SEED));
    expect(manifest.scale).toBe("tiny");
    expect(manifest.package.name).toBe("robometrics");
    expect(manifest.studies.map((s: { study: string }) => s.study)).toEqual([...STUDY_IDS]);
    for (const s of manifest.studies) {
      expect(s.inputs.length).toBeGreaterThan(3);
      for (const i of s.inputs) expect(i.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(s.timings.length).toBeGreaterThan(0);
    }
  });

  it("a YAML configuration over the generated source files gives byte-identical tables", async () => {
    for (const study of STUDY_IDS) {
      const srcDir = join(root, `synth-${study}`);
      await cli("synth", "--study", study, "--scale", "tiny", "--seed", SEED, "--out", srcDir);
      const manifest = JSON.parse(readFileSync(join(root, "default", "manifest.json"), "utf8"));
      const inputs: { table: string; path: string }[] = manifest.studies.find(
        (s: { study: string }) => s.study === study,
      ).inputs;
      const sources = Object.fromEntries(
        inputs.map((i) => [i.table, { path: join(srcDir, i.path.split("/").pop() as string) }]),
      );
      const config = join(root, `${study}.yaml`);
      writeFileSync(config, stringify({ study, sources }));
      const out = join(root, `config-${study}`);
      await cli("run", "--config", config, "--out", out);
      const dirA = join(root, "default", study, "tables");
      const dirB = join(out, study, "tables");
      expect(files(dirB)).toEqual(files(dirA));
      for (const f of files(dirA))
        expect(readFileSync(join(dirB, f)), `${study}/${f}`).toEqual(readFileSync(join(dirA, f)));
      const m = JSON.parse(readFileSync(join(out, "manifest.json"), "utf8"));
      expect(m.studies[0].data).toBe("user");
      expect(m.studies[0].config).toBe(config);
    }
  }, 300_000);

  it("rejects a configuration whose sources do not match the study, naming every problem", async () => {
    const config = join(root, "bad.yaml");
    writeFileSync(
      config,
      stringify({
        study: "tfp-divergence",
        sources: { ifr: { path: "nowhere.csv" }, typo: { path: "x.csv" } },
      }),
    );
    const err = await cli("run", "--config", config, "--out", join(root, "bad")).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String(err)).toMatch(/source "typo" is not one of this study's sources/);
    expect(String(err)).toMatch(/source "pwt" .*: no file given/);
    expect(String(err)).toMatch(/source "wdi" .*: no file given/);
  });
});
