/**
 * The search worker: the orama index of the file's frames, off the panel's script (orama is ~23 KB gzipped of
 * a 150 KB panel budget). The main thread hands its packed script over when the Search panel first opens
 * (`get-worker-source`, part "search"). Requests run one at a time in arrival order, so a query sent after an
 * `index` sees that index; a bad request comes back as a failed reply, never as a crashed worker.
 */
import { answerRequest } from "./answer.js";
import { SearchIndexKeeper } from "./index-keeper.js";
import type { SearchWorkerReply } from "./index-protocol.js";

interface WorkerScope {
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  postMessage(message: SearchWorkerReply): void;
}
const scope = self as unknown as WorkerScope;
const keeper = new SearchIndexKeeper();
let queue: Promise<void> = Promise.resolve();

scope.onmessage = (event) => {
  // answerRequest never throws; the catch keeps the queue going whatever else does (a rejected queue answers nothing
  // more).
  queue = queue
    .then(async () => scope.postMessage(await answerRequest(keeper, event.data)))
    .catch((error: unknown) => console.error("Figment search worker: could not answer", error));
};
