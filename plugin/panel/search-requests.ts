/**
 * The panel's Search requests: the stored index (at once), a scan of every page (a cancellable job, progress
 * as `export-progress`), the model's vectors and captions to keep, and a frame's picture. Refusals are
 * PluginErrors, sent as `error` on the request by the session.
 */
import type { MainMessage } from "../../contract/messages.js";
import { exportFrameImage } from "../search/frame-image.js";
import { scanFrames } from "../search/scan.js";
import { loadSearchIndex, previousDocs, saveSearchExtras, storeScan } from "../storage/search-store.js";
import { runJob, type JobHost } from "./job-host.js";
import { post } from "./post.js";

export type SearchRequest = Extract<MainMessage, { type: "load-search-index" | "scan-frames" | "save-search-extras" | "export-frame-image" }>;

async function scan(requestId: string, host: JobHost): Promise<void> {
  await runJob(host, requestId, async (job) => {
    const { docs, skipped } = await scanFrames({
      job,
      previous: await previousDocs(),
      onProgress: (done, total, label) => {
        if (!host.closed()) post("export-progress", { requestId, done, total, label });
      },
    });
    const { index, changes, notStored } = await storeScan(docs);
    if (host.closed()) return;
    post("search-index", { requestId, index, changes, ...(skipped.length > 0 ? { skipped } : {}), ...(notStored ? { notStored } : {}) });
  });
}

export async function answerSearch(message: SearchRequest, host: JobHost): Promise<void> {
  const { requestId } = message;
  switch (message.type) {
    case "load-search-index":
      return post("search-index", { requestId, index: await loadSearchIndex() });
    case "scan-frames":
      return scan(requestId, host);
    case "save-search-extras":
      await saveSearchExtras(message.vectors, message.captions);
      return post("done", { requestId });
    case "export-frame-image": {
      const image = await exportFrameImage(message.nodeId, message.maxSide);
      return post("frame-image", { requestId, nodeId: message.nodeId, ...image });
    }
    default:
      message satisfies never;
  }
}
