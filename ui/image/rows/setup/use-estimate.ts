/**
 * The run's estimate, before anything is sent: the worker estimates one row's request exactly as the
 * single-image panel does (ai/image/estimate: prompt and reference tokens, the image tokens for the size and
 * quality, the prices) and the panel multiplies by the number of rows; on OpenAI, the Batch API's price
 * beside it (batchCost: half). Recomputed a moment after the plan stops changing; no key needed.
 */
import { useEffect, useState } from "preact/hooks";
import type { ImageEstimate } from "../../../../ai/image/estimate.js";
import { batchCost } from "../../../../ai/client/prices.js";
import type { FetchedPrice } from "../../../../contract/messages.js";
import type { Settings } from "../../../../contract/settings.js";
import type { Engine } from "../../../engine/engine.js";
import type { RowsPlan } from "../plan.js";

export interface RowsEstimate {
  images: number;
  /** One row's estimate (the first row's request). */
  perImage: ImageEstimate;
  /** USD for every row; undefined when a price is unknown. */
  costUsd: number | undefined;
  /** USD on OpenAI's Batch API (half); undefined off OpenAI or when the price is unknown. */
  batchUsd: number | undefined;
}

/** Waits this long after the last change before asking the worker. */
const SETTLE_MS = 400;

export function rowsEstimate(perImage: ImageEstimate, images: number, openai: boolean): RowsEstimate {
  const costUsd = perImage.costUsd === undefined ? undefined : perImage.costUsd * images;
  return { images, perImage, costUsd, batchUsd: openai ? batchCost(costUsd) : undefined };
}

export function useRowsEstimate(
  worker: Engine,
  settings: Settings,
  prices: Record<string, FetchedPrice> | undefined,
  plan: RowsPlan | undefined,
): RowsEstimate | undefined {
  const [estimate, setEstimate] = useState<RowsEstimate | undefined>(undefined);
  const first = plan?.items[0];
  useEffect(() => {
    if (!plan || !first) return setEstimate(undefined);
    let live = true;
    const timer = setTimeout(() => {
      const references = plan.style.references.map((r) => ({
        bytes: r.bytes,
        name: `${r.name.slice(0, 80) || "reference"}.png`,
      }));
      const request = {
        prompt: first.prompt,
        size: plan.size,
        quality: plan.quality,
        count: 1,
        partials: 0,
        references,
      };
      worker
        .call("image-prepare", { settings, reasonFirst: plan.reasonFirst, request, ...(prices ? { prices } : {}) })
        .then(
          (reply) =>
            live &&
            setEstimate(
              reply.estimate
                ? rowsEstimate(reply.estimate, plan.items.length, settings.provider === "openai")
                : undefined,
            ),
        )
        .catch(() => live && setEstimate(undefined));
    }, SETTLE_MS);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [
    worker,
    settings,
    prices,
    plan?.items.length,
    first?.prompt,
    JSON.stringify(plan?.size),
    plan?.quality,
    plan?.reasonFirst,
    plan?.style.references,
  ]);
  return estimate;
}
