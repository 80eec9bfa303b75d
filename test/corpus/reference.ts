/**
 * What "reflows well" means for a corpus page, per width: which texts the reference shows and in what order
 * a reader meets them. For a converted site the reference is the original page at that width; for a
 * flattened real file it is the file's own auto layout (its texts in flow order, all shown).
 */
import { readingOrder, type TextSample } from "../../codegen/fidelity/responsive.js";

export interface WidthReference {
  /** Ids of the texts the reference shows at this width (at least half of their sample points seen). */
  visible: string[];
  /** Ids of the texts it shows, in reading order. */
  order: string[];
  /** Character-weighted share of the text it shows (as `figment fidelity --widths` counts it). */
  textVisible: number;
}

export interface PageReference {
  source: "original page" | "auto layout";
  widths: Record<number, WidthReference>;
}

/** The reference at one width from the sampler's reply on the original page. */
export function referenceAt(reply: { samples: TextSample[] }): WidthReference {
  const visible = reply.samples.filter(
    (s) => s.rendered && s.seen >= (s.seen + s.offscreen + s.clipped + s.covered) / 2 && s.seen > 0,
  );
  return {
    visible: visible.map((s) => s.id),
    order: readingOrder(visible),
    textVisible: Math.round(seenShare(reply.samples) * 1000) / 1000,
  };
}

/** Character-weighted share of the sample points seen (a text not rendered counts as unseen). */
function seenShare(samples: readonly TextSample[]): number {
  let total = 0;
  let seen = 0;
  for (const s of samples) {
    const weight = Math.max(1, s.chars);
    const points = s.seen + s.offscreen + s.clipped + s.covered;
    total += weight;
    if (s.rendered && points > 0) seen += (weight * s.seen) / points;
  }
  return total === 0 ? 1 : seen / total;
}
