/**
 * The computed findings of the selection: export its structure (no PNG: the checks read the design tree),
 * then the worker computes them. Offline, no key. A newer run or the model's own export replaces them.
 */
import { useCallback, useRef, useState } from "preact/hooks";
import type { Finding } from "../../codegen/analyze/types.js";
import type { MainRequests } from "../channel/requests.js";
import type { WorkerHost } from "../worker/host.js";
import { failureOf, type FindingsState, type FrameRef } from "./analyze-state.js";

export interface FindingsJob {
  state: FindingsState;
  run(): void;
  /** Findings that came another way (the model's request computes them again for the frames it sends). */
  set(frames: FrameRef[], findings: Finding[]): void;
}

export function useFindings(requests: MainRequests, worker: WorkerHost): FindingsJob {
  const [state, setState] = useState<FindingsState>({ phase: "idle" });
  const token = useRef(0);

  const run = useCallback(() => {
    const mine = ++token.current;
    const current = () => mine === token.current;
    void worker.warmUp().catch(() => undefined);
    setState({ phase: "exporting", done: 0, total: 0, label: "Reading the selection…" });
    (async () => {
      const { frames } = await requests.request("export-selection", { png: false }, { onProgress: (m) => current() && setState({ phase: "exporting", done: m.done, total: m.total, label: m.label }) });
      if (!current()) return;
      setState({ phase: "computing" });
      const reply = await worker.analyzeFindings(frames.map((f) => ({ id: f.id, json: f.json })));
      if (current()) setState({ phase: "ready", frames: reply.frames, findings: reply.findings, at: Date.now() });
    })().catch((error: unknown) => {
      if (!current()) return;
      const failure = failureOf(error);
      setState(failure === "cancelled" ? { phase: "idle" } : { phase: "failed", failure });
    });
  }, [requests, worker]);

  const set = useCallback((frames: FrameRef[], findings: Finding[]) => {
    token.current++;
    setState({ phase: "ready", frames, findings, at: Date.now() });
  }, []);

  return { state, run, set };
}
