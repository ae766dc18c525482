import { describe, expect, it } from "vitest";
import { cityLookup, cityOfText } from "../../../src/studies/upstream-innovation/address-city.js";

const lookup = cityLookup([
  { code: "1101", name: "北京市" },
  { code: "2113", name: "朝阳市" },
  { code: "2201", name: "长春市" },
  { code: "2202", name: "吉林市" },
  { code: "3205", name: "苏州市" },
  { code: "4420", name: "中山市" },
]);

describe("cityOfText (the city of an address or customs city field)", () => {
  it("finds the city after the province", () => {
    expect(cityOfText("江苏省苏州市工业园区星湖街328号", lookup)).toBe("3205");
    expect(cityOfText("苏州市", lookup)).toBe("3205");
    expect(cityOfText("苏州", lookup)).toBe("3205");
  });

  it("skips a leading province that shares its name with a city", () => {
    expect(cityOfText("吉林省长春市高新区科技路1号", lookup)).toBe("2201");
    expect(cityOfText("吉林省吉林市船营区", lookup)).toBe("2202");
  });

  it("takes the earliest city, so a district or street named after another city does not win", () => {
    expect(cityOfText("北京市朝阳区建国路88号", lookup)).toBe("1101");
    expect(cityOfText("江苏省苏州市中山路5号", lookup)).toBe("3205");
  });

  it("returns null when no city is named", () => {
    expect(cityOfText("不详", lookup)).toBeNull();
    expect(cityOfText(null, lookup)).toBeNull();
  });

  it("refuses a city name used by two codes", () => {
    expect(() =>
      cityLookup([
        { code: "1", name: "苏州市" },
        { code: "2", name: "苏州" },
      ]),
    ).toThrow(/two city codes/);
  });
});
