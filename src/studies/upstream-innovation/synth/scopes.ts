/**
 * Business-scope texts (经营范围) as the registry records them: clauses separated by ；, each an
 * enumeration of products with the activities on them, and the usual closing remark.
 */
import { bernoulli, pick } from "../../../synth/distributions.js";
import type { Rng } from "../../../synth/rng.js";

/** What a registry firm does, which decides its scope text. */
export type ScopeKind = "maker" | "trader" | "service" | "downstream" | "other";

const PART_PRODUCTS: Readonly<Record<string, readonly string[]>> = {
  精密减速器: ["精密减速器", "谐波减速器", "RV减速器"],
  伺服系统: ["伺服系统", "伺服电机", "伺服驱动器"],
  控制系统: ["控制系统", "运动控制器", "工业自动化控制系统"],
  传感器: ["传感器", "力矩传感器", "视觉传感器"],
  末端执行器: ["末端执行器", "机器人夹爪", "真空吸盘"],
};

const MAKING = ["研发、制造", "生产、加工", "研发、生产", "设计、制造", "制造、加工", "研发、生产、销售"];
const TRADING = ["批发、零售", "销售", "批发", "零售、批发", "代理销售"];
const SERVICE = ["技术咨询、技术服务", "技术开发、技术转让", "安装、调试及维修", "技术推广服务"];
const EXTRA_CLAUSES = [
  "货物进出口、技术进出口",
  "机电设备安装",
  "自有房屋租赁",
  "五金交电、建筑材料销售",
  "普通货运",
  "企业管理咨询",
];
const DOWNSTREAM_PRODUCTS = [
  "汽车零部件",
  "电子元器件",
  "家用电器",
  "金属结构件",
  "塑料制品",
  "轴承",
  "内燃机配件",
  "电池",
];
const OTHER_PRODUCTS = [
  "棉纱",
  "服装",
  "食品",
  "木质家具",
  "纸制品",
  "包装装潢印刷品",
  "化工原料（不含危险品）",
  "饲料",
  "皮革制品",
  "文具",
  "水泥制品",
];
const CLOSING = "（依法须经批准的项目，经相关部门批准后方可开展经营活动）";

/**
 * Part products a maker or trader of `keyword` deals in (the keyword itself first).
 * @example partProducts("伺服系统"); // ["伺服系统", "伺服电机", "伺服驱动器"]
 */
export function partProducts(keyword: string): readonly string[] {
  return PART_PRODUCTS[keyword] ?? [keyword];
}

/** The paper's keywords, in the generator's order. */
export const SCOPE_KEYWORDS = Object.keys(PART_PRODUCTS);

/**
 * The scope of a firm: makers have a clause with one or two of their keywords' products and
 * manufacturing words; traders the same products with trade words only; service firms keywords with
 * service words; downstream and other firms their own products. Extra clauses and the closing remark
 * are added at random.
 * @example scopeText(rng, "maker", ["伺服系统"]); // e.g. "伺服系统、伺服电机的研发、制造；货物进出口"
 */
export function scopeText(rng: Rng, kind: ScopeKind, keywords: readonly string[]): string {
  const clauses: string[] = [];
  const parts = () => {
    const items: string[] = [];
    for (const k of keywords) {
      items.push(k);
      if (bernoulli(rng, 0.5)) items.push(pick(rng, partProducts(k).slice(1)));
    }
    return items.join("、");
  };
  switch (kind) {
    case "maker":
      clauses.push(`${parts()}的${pick(rng, MAKING)}`);
      if (bernoulli(rng, 0.3)) clauses.push(`${pick(rng, partProducts(keywords[0]))}的${pick(rng, TRADING)}`);
      break;
    case "trader":
      clauses.push(`${parts()}的${pick(rng, TRADING)}`);
      break;
    case "service":
      clauses.push(`${parts()}的${pick(rng, SERVICE)}`);
      break;
    case "downstream":
      clauses.push(
        `${pick(rng, DOWNSTREAM_PRODUCTS)}、${pick(rng, DOWNSTREAM_PRODUCTS)}的${pick(rng, MAKING)}`,
      );
      break;
    case "other":
      clauses.push(`${pick(rng, OTHER_PRODUCTS)}的${pick(rng, MAKING)}`);
      break;
  }
  if (bernoulli(rng, 0.6)) clauses.push(pick(rng, EXTRA_CLAUSES));
  if (bernoulli(rng, 0.3)) clauses.push(pick(rng, EXTRA_CLAUSES));
  let text = clauses.join("；");
  if (bernoulli(rng, 0.5)) text += CLOSING;
  return text;
}
