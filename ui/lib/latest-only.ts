/**
 * "Only the latest run may answer", written once. LatestRun: each start supersedes every run before it, and a run
 * asks `current()` before it shows what it made (a new selection, a new query, Cancel). LatestOnly: async tasks one
 * at a time, and of those waiting only the newest: a task superseded before its turn never runs. The code job sends
 * its worker requests through one, so a job that replaces another (a new selection with "Update as I select")
 * waits for the running request instead of terminating the warm worker, and a burst of changes costs at most one
 * extra generation.
 */

/** One run of a LatestRun: its id (a later run's is larger) and whether no run has superseded it. */
export interface Run {
  readonly id: number;
  current(): boolean;
}

export class LatestRun {
  private newest = 0;

  /** Starts a run, superseding every earlier one. */
  start(): Run {
    const id = ++this.newest;
    return { id, current: () => id === this.newest };
  }

  /** Supersedes every run without starting one (a cancel, or a result put in place by hand). */
  stop(): void {
    this.newest++;
  }
}

/** What a task that never ran resolves to. */
export const SKIPPED: unique symbol = Symbol("skipped");

export class LatestOnly {
  /** Settles when the running task (and those queued behind it) have; undefined when idle. */
  private running: Promise<void> | undefined;
  private readonly runs = new LatestRun();

  /**
   * Runs `task` now when idle, else once the running one has settled; resolves to SKIPPED if a newer task came
   * meanwhile.
   */
  run<T>(task: () => Promise<T>): Promise<T | typeof SKIPPED> {
    const { current } = this.runs.start();
    const start = async (): Promise<T | typeof SKIPPED> => (current() ? task() : SKIPPED);
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
