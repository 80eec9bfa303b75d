/**
 * The batch panel's requests to the main thread: place a result in the batch's grid, and read the
 * selection's colours for the style spec (a cancellable job: it yields on big selections). Refusals are
 * PluginErrors, which the session sends as `error` on the request.
 */
import type { MainMessage } from "../../contract/messages.js";
import { placeInGrid } from "../canvas/place-in-grid.js";
import { readBrandColours } from "../export/brand-colours.js";
import { runJob, type JobHost } from "./job-host.js";
import { post } from "./post.js";

export type BatchRequest = Extract<MainMessage, { type: "place-in-grid" | "read-brand-colours" }>;

async function brandColours(requestId: string, host: JobHost): Promise<void> {
  await runJob(host, requestId, async (job) => {
    // A snapshot: the selection may change while the walk yields.
    const colours = await readBrandColours([...figma.currentPage.selection], job);
    if (!host.closed()) post("brand-colours", { requestId, colours });
  });
}

/** `secrets`: the stored API keys, which must never reach a layer's record. */
export async function answerBatch(message: BatchRequest, secrets: readonly string[], host: JobHost): Promise<void> {
  switch (message.type) {
    case "place-in-grid": {
      const { requestId, type: _type, ...request } = message;
      return post("image-placed", { requestId, ...(await placeInGrid(request, secrets)) });
    }
    case "read-brand-colours":
      return brandColours(message.requestId, host);
    default:
      message satisfies never;
  }
}
