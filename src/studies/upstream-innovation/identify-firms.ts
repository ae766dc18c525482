/**
 * Step 1 of the pipeline, the rule: a registry firm is an upstream component maker when a clause of
 * its business scope names one of the keywords together with a manufacturing word. Clauses are
 * separated by ；; or 。. A firm whose keyword clauses carry only trade words is a wholesale/retail
 * trader; one whose keyword clauses carry neither is a service or other firm. Both are excluded, with
 * the reason kept for the reviewable list (the paper confirms matches by hand).
 */
import type { UpstreamConfig } from "./config.js";

/** The decision on one firm. */
export interface ScopeDecision {
  /** Keywords found anywhere in the scope, in the configured order. */
  readonly matched: readonly string[];
  readonly upstream: boolean;
  /** Why the firm is kept or excluded. */
  readonly reason: string;
}

/**
 * Classify a business scope.
 * @example classifyScope("伺服电机、伺服系统的研发、制造；货物进出口", DEFAULT_CONFIG).upstream; // true
 */
export function classifyScope(
  scope: string | null,
  cfg: Pick<UpstreamConfig, "keywords" | "makingWords" | "tradeWords">,
): ScopeDecision {
  const text = (scope ?? "").normalize("NFKC");
  const matched = cfg.keywords.filter((k) => text.includes(k));
  if (!matched.length) return { matched, upstream: false, reason: "no keyword in the business scope" };
  const clauses = text.split(/[;；。]/).filter((c) => cfg.keywords.some((k) => c.includes(k)));
  const making = clauses.filter((c) => cfg.makingWords.some((w) => c.includes(w)));
  if (making.length) {
    const words = cfg.makingWords.filter((w) => making.some((c) => c.includes(w)));
    return { matched, upstream: true, reason: `manufactures the parts (${words.join("/")})` };
  }
  const trade = clauses.some((c) => cfg.tradeWords.some((w) => c.includes(w)));
  if (trade) {
    return {
      matched,
      upstream: false,
      reason: `wholesale/retail only (${cfg.tradeWords.join("/")} without ${cfg.makingWords.join("/")})`,
    };
  }
  return {
    matched,
    upstream: false,
    reason: `no manufacturing word (${cfg.makingWords.join("/")}) with the keyword`,
  };
}
