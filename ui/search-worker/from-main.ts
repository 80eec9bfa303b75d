/** The search worker for the real panel: its script comes from the main thread (`get-worker-source`, part "search"). */
import type { MainRequests } from "../channel/requests.js";
import { SearchWorkerClient } from "./client.js";

const SOURCE_TIMEOUT_MS = 30_000;

export function searchWorkerFromMain(requests: MainRequests): SearchWorkerClient {
  return new SearchWorkerClient({
    source: async () =>
      (
        await requests.call(
          "get-worker-source",
          { part: "search" },
          {
            timeoutMs: SOURCE_TIMEOUT_MS,
            timeoutMessage: "the main thread did not send the search worker in time; close and reopen the plugin",
          },
        )
      ).data,
  });
}
