/**
 * How a local server's run is stopped: Ctrl-C (the command's signal) and --timeout both abort one signal, which
 * interrupts the server (it answers with what it made); which one fired first decides the exit (130 or 1).
 */
export interface RunStop {
  signal: AbortSignal;
  /** What stopped the run, if anything did. */
  readonly by: "cancel" | "timeout" | undefined;
  /** Clears the timer and lets go of the command's signal; call once the run is over. */
  dispose(): void;
}

export function runStop(outer: AbortSignal | undefined, timeoutSec: number | undefined): RunStop {
  const stop = new AbortController();
  let by: RunStop["by"];
  const cancel = (): void => {
    by ??= "cancel";
    stop.abort();
  };
  if (outer?.aborted) cancel();
  outer?.addEventListener("abort", cancel, { once: true });
  const timer =
    timeoutSec !== undefined
      ? setTimeout(() => {
          by ??= "timeout";
          stop.abort();
        }, timeoutSec * 1000)
      : undefined;
  return {
    signal: stop.signal,
    get by() {
      return by;
    },
    dispose() {
      clearTimeout(timer);
      outer?.removeEventListener("abort", cancel);
    },
  };
}
