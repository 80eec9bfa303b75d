import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { stopWhenStalled } from "./stall-guard.js";

/** Runs `command` in a process group of its own under the guard: its exit code and whether the guard stopped it. */
function guarded(command: string, args: string[], stallMs: number): Promise<{ code: number | null; stalled: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "ignore"] });
    let stalled = false;
    const end = stopWhenStalled(child.pid, stallMs, () => void (stalled = true));
    child.stdout.resume();
    child.on("error", reject);
    // "close": the pipe closes only when every process holding it is gone, the shell's background sleep too.
    child.on("close", (code) => {
      end();
      resolve({ code, stalled });
    });
  });
}

// Linux's /proc tells whether a process is working; elsewhere nothing is stopped.
describe.runIf(existsSync("/proc/self/stat"))("stopWhenStalled", () => {
  it("stops a process group that uses no CPU, every process in it", async () => {
    expect(await guarded("sh", ["-c", "sleep 600 & sleep 600; wait"], 1_000)).toEqual({ code: null, stalled: true });
  });

  // No clock of the test's own: on a loaded machine its CPU time takes what the machine leaves (16 s beside a bench).
  it("leaves a process that works, however long it takes", { timeout: 0 }, async () => {
    // 1.5 s of CPU, more than the stall's bound: it ends by itself.
    const busy = "const t = process.cpuUsage(); while (process.cpuUsage(t).user < 1.5e6);";
    expect(await guarded(process.execPath, ["-e", busy], 1_000)).toEqual({ code: 0, stalled: false });
  });
});
