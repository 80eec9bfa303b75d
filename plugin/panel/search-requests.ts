/**
 * The panel's Search requests: the stored index (at once), a scan of every page (a cancellable job, progress
 * as `export-progress`), the model's vectors and captions to keep, and a frame's picture. Refusals are
 * PluginErrors, sent as `error` on the request by the session.
 */
import { exportFrameImage } from "../search/frame-image.js";
import { scanFrames } from "../search/scan.js";
import { loadSearchIndex, previousDocs, saveSearchExtras, storeScan } from "../storage/search-store.js";
import type { SomeHandlers } from "./handler.js";
import { runJob } from "./job-host.js";
import { post } from "./post.js";

export const searchHandlers = {
  "load-search-index": async () => ({ index: await loadSearchIndex() }),
  "scan-frames": ({ requestId }, session) =>
    runJob(session, requestId, async (job) => {
      const { docs, skipped } = await scanFrames({
        job,
        previous: await previousDocs(),
        onProgress: (done, total, label) => {
          if (!session.closed()) post("export-progress", { requestId, done, total, label });
        },
      });
      const { index, changes, notStored } = await storeScan(docs);
      return { index, changes, ...(skipped.length > 0 ? { skipped } : {}), ...(notStored ? { notStored } : {}) };
    }),
  "save-search-extras": async ({ vectors, captions }) => {
    await saveSearchExtras(vectors, captions);
    return {};
  },
  "export-frame-image": async ({ nodeId, maxSide }) => ({ nodeId, ...(await exportFrameImage(nodeId, maxSide)) }),
} satisfies SomeHandlers;
