/**
 * Stops a child process that has stalled, rather than one that has run long: a long step on a slow or busy machine is
 * still working, while one whose processes use no CPU at all is waiting on something that will not come. CI's time
 * for the same code doubled from one machine to another (issue 72's runs): a clock sized on one stopped working steps
 * on the other (two Angular builds at 900 s), and must be sized so loosely that a hang costs a quarter of an hour.
 */
import { TreeCpu } from "../../bench/timing.js";

/**
 * Watches `pid` and every process under it; once their CPU time has not moved for `stallMs`, kills `pid`'s process
 * group (spawn it with `detached: true`, so that ng build's workers or a bench's Chromiums go with it) and calls
 * `onStall`. Returns the function that ends the watch. Linux (/proc): elsewhere the CPU time is unknown (NaN, never
 * equal to the last) and nothing is stopped. No pid (spawn failed, its error event says why): nothing to watch.
 */
export function stopWhenStalled(pid: number | undefined, stallMs: number, onStall: () => void): () => void {
  if (pid === undefined) return () => {};
  const cpu = new TreeCpu(Math.min(1_000, stallMs / 4), pid);
  let lastMs = cpu.ms();
  let lastProgress = performance.now();
  let stalled = false;
  const watch = setInterval(
    () => {
      const ms = cpu.ms();
      if (ms !== lastMs) {
        lastMs = ms;
        lastProgress = performance.now();
        return;
      }
      if (stalled || performance.now() - lastProgress < stallMs) return;
      stalled = true;
      try {
        process.kill(-pid, "SIGKILL");
      } catch {
        // The group ended between the sample and the kill.
      }
      onStall();
    },
    Math.min(10_000, stallMs / 4),
  );
  return () => {
    clearInterval(watch);
    cpu.stop();
  };
}
