/** Cooperative scheduling on Figma's single main thread. */

/**
 * Resolves on a later macrotask. A resolved promise (microtask) would not let Figma repaint or deliver
 * messages, so long jobs await this between steps.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A job the UI can cancel by request id; the job checks `cancelled` between steps. */
export class Job {
  cancelled = false;
  constructor(readonly requestId: string) {}

  cancel(): void {
    this.cancelled = true;
  }
}

/**
 * Runs `run` on every item, at most `limit` at a time, in order of start. Between items it gives Figma a
 * macrotask once `sliceMs` have passed since the last one (Figma's async calls may resolve without ever
 * leaving the main thread to the editor). Stops starting new items once `stop()` is true; `run` reports its
 * own failures (a rejection stops the lot and is passed on).
 */
export async function forEachLimited<T>(
  items: readonly T[],
  limit: number,
  run: (item: T, index: number) => Promise<void>,
  stop: () => boolean = () => false,
  sliceMs = 10,
): Promise<void> {
  let next = 0;
  let lastYield = Date.now();
  const lane = async (): Promise<void> => {
    while (next < items.length && !stop()) {
      const index = next++;
      await run(items[index]!, index);
      if (Date.now() - lastYield >= sliceMs) {
        lastYield = Date.now();
        await nextTask();
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, lane));
}
