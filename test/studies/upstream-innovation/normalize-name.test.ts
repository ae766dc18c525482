import { describe, expect, it } from "vitest";
import { normalizeFirmName } from "../../../src/studies/upstream-innovation/normalize-name.js";
import { placeNames } from "../../../src/studies/upstream-innovation/place-names.js";

const places = placeNames(["苏州市", "无锡市", "北京市", "吉林市", "长春市"]);

describe("normalizeFirmName (linking registry, ASIE, patents and customs by name)", () => {
  it("maps the variants of one firm to the same core", () => {
    const variants = [
      "苏州汇川传动科技有限公司",
      "江苏汇川传动科技有限公司",
      "江苏省苏州市汇川传动科技有限公司",
      "汇川传动科技（苏州）有限公司",
      "汇川传动科技(苏州)有限公司",
      "汇川传动科技股份有限公司",
      "汇川传动科技有限责任公司",
      "苏州　汇川传动科技有限公司",
      "苏州市汇川传动科技集团有限公司",
    ];
    for (const v of variants) expect(normalizeFirmName(v, places), v).toBe("汇川传动科技");
  });

  it("turns full-width letters and digits into half-width and upper case", () => {
    expect(normalizeFirmName("ＡＢＢ（中国）有限公司", places)).toBe("ABB");
    expect(normalizeFirmName("abb有限公司", places)).toBe("ABB");
  });

  it("keeps at least two characters when the name is all place name", () => {
    expect(normalizeFirmName("吉林市有限公司", places)).toBe("吉林市");
    expect(normalizeFirmName("长春厂", places)).toBe("长春");
  });

  it("does not strip a place name in the middle of the core", () => {
    expect(normalizeFirmName("华苏州精工有限公司", places)).toBe("华苏州精工");
  });

  it("leaves names of people and universities alone apart from the cleaning", () => {
    expect(normalizeFirmName("王建国", places)).toBe("王建国");
    expect(normalizeFirmName("苏州理工大学", places)).toBe("理工大学");
  });
});
