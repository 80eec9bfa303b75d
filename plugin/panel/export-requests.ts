/**
 * The panel's `export-selection`: the selection's REST JSON, pictures and assets, and (when code is made from it)
 * its design tokens, as a cancellable job with progress. Refusals are PluginErrors, sent by the session.
 */
import type { MainMessage } from "../../contract/messages.js";
import { PluginError } from "../errors.js";
import { exportNodes } from "../export/export.js";
import { exportTokens } from "../export/variables.js";
import { loadSettings } from "../storage/settings-store.js";
import { runJob, type JobHost } from "./job-host.js";
import { post } from "./post.js";
import { markForRelaunch } from "./relaunch.js";

export async function answerExport({ requestId, png, assets }: Extract<MainMessage, { type: "export-selection" }>, host: JobHost): Promise<void> {
  await runJob(host, requestId, async (job) => {
    // A snapshot: the selection may change while we export.
    const nodes = [...figma.currentPage.selection];
    const settings = await loadSettings();
    const { frames, extras, problems } = await exportNodes(nodes, settings, {
      job,
      png: png !== false,
      assets: assets !== false,
      onProgress: (done, total, label) => {
        if (!host.closed()) post("export-progress", { requestId, done, total, label });
      },
    });
    if (host.closed()) return;
    // The design tokens only where code is made from the export (a reference picture needs none).
    const tokens = assets !== false ? await exportTokens(nodes, job) : {};
    if (job.cancelled) throw new PluginError("cancelled", "Export cancelled.");
    if (host.closed()) return;
    const all = { ...extras, ...tokens };
    post("export-result", { requestId, frames, ...(Object.keys(all).length > 0 ? { extras: all } : {}), ...(problems.length > 0 ? { problems } : {}) });
    markForRelaunch(nodes);
  }, "An export");
}
