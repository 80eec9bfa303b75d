/**
 * Resolves one macrotask later, when every promise callback queued by then (and each one those queued) has run: what a
 * test awaits after driving code whose fakes answer with promises and no timers, before it reads the state.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
