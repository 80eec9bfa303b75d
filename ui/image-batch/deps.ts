/** What every part of the batch mode gets from the app (kept apart from batch-session.ts so the parts' hooks import no cycle). */
import type { FetchedPrice, SelectionSummary } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import type { MainRequests } from "../channel/requests.js";
import type { ApiKeyVault } from "../settings/api-key.js";
import type { WorkerHost } from "../worker/host.js";

export interface BatchSessionDeps {
  requests: MainRequests;
  worker: WorkerHost;
  vault: ApiKeyVault;
  settings: Settings;
  selection: SelectionSummary;
  prices: Record<string, FetchedPrice> | undefined;
  report(text: string, tone: "info" | "error"): void;
}
