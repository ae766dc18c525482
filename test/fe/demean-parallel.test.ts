import { execFileSync } from "node:child_process";
import { availableParallelism } from "node:os";
import { describe, expect, it } from "vitest";

describe("parallel demeaning", () => {
  it("gives the same bytes with the worker thread as on one thread, for Schur CG (layout handed over while filled), Kaczmarz CG, and Schur CG handing over to Kaczmarz CG", () => {
    const script = new URL("./helpers/parallel-vs-serial.ts", import.meta.url).pathname;
    const out = execFileSync(process.execPath, ["--import", "tsx", script], { encoding: "utf8" });
    const r = JSON.parse(out.trim().split("\n").pop() ?? "{}");
    if (availableParallelism() > 1) expect(r.workers).toBeGreaterThan(0);
    expect(r.auto).toMatchObject({ method: "schur-cg", converged: true, identical: true });
    expect(r.cg).toMatchObject({ method: "cg", converged: true, identical: true });
    expect(r.auto.iterations[0]).toBe(r.auto.iterations[1]);
    expect(r.inputsUnchanged).toBe(true);
    // Columns the worker cannot finish without codes are finished by the calling thread, same bytes.
    expect(r.handover).toMatchObject({ method: "schur-cg", converged: true, identical: true });
    expect(r.handover.iterations[0]).toBe(r.handover.iterations[1]);
    expect(r.handover.iterations[0]).toBeGreaterThan(200);
  }, 120_000);
});
