/**
 * `scan-frames`: every top-level frame of every page (./top-frames.ts) read into Search documents. Pages
 * are loaded one at a time with `page.loadAsync()` (documentAccess "dynamic-page": another page's children
 * cannot be touched before), frames are read one at a time (./read-frame.ts), and Figma gets a macrotask
 * whenever a slice of work has run, so it never freezes. The scan only reads: what it found is stored by
 * the caller once it is complete, so a cancelled scan leaves the stored index as it was.
 */
import { Cancelled } from "../../kernel/cancelled.js";
import { MAX_SEARCH_FRAMES } from "../../contract/limits.js";
import type { ScanSkip, SearchFrameDoc } from "../../contract/search.js";
import { formatCount } from "../errors.js";
import { nextTask, type Job } from "../tasks.js";
import { readFrame, skipOf } from "./read-frame.js";
import { topFrames } from "./top-frames.js";
import { plural } from "../../kernel/plural.js";

export interface ScanHooks {
  job: Job;
  /** The documents of the last scan by frame id: a frame whose hash is unchanged keeps its own. */
  previous: ReadonlyMap<string, SearchFrameDoc>;
  /** `done` counts pages, in fractions while a page is read; `total` is the number of pages. */
  onProgress(done: number, total: number, label: string): void;
}

export interface ScanOutcome {
  docs: SearchFrameDoc[];
  skipped: ScanSkip[];
  /** Frames whose document was computed anew (new or changed). */
  computed: number;
}

/** Work between two yields to Figma, and between two progress messages. */
const SLICE_MS = 10;
const PROGRESS_MS = 100;

function throwIfCancelled(job: Job): void {
  if (job.cancelled) throw new Cancelled("Scan cancelled; the index stored before it is unchanged.");
}

export async function scanFrames(hooks: ScanHooks): Promise<ScanOutcome> {
  const { job } = hooks;
  const pages = figma.root.children;
  const docs: SearchFrameDoc[] = [];
  const skipped: ScanSkip[] = [];
  let computed = 0;
  let lastYield = Date.now();
  let lastProgress = 0;
  const stop = (): boolean => job.cancelled;
  for (const [p, page] of pages.entries()) {
    const where = `Reading page ${p + 1} / ${pages.length} · ${page.name}`;
    hooks.onProgress(p, pages.length, where);
    await page.loadAsync();
    throwIfCancelled(job);
    const frames = topFrames(page);
    for (const [f, found] of frames.entries()) {
      const now = Date.now();
      if (now - lastProgress >= PROGRESS_MS) {
        lastProgress = now;
        hooks.onProgress(p + f / frames.length, pages.length, `${where} — ${f} / ${frames.length} frames`);
      }
      const read =
        docs.length >= MAX_SEARCH_FRAMES
          ? skipOf(found, page, `Search indexes up to ${formatCount(MAX_SEARCH_FRAMES)} frames per file.`)
          : await readFrame(found, page, hooks.previous.get(found.frame.id), stop);
      throwIfCancelled(job);
      if ("skip" in read) {
        if (skipped.length < MAX_SEARCH_FRAMES) skipped.push(read.skip);
      } else {
        docs.push(read.doc);
        if (!read.reused) computed++;
      }
      if (Date.now() - lastYield >= SLICE_MS) {
        await nextTask();
        lastYield = Date.now();
        throwIfCancelled(job);
      }
    }
  }
  hooks.onProgress(
    pages.length,
    pages.length,
    `Read ${formatCount(docs.length)} frames on ${plural(pages.length, "page")}`,
  );
  return { docs, skipped, computed };
}
