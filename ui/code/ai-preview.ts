/**
 * The preview of a model turn: HTML answers as they are (no scripts); React answers run as written, by the
 * preview runtime in a sandboxed iframe (`allow-scripts` only, no network), so a refinement shows up; Vue's and
 * Svelte's compiled by their own compiler first (the worker's target preview part).
 */
import { useEffect, useState } from "preact/hooks";
import type { AiSession } from "./ai-job.js";
import type { PreviewState } from "./code-job.js";
import type { Engine } from "../engine/engine.js";

export function useAiPreview(worker: Engine, session: AiSession | undefined): PreviewState | undefined {
  const turn = session?.turns[session.selected];
  const [preview, setPreview] = useState<PreviewState | undefined>(undefined);
  useEffect(() => {
    if (!session || !turn) return setPreview(undefined);
    if (session.options.target === "html") return setPreview({ status: "ready", files: turn.files, converted: false });
    let live = true;
    setPreview({ status: "loading" });
    worker
      .call("react-preview", { files: turn.files, target: session.options.target })
      .then((r) => live && setPreview({ status: "scripted", html: r.html, problems: r.problems }))
      .catch(
        (error: unknown) =>
          live && setPreview({ status: "failed", message: error instanceof Error ? error.message : String(error) }),
      );
    return () => {
      live = false;
    };
  }, [worker, session?.options.target, turn]);
  return preview;
}
