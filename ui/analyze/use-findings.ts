/**
 * The computed findings of the selection: export it (its structure; the PNGs too when a key means the model
 * may be asked next), then the worker computes them. Offline. A newer run or the model's own export replaces them.
 */
import { useCallback, useRef, useState } from "preact/hooks";
import type { Finding } from "../../codegen/analyze/types.js";
import type { ExportedFrame } from "../../contract/messages.js";
import type { MainRequests } from "../channel/requests.js";
import type { Engine } from "../engine/engine.js";
import { failureOf } from "../model/job-state.js";
import type { FindingsState, FrameRef } from "./analyze-state.js";
import { LatestRun } from "../lib/latest-only.js";

export interface FindingsJob {
  state: FindingsState;
  /** What the findings were computed from (with PNGs when `run` was asked for them): the model's request reuses it. */
  exported: ExportedFrame[];
  /** `png`: export the pictures too (there is a key: the model may be asked next). */
  run(png: boolean): void;
  /** Findings that came another way (the model's request computes them again for the frames it sends). */
  set(frames: FrameRef[], findings: Finding[], exported: ExportedFrame[]): void;
}

export function useFindings(requests: MainRequests, worker: Engine): FindingsJob {
  const [state, setState] = useState<FindingsState>({ phase: "idle" });
  const runs = useRef(new LatestRun()).current;
  const exported = useRef<ExportedFrame[]>([]);

  const run = useCallback(
    (png: boolean) => {
      const { current } = runs.start();
      void worker.warmUp().catch(() => undefined);
      setState({ phase: "exporting", done: 0, total: 0, label: "Reading the selection…" });
      (async () => {
        const { frames } = await requests.call(
          "export-selection",
          { png },
          {
            onEvent: (m) => current() && setState({ phase: "exporting", done: m.done, total: m.total, label: m.label }),
          },
        );
        if (!current()) return;
        setState({ phase: "computing" });
        const reply = await worker.call("analyze-findings", {
          exports: frames.map((f) => ({ id: f.id, json: f.json })),
        });
        if (!current()) return;
        exported.current = frames;
        setState({ phase: "ready", frames: reply.frames, findings: reply.findings, at: Date.now() });
      })().catch((error: unknown) => {
        if (!current()) return;
        const failure = failureOf(error);
        setState(failure === "cancelled" ? { phase: "idle" } : { phase: "failed", failure });
      });
    },
    [requests, worker],
  );

  const set = useCallback((frames: FrameRef[], findings: Finding[], from: ExportedFrame[]) => {
    runs.stop();
    exported.current = from;
    setState({ phase: "ready", frames, findings, at: Date.now() });
  }, []);

  return { state, exported: exported.current, run, set };
}
