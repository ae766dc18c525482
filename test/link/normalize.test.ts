import { describe, expect, it } from "vitest";
import { pinyinKey } from "../../src/link/char-maps.js";
import { parseFormerNames } from "../../src/link/former-names.js";
import { stripLegalForms } from "../../src/link/legal-forms.js";
import { cleanName, normalizeName, placeSet } from "../../src/link/normalize-name.js";
import { CITIES, PROVINCES } from "../../src/link/places.js";

const places = placeSet(PROVINCES, CITIES);
const core = (name: string) => normalizeName(name, places).core;

describe("firm-name normalisation", () => {
  it("undoes full-width letters, stray spaces and traditional characters", () => {
    expect(cleanName("绵阳恒亚ＫＴＲ传动科技股份有限 公司")).toBe("绵阳恒亚KTR传动科技股份有限公司");
    expect(cleanName("杭州豐晨运動控制有限责任公司")).toBe("杭州丰晨运动控制有限责任公司");
  });

  it("gives one core to the place leading, bracketed, with 省/市, or dropped", () => {
    const variants = [
      "福建省福州市铭川ABB智能装备有限公司",
      "福州铭川ABB智能装备有限公司",
      "铭川ABB智能装备（福州）有限公司",
      "铭川ABB智能装备有限公司",
      "福建铭川ABB智能装备股份有限公司",
    ];
    expect(new Set(variants.map(core))).toEqual(new Set(["铭川ABB智能装备"]));
  });

  it("keeps brackets that are not places", () => {
    expect(core("精工(ABC)技术有限公司")).toBe("精工(ABC)技术");
  });

  it("strips stacked legal forms and labels them", () => {
    expect(stripLegalForms("南京晨欧伺服集团有限公司")).toEqual({
      rest: "南京晨欧伺服",
      form: "集团+有限公司",
    });
    expect(stripLegalForms("宜昌翔奥辉精密传动实业集团")).toEqual({
      rest: "宜昌翔奥辉精密传动实业",
      form: "集团",
    });
  });

  it("reads the city a name leads with or brackets", () => {
    expect(normalizeName("骏星智能装备（福州）有限公司", places).place).toBe("福州");
    expect(normalizeName("浙江德龙阳精工有限公司", places).place).toBe("");
  });

  it("gives homophones one pinyin key and other characters another", () => {
    expect(pinyinKey("锐远")).toBe(pinyinKey("锐源"));
    expect(pinyinKey("锐远")).not.toBe(pinyinKey("锐联"));
  });

  it("parses former names with and without the last year of use", () => {
    expect(parseFormerNames("甲科技有限公司@2008; 乙科技有限公司；丙公司（至2010）")).toEqual([
      { name: "甲科技有限公司", until: 2008 },
      { name: "乙科技有限公司", until: null },
      { name: "丙公司", until: 2010 },
    ]);
    expect(parseFormerNames(null)).toEqual([]);
  });
});
