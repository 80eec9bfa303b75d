/**
 * Runs async tasks one at a time, and of those waiting only the newest: a task superseded before its turn never
 * runs. The code job sends its worker requests through one, so a job that replaces another (a new selection
 * with "Update as I select") waits for the running request instead of terminating the warm worker, and a burst
 * of changes costs at most one extra generation.
 */

/** What a task that never ran resolves to. */
export const SKIPPED: unique symbol = Symbol("skipped");

export class LatestOnly {
  /** Settles when the running task (and those queued behind it) have; undefined when idle. */
  private running: Promise<void> | undefined;
  private newest = 0;

  /** Runs `task` now when idle, else once the running one has settled; resolves to SKIPPED if a newer task came meanwhile. */
  run<T>(task: () => Promise<T>): Promise<T | typeof SKIPPED> {
    const ticket = ++this.newest;
    const start = async (): Promise<T | typeof SKIPPED> => (ticket === this.newest ? task() : SKIPPED);
    const result = this.running !== undefined ? this.running.then(start) : start();
    const settled: Promise<void> = result.then(
      () => this.idleAfter(settled),
      () => this.idleAfter(settled),
    );
    this.running = settled;
    return result;
  }

  private idleAfter(settled: Promise<void>): void {
    if (this.running === settled) this.running = undefined;
  }
}
