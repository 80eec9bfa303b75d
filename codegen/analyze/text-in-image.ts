/**
 * Text baked into images: screen readers and translation miss it. The design tree cannot see pixels, so
 * image-filled layers whose name suggests words are flagged for the vision model (or a person) to confirm.
 */
import type { Placed } from "../design/placed.js";
import { hasImageFill } from "./names.js";
import type { OtherFinding } from "./types.js";

const WORDY = new RegExp(
  String.raw`\b(text|texts|label|title|heading|headline|caption|quote|banner|poster|wordmark|logo ` +
    "?type|logotype|lettering|typography|slogan|tagline|cta|button|sign|menu|infographic|" +
    String.raw`chart|diagram|screenshot|ad|promo|flyer|coupon)\b`,
  "i",
);

export function textInImageFindings(layers: Placed[]): OtherFinding[] {
  const out: OtherFinding[] = [];
  for (const { node, name } of layers) {
    if (!hasImageFill(node) || !WORDY.test(node.name.replace(/[_-]+/g, " "))) continue;
    out.push({
      nodeId: node.id,
      nodeName: name,
      kind: "text-in-image",
      severity: "info",
      message:
        `Image "${node.name.trim()}" may contain text as pixels (to confirm); ` +
        `live text or an alt text that repeats it keeps it readable.`,
    });
  }
  return out;
}
