/**
 * A run's starting picture on a local SD server (img2img from the selection, as "Use selection as reference"
 * or a strength sweep asks): the selected layer exported as PNG when the run starts, once for every item. A
 * layer that gives no picture is said in the designer's words; a new start or Cancel aborts the export.
 */
import type { MainRequests } from "../../../channel/requests.js";
import { failureOf, type ModelJobFailure } from "../../../model/job-state.js";
import type { RowsPlan } from "../plan.js";
import { FigmentError } from "../../../../kernel/errors.js";

export async function exportInitImage(
  requests: MainRequests,
  from: NonNullable<RowsPlan["sdInit"]>,
  signal: AbortSignal,
): Promise<Uint8Array> {
  const { frames } = await requests.call("export-selection", { png: true, assets: false }, { signal });
  signal.throwIfAborted();
  const frame = frames.find((f) => f.id === from.nodeId && f.png) ?? frames.find((f) => f.png);
  if (!frame?.png)
    throw new FigmentError(
      "input",
      `“${from.name}” gave no picture to start from: select it again, or untick ` +
        `“Use selection as reference” and sweep something other than strength.`,
    );
  return frame.png;
}

/** One export at a time: `start` does nothing while one runs; an aborted export calls neither callback. */
export class InitExport {
  private running: AbortController | undefined;

  constructor(private readonly requests: MainRequests) {}

  start(
    from: NonNullable<RowsPlan["sdInit"]>,
    done: (png: Uint8Array) => void,
    failed: (failure: ModelJobFailure) => void,
  ): void {
    if (this.running) return;
    const controller = (this.running = new AbortController());
    exportInitImage(this.requests, from, controller.signal).then(
      (png) => this.settle(controller) && done(png),
      (error: unknown) => {
        const failure = failureOf(error);
        if (this.settle(controller) && failure !== "cancelled") failed(failure);
      },
    );
  }

  abort(): void {
    this.running?.abort();
    this.running = undefined;
  }

  /** Whether `controller`'s export is still the one wanted (then it is over). */
  private settle(controller: AbortController): boolean {
    if (this.running !== controller) return false;
    this.running = undefined;
    return true;
  }
}
