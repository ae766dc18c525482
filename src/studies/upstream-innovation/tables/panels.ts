/** The estimation samples the tables draw on. */
import type { Frame } from "../../../frame/frame.js";

/** Frames of the analysis, sorted by unit and year. */
export interface Panels {
  /** Upstream makers, every firm-year, with all firm and city measures. */
  readonly upstream: Frame;
  /** ASIE firm-years with imports of robot parts. */
  readonly parts: Frame;
  /** Firms of industries without any upstream maker, firm-years with patents. */
  readonly exclusion: Frame;
  /** City-years (columns city, year, cap_ratio, robot, us_robot, city controls). */
  readonly city: Frame;
}
