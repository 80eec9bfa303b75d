/**
 * `image-prepare` in the worker: the selection's design hint (when it goes along as a reference), the
 * parameter check with each problem's field, and the estimate from the very request bodies that would be
 * sent. No SDK: the route comes from ai/image/route.ts, so the estimate costs no client start-up.
 */
import { checkImageRequest } from "../../../ai/image/check.js";
import type { ImageConfig } from "../../../ai/image/config.js";
import { estimateImageRequest } from "../../../ai/image/estimate.js";
import { loadTokenizer } from "../../../ai/estimate/estimate.js";
import { loadDesign, printHint } from "../../../codegen/index.js";
import { endpointFor } from "../../../contract/settings.js";
import { imageRoute } from "../../../ai/image/route.js";
import { toImageRequest } from "./image-request.js";
import { asNodesReply, type ReplyOf, type RequestOf } from "../protocol/index.js";

export async function prepareImage(request: RequestOf<"image-prepare">): Promise<ReplyOf<"image-prepare">> {
  const tokenizer = loadTokenizer();
  const designHint =
    request.exports && request.exports.length > 0
      ? printHint(loadDesign(asNodesReply(request.exports)).document)
      : undefined;
  const imageRequest = toImageRequest(request.request, designHint);
  const route = imageRoute(request.settings, request.reasonFirst);
  const check = checkImageRequest(route, imageRequest);
  await tokenizer;
  const config: ImageConfig = {
    ...route,
    provider: request.settings.provider,
    baseURL: endpointFor(request.settings),
    apiKey: "",
    headers: {},
  };
  const estimate =
    check.problems.length === 0
      ? estimateImageRequest(config, imageRequest, request.prices ? { prices: request.prices } : {})
      : undefined;
  return {
    problems: check.problems,
    notes: check.notes,
    ...(designHint ? { designHint } : {}),
    ...route,
    ...(estimate ? { estimate } : {}),
  };
}
