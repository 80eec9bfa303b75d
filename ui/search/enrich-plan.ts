/**
 * What "search by meaning" still has to make for an index: the frames without a caption for their current
 * hash and caption model, the frames without a vector for their hash, embedding model and dimensions (a frame
 * about to get a caption needs a new vector too: its text changes), and the estimate in words. Pure.
 */
import { searchEmbeddingText } from "../../ai/search/embedding-text.js";
import { searchModelsFor } from "../../ai/client/models.js";
import type { SourcedPrice } from "../../ai/client/prices.js";
import { estimateEnrich } from "../../ai/search/search-estimate.js";
import type { SearchIndex } from "../../contract/search.js";
import type { Settings } from "../../contract/settings.js";
import { approxCost } from "../model/cost.js";
import type { EnrichPlan } from "./search-ai.js";
import { pluralGrouped } from "../../kernel/plural.js";

export interface EnrichWork extends EnrichPlan {
  /** Frame ids to describe, in index order. */
  captionIds: string[];
  /** Frame ids to embed (those to describe included), in index order. */
  vectorIds: string[];
  models: { caption: string; embedding: string };
}

export function planEnrich(
  index: SearchIndex,
  settings: Settings,
  prices?: Readonly<Record<string, SourcedPrice>>,
): EnrichWork {
  const models = searchModelsFor(settings);
  const captionIds: string[] = [];
  const vectorIds: string[] = [];
  const chars: number[] = [];
  for (const doc of index.docs) {
    const caption = index.captions[doc.id];
    const vector = index.vectors[doc.id];
    const needsCaption = !(caption && caption.hash === doc.hash && caption.model === models.caption);
    const needsVector =
      needsCaption ||
      !(
        vector &&
        vector.hash === doc.hash &&
        vector.model === models.embedding &&
        vector.dimensions === settings.embeddingDimensions
      );
    if (needsCaption) captionIds.push(doc.id);
    if (needsVector) {
      vectorIds.push(doc.id);
      chars.push(searchEmbeddingText(doc, needsCaption ? undefined : caption?.text).length);
    }
  }
  const estimate = estimateEnrich({
    captions: captionIds.length,
    embeddingChars: chars,
    withNewCaption: captionIds.length,
    captionModel: models.caption,
    embeddingModel: models.embedding,
    ...(prices ? { prices } : {}),
  });
  const what = [
    captionIds.length ? pluralGrouped(captionIds.length, "caption", "captions") : "",
    vectorIds.length ? pluralGrouped(vectorIds.length, "embedding", "embeddings") : "",
  ]
    .filter(Boolean)
    .join(" and ");
  return {
    captions: captionIds.length,
    vectors: vectorIds.length,
    ...(estimate.costUsd !== undefined && what
      ? { estimate: `${approxCost(estimate.costUsd, "about")} for ${what}` }
      : {}),
    captionIds,
    vectorIds,
    models,
  };
}

/** The bar's button: "Describe and embed 80 frames", "Embed 12 frames", … */
export function enrichAction(plan: EnrichPlan): string {
  const frames = Math.max(plan.captions, plan.vectors);
  const verb = plan.captions > 0 ? "describe and embed" : "embed";
  return `${verb} ${pluralGrouped(frames, "frame", "frames")}`;
}
