/**
 * The preview of a model turn. HTML answers preview as they are. React answers are shown through the HTML
 * rendering of the same design until the scripted React preview is available.
 */
import { useEffect, useState } from "preact/hooks";
import type { AiSession } from "./ai-job.js";
import type { PreviewState } from "./code-job.js";
import type { WorkerHost } from "./worker-host.js";

export function useAiPreview(worker: WorkerHost, session: AiSession | undefined): PreviewState | undefined {
  const turn = session?.turns[session.selected];
  const [preview, setPreview] = useState<PreviewState | undefined>(undefined);
  useEffect(() => {
    if (!session || !turn) return setPreview(undefined);
    if (session.options.target === "html") return setPreview({ status: "ready", files: turn.files, converted: false });
    let live = true;
    setPreview({ status: "loading" });
    worker
      .generate(session.exports, { target: "html", styling: "css-modules", nodeIds: false })
      .then((r) => live && setPreview({ status: "ready", files: r.result.files, converted: true }))
      .catch((error: unknown) => live && setPreview({ status: "failed", message: error instanceof Error ? error.message : String(error) }));
    return () => {
      live = false;
    };
  }, [worker, session?.options.target, session?.exports, turn]);
  return preview;
}
