import { cyrb53 } from "../../kernel/hash.js";

/** cyrb53 in base 36: cache keys only, not security. */
export function hashString(text: string, seed = 0): string {
  return cyrb53(text, seed).toString(36);
}
