/**
 * "Insert as layers" (issue 51): the page the panel read into a layer description (in its sandboxed iframe, checked on
 * arrival) built on the canvas beside the frame the code came from, as a cancellable job: progress as
 * `export-progress`, one undo step, and a cancel removes what was built (a cancelled insertion leaves the canvas as
 * it was, as cancelling any import in Figma does). Refusals are PluginErrors, sent as `error` on the request.
 */
import { buildLayers } from "../canvas/build-layers.js";
import type { SomeHandlers } from "./handler.js";
import { runJob } from "./job-host.js";
import { post } from "./post.js";

/** How often progress is posted at most, ms: a 10,000-layer page would otherwise post 10,000 messages. */
const PROGRESS_EVERY_MS = 100;

/** The layer to go beside: `besideId` while it is still on a page, else (deleted meanwhile) the selection. */
async function besideLayer(id: string | undefined): Promise<SceneNode | undefined> {
  if (id === undefined) return undefined;
  const found = await figma.getNodeByIdAsync(id);
  return found && !found.removed && found.type !== "PAGE" && found.type !== "DOCUMENT"
    ? (found as SceneNode)
    : undefined;
}

export const layersHandlers = {
  "insert-layers": ({ requestId, layers, besideId }, session) =>
    runJob(
      session,
      requestId,
      async (job) => {
        const beside = await besideLayer(besideId);
        let posted = 0;
        const built = await buildLayers(layers, {
          ...(beside ? { beside } : {}),
          cancelled: () => job.cancelled,
          discardOnCancel: true,
          onProgress: (done, total) => {
            const now = Date.now();
            if (session.closed() || (done < total && now - posted < PROGRESS_EVERY_MS)) return;
            posted = now;
            post("export-progress", { requestId, done, total, label: layers.name });
          },
        });
        return {
          ...(built.rootId !== undefined ? { rootId: built.rootId } : {}),
          built: built.built,
          total: built.total,
          cancelled: built.cancelled,
          notes: built.notes.map((n) => n.slice(0, 2000)).slice(0, 10_000),
        };
      },
      "An insertion of layers",
    ),
} satisfies SomeHandlers;
