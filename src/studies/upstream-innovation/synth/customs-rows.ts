/**
 * A growing set of customs rows (firm × HS8 × year × trade mode × country), column by column.
 */

/** Customs rows in the canonical columns of the `customs` source. */
export class CustomsRows {
  readonly year: number[] = [];
  readonly firmCode: string[] = [];
  readonly firmName: string[] = [];
  readonly city: string[] = [];
  readonly flow: string[] = [];
  readonly hs8: string[] = [];
  readonly tradeMode: string[] = [];
  readonly country: string[] = [];
  readonly valueUsd: number[] = [];
  readonly quantity: number[] = [];

  get length(): number {
    return this.year.length;
  }

  /**
   * Append one row; the value is rounded to cents and returned as written.
   * @example rows.push({ year: 2005, firmCode, firmName, city: "苏州市", flow: "进口", hs8: "84795010", tradeMode: "一般贸易", country: "日本", valueUsd: 120000, quantity: 2 });
   */
  push(r: {
    year: number;
    firmCode: string;
    firmName: string;
    city: string;
    flow: "进口" | "出口";
    hs8: string;
    tradeMode: string;
    country: string;
    valueUsd: number;
    quantity: number;
  }): number {
    const cents = Math.round(r.valueUsd * 100);
    if (!(cents > 0))
      throw new Error(`customs row of ${r.firmName} (${r.year}, ${r.hs8}) has value ${r.valueUsd}`);
    this.year.push(r.year);
    this.firmCode.push(r.firmCode);
    this.firmName.push(r.firmName);
    this.city.push(r.city);
    this.flow.push(r.flow);
    this.hs8.push(r.hs8);
    this.tradeMode.push(r.tradeMode);
    this.country.push(r.country);
    this.valueUsd.push(cents / 100);
    this.quantity.push(Math.max(1, Math.round(r.quantity)));
    return cents / 100;
  }
}

/** Countries robots and parts come from, and where component makers export to. */
export const ORIGINS = ["日本", "德国", "瑞士", "瑞典", "美国", "韩国", "意大利", "中国台湾"] as const;
export const DESTINATIONS = ["美国", "德国", "日本", "韩国", "越南", "印度", "墨西哥", "俄罗斯"] as const;

/**
 * Split a positive amount into `k` positive parts with random weights.
 * @example splitAmount(rng, 100, 3); // three parts summing to 100
 */
export function splitAmount(next: () => number, amount: number, k: number): number[] {
  const w = Array.from({ length: k }, () => 0.2 + next());
  const total = w.reduce((a, b) => a + b, 0);
  return w.map((x) => (amount * x) / total);
}

/**
 * A 10-digit customs enterprise code for a firm: city code, a type digit and a serial.
 * @example customsCode("3205", 12); // "3205300012"
 */
export function customsCode(cityCode: string, serial: number): string {
  return `${cityCode}${3 + (serial % 5)}${String(serial % 100000).padStart(5, "0")}`;
}
