import { describe, expect, it } from "vitest";
import type { Job } from "../tasks.js";
import { runJob, type JobHost } from "./job-host.js";

const host = (): JobHost => ({ jobs: new Map<string, Job>(), closed: () => false });

describe("runJob", () => {
  it("lists the job while it runs and drops it after, also when it throws", async () => {
    const h = host();
    let seen: Job | undefined;
    await runJob(h, "r1", async (job) => {
      seen = h.jobs.get("r1");
      expect(seen).toBe(job);
    });
    expect(seen?.requestId).toBe("r1");
    expect(h.jobs.size).toBe(0);
    await expect(runJob(h, "r2", async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    expect(h.jobs.size).toBe(0);
  });

  it("refuses a second job with an id already running, naming it", async () => {
    const h = host();
    let release!: () => void;
    const first = runJob(h, "r1", () => new Promise<void>((resolve) => (release = resolve)));
    await expect(runJob(h, "r1", async () => undefined, "An export")).rejects.toMatchObject({
      code: "bad-message",
      message: 'An export with request id "r1" is already running.',
    });
    expect(h.jobs.has("r1")).toBe(true);
    release();
    await first;
    expect(h.jobs.size).toBe(0);
  });
});
