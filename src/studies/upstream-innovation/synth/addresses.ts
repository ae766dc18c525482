/**
 * Street addresses: province, city, a district of the city and a street number, e.g.
 * 江苏省苏州市高新区科技路128号 (municipalities without the province).
 */
import { pick } from "../../../synth/distributions.js";
import type { Rng } from "../../../synth/rng.js";
import type { City } from "./geography.js";

const DISTRICTS = ["高新区", "经济技术开发区", "工业园区", "新区", "开发区", "城东区", "城西区", "临港新区"];
const STREETS = [
  "科技路",
  "创业路",
  "工业大道",
  "建设路",
  "人民路",
  "解放路",
  "长江路",
  "黄河路",
  "新华路",
  "兴业街",
  "纬三路",
  "经二路",
];

/**
 * A firm's address in `city`; `withProvince` false leaves the province out.
 * @example address(rng, city, true); // "江苏省苏州市工业园区创业路18号"
 */
export function address(rng: Rng, city: City, withProvince = true): string {
  const municipality = city.province.endsWith("市");
  const head = municipality ? city.name : `${withProvince ? city.province : ""}${city.name}`;
  return `${head}${pick(rng, DISTRICTS)}${pick(rng, STREETS)}${1 + rng.int(300)}号`;
}
