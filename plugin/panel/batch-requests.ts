/**
 * The batch panel's requests to the main thread: place a result in the batch's grid, and read the
 * selection's colours for the style spec (a cancellable job: it yields on big selections). Refusals are
 * PluginErrors, which the session sends as `error` on the request.
 */
import { placeInGrid } from "../canvas/place-in-grid.js";
import { readBrandColours } from "../export/brand-colours.js";
import type { SomeHandlers } from "./handler.js";
import { runJob } from "./job-host.js";

export const batchHandlers = {
  // `secrets`: the stored API keys, which must never reach a layer's record.
  "place-in-grid": ({ requestId: _id, type: _type, ...request }, session) => placeInGrid(request, session.secrets()),
  "read-brand-colours": ({ requestId }, session) =>
    // A snapshot: the selection may change while the walk yields.
    runJob(session, requestId, async (job) => ({
      colours: await readBrandColours([...figma.currentPage.selection], job),
    })),
} satisfies SomeHandlers;
