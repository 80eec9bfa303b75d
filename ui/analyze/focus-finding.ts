/**
 * A finding's row clicked: the main thread selects its layer and zooms to it (plugin/canvas/focus.ts). A layer
 * deleted since the analysis gets a message that says so and what to do.
 */
import type { Finding } from "../../codegen/analyze/types.js";
import { PluginError, type MainRequests } from "../channel/requests.js";

export function focusFinding(
  requests: MainRequests,
  finding: Finding,
  notify: (text: string, tone?: "info" | "error") => void,
): void {
  requests.call("focus-node", { nodeId: finding.nodeId }).catch((error: unknown) => {
    if (error instanceof PluginError && error.code === "not-found")
      notify(
        `“${finding.nodeName}” is no longer in the file: it was deleted ` +
          `after the analysis. Analyze again to refresh the findings.`,
        "error",
      );
    else
      notify(
        `Could not select “${finding.nodeName}”: ${error instanceof Error ? error.message : String(error)}`,
        "error",
      );
  });
}
