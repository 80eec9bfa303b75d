/**
 * The search worker: the orama index of the file's frames, off the panel's script (orama is ~23 KB gzipped of
 * a 150 KB panel budget). The main thread hands its packed script over when the Search panel first opens
 * (`get-worker-source`, part "search"). Requests run one at a time in arrival order, so a query sent after an
 * `index` sees that index; a bad request comes back as a failed reply, never as a crashed worker.
 */
import { SearchIndexKeeper } from "./index-keeper.js";
import { parseSearchRequest, SearchProtocolError, type SearchWorkerReply } from "./index-protocol.js";

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: SearchWorkerReply): void;
}
const scope = self as unknown as WorkerScope;
const keeper = new SearchIndexKeeper();
let queue: Promise<void> = Promise.resolve();

async function answer(data: unknown): Promise<SearchWorkerReply> {
  try {
    return await keeper.handle(parseSearchRequest(data));
  } catch (error) {
    const carried = typeof data === "object" && data !== null ? (data as { id?: unknown }).id : undefined;
    const id = error instanceof SearchProtocolError ? (error.id ?? "") : typeof carried === "string" ? carried : "";
    return { id, ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}

scope.onmessage = (event) => {
  queue = queue.then(async () => scope.postMessage(await answer(event.data)));
};
