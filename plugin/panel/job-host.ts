/**
 * The panel's cancellable requests (an export, a scan of every page, reading the brand colours) run as jobs the
 * session lends them: listed by request id while they run, so `cancel` finds them, and refused when an id is
 * already running.
 */
import { PluginError } from "../errors.js";
import { Job } from "../tasks.js";

/** What the session lends a job: its running jobs (for `cancel`) and whether the panel is still open. */
export interface JobHost {
  jobs: Map<string, Job>;
  closed(): boolean;
}

/**
 * Runs `work` as the job `requestId`, listed in `host.jobs` until it ends; `what` names the job in the refusal of a
 * second one with that id.
 */
export async function runJob<T>(
  host: JobHost,
  requestId: string,
  work: (job: Job) => Promise<T>,
  what = "A job",
): Promise<T> {
  if (host.jobs.has(requestId))
    throw new PluginError("bad-message", `${what} with request id "${requestId}" is already running.`);
  const job = new Job(requestId);
  host.jobs.set(requestId, job);
  try {
    return await work(job);
  } finally {
    host.jobs.delete(requestId);
  }
}
