/**
 * The panel's `export-selection`: the selection's REST JSON, pictures and assets, and (when code is made from it)
 * its design tokens, as a cancellable job with progress; and the file's design system (`read-design-system`).
 * Refusals are PluginErrors, a cancel is `Cancelled`.
 */
import { Cancelled } from "../../kernel/cancelled.js";
import { exportNodes } from "../export/export.js";
import { exportTokens } from "../export/variables.js";
import { readFileDesignSystem } from "../export/file-design-system.js";
import { loadSettings } from "../storage/settings-store.js";
import type { SomeHandlers } from "./handler.js";
import { runJob } from "./job-host.js";
import { post } from "./post.js";
import { markForRelaunch } from "./relaunch.js";

export const exportHandlers = {
  // "Design from a prompt": the file's variables and fonts, whatever is selected.
  "read-design-system": () => readFileDesignSystem(),
  "export-selection": ({ requestId, png, assets, fullResolution }, session) =>
    runJob(
      session,
      requestId,
      async (job) => {
        // A snapshot: the selection may change while we export.
        const nodes = [...figma.currentPage.selection];
        const settings = await loadSettings();
        const { frames, extras, problems } = await exportNodes(nodes, settings, {
          job,
          png: png !== false,
          assets: assets !== false,
          ...(fullResolution ? { fullResolution } : {}),
          onProgress: (done, total, label) => {
            if (!session.closed()) post("export-progress", { requestId, done, total, label });
          },
        });
        // The design tokens only where code is made from the export (a reference picture needs none); a closed panel
        // needs nothing more.
        const tokens = assets !== false && !session.closed() ? await exportTokens(nodes, job) : {};
        if (job.cancelled) throw new Cancelled("Export cancelled.");
        if (!session.closed()) markForRelaunch(nodes);
        const all = { ...extras, ...tokens };
        return {
          frames,
          ...(Object.keys(all).length > 0 ? { extras: all } : {}),
          ...(problems.length > 0 ? { problems } : {}),
        };
      },
      "An export",
    ),
} satisfies SomeHandlers;
