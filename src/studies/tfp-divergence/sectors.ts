/**
 * Study B's canonical industry and sector codes: the 14 manufacturing industries of the
 * economy-industry panel (ISIC Rev. 4 groups), the other IFR application industries, and the
 * WIOD-SEA sectors with their primary / secondary / tertiary class (for the TL and TS indices).
 */
import type { Label } from "../../report/table-spec.js";

/** One of the 14 manufacturing industries. */
export interface Industry {
  readonly code: string;
  readonly label: Label;
}

/** The 14 manufacturing industries of the industry panel, in the order of the paper's Figure 5. */
export const INDUSTRIES: readonly Industry[] = [
  { code: "C10-C12", label: { en: "Food, beverages & tobacco", zh: "食品饮料、烟草制品" } },
  { code: "C13-C15", label: { en: "Textiles & apparel", zh: "纺织品服装制造业" } },
  { code: "C16_C31-C32", label: { en: "Wood & furniture", zh: "木材、家具制造业" } },
  { code: "C17-C18", label: { en: "Paper & printing", zh: "造纸和印刷制造业" } },
  { code: "C21", label: { en: "Pharmaceuticals", zh: "医药制造业" } },
  { code: "C22", label: { en: "Rubber & plastics", zh: "橡胶和塑料制品业" } },
  { code: "C23", label: { en: "Non-metallic minerals", zh: "非金属矿物制品业" } },
  { code: "C24", label: { en: "Basic metals", zh: "基本金属制造业" } },
  { code: "C25", label: { en: "Metal products", zh: "金属制品制造业" } },
  { code: "C26", label: { en: "Computer, electronic & optical", zh: "计算机、电子和光学产品" } },
  { code: "C27", label: { en: "Electrical equipment", zh: "电气机械和器材制造业" } },
  { code: "C28", label: { en: "Machinery", zh: "通用、专用设备制造业" } },
  { code: "C29", label: { en: "Motor vehicles", zh: "汽车制造业" } },
  { code: "C30", label: { en: "Other transport", zh: "铁路船舶、运输设备" } },
];

/** IFR application industries outside the 14 (counted in an economy's total robot stock). */
export const OTHER_IFR_INDUSTRIES: readonly Industry[] = [
  { code: "A-B", label: { en: "Agriculture & mining", zh: "农业和采矿业" } },
  { code: "C19-C20", label: { en: "Coke, petroleum & chemicals", zh: "石油化工" } },
  { code: "D-E", label: { en: "Utilities", zh: "电力、燃气及水" } },
  { code: "F", label: { en: "Construction", zh: "建筑业" } },
  { code: "P", label: { en: "Education & research", zh: "教育和研发" } },
  { code: "99", label: { en: "Unspecified", zh: "未分类" } },
];

/** Class of a WIOD sector: 1 primary, 2 secondary, 3 tertiary (eq. 16). */
export type SectorClass = 1 | 2 | 3;

/** A WIOD-SEA sector. */
export interface Sector {
  readonly code: string;
  readonly cls: SectorClass;
  readonly label: Label;
}

/** The WIOD-SEA sectors a study B source must use: agriculture, industry (incl. the 14), services. */
export const SECTORS: readonly Sector[] = [
  { code: "A", cls: 1, label: { en: "Agriculture, forestry & fishing", zh: "农林牧渔业" } },
  { code: "B", cls: 2, label: { en: "Mining & quarrying", zh: "采矿业" } },
  ...INDUSTRIES.map((ind) => ({ code: ind.code, cls: 2 as const, label: ind.label })),
  { code: "C19-C20", cls: 2, label: { en: "Coke, petroleum & chemicals", zh: "石油化工" } },
  { code: "C33", cls: 2, label: { en: "Repair & other manufacturing", zh: "其他制造业及修理" } },
  { code: "D-E", cls: 2, label: { en: "Utilities", zh: "电力、燃气及水" } },
  { code: "F", cls: 2, label: { en: "Construction", zh: "建筑业" } },
  { code: "G", cls: 3, label: { en: "Wholesale & retail trade", zh: "批发零售业" } },
  { code: "H", cls: 3, label: { en: "Transport & storage", zh: "交通运输仓储" } },
  { code: "I", cls: 3, label: { en: "Accommodation & food", zh: "住宿餐饮业" } },
  { code: "J", cls: 3, label: { en: "Information & communication", zh: "信息通信业" } },
  { code: "K", cls: 3, label: { en: "Finance & insurance", zh: "金融保险业" } },
  { code: "L-N", cls: 3, label: { en: "Real estate & business services", zh: "房地产和商务服务" } },
  { code: "O-U", cls: 3, label: { en: "Public & other services", zh: "公共及其他服务" } },
];

/** Codes of the 14 manufacturing industries. */
export const INDUSTRY_CODES: readonly string[] = INDUSTRIES.map((i) => i.code);

/** Every IFR industry code a source may use. */
export const IFR_CODES: readonly string[] = [...INDUSTRY_CODES, ...OTHER_IFR_INDUSTRIES.map((i) => i.code)];

/** Every WIOD sector code a source may use. */
export const SECTOR_CODES: readonly string[] = SECTORS.map((s) => s.code);

/**
 * The label of a manufacturing industry by code (the code itself when unknown).
 * @example industryLabel("C29").en; // "Motor vehicles"
 */
export function industryLabel(code: string): Label {
  return INDUSTRIES.find((i) => i.code === code)?.label ?? { en: code, zh: code };
}
