import { describe, expect, it } from "vitest";
import { warmUpSolver } from "../../src/fe/warm-up.js";

describe("JIT warm-up of the demeaning", () => {
  it("runs the Schur-complement solver (the path a large well-connected fit takes)", () => {
    expect(warmUpSolver()).toBe("schur-cg");
  });
});
