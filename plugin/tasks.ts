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
