/**
 * The "Insert as layers" part, loaded once per panel when a Code result, Paste HTML or Design from a prompt first
 * shows: it comes packed from the main thread (`get-ui-part` "layers", gzip+base64 of { js, css }), runs as a Blob
 * script and leaves its components on `globalThis` (layers-part.tsx). Until then the place stays empty; a failed load
 * says why and is forgotten, so the next showing tries again.
 */
import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { MainRequests } from "../../channel/requests.js";
import { ErrorNotice } from "../../controls/status.js";
import { decodeWorkerScript } from "../../engine/source.js";
import { addStyle } from "../../parts/load-part.js";
import { runScript } from "../../parts/run-script.js";
import type { DesignChangesProps, UpdateDownloadProps } from "../design-changes.js";
import type { PromptDesignBoxProps } from "../prompt-design-box.js";
import type { SavedNoteProps } from "../saved-note.js";
import type { ScoreViewProps } from "../score/score-view.js";
import { LAYERS_GLOBAL, type LayersModule, type PastedLayersProps, type ResultLayersProps } from "./layers-global.js";

const SOURCE_TIMEOUT_MS = 30_000;
let loading: Promise<LayersModule> | undefined;
let loaded: LayersModule | undefined;

async function load(requests: MainRequests): Promise<LayersModule> {
  const { data } = await requests.call(
    "get-ui-part",
    { part: "layers" },
    { timeoutMs: SOURCE_TIMEOUT_MS, timeoutMessage: "the main thread did not send Insert as layers in time" },
  );
  const packed: unknown = JSON.parse(await decodeWorkerScript(data));
  const { js, css } = (typeof packed === "object" && packed !== null ? packed : {}) as { js?: unknown; css?: unknown };
  if (typeof js !== "string") throw new Error("the Insert as layers part is not { js, css }");
  await runScript(js, "Insert as layers");
  // Its own styles (the design-changes note, issue 71); the bar's are the shell's.
  if (typeof css === "string") addStyle(css);
  const module = (globalThis as unknown as Partial<Record<typeof LAYERS_GLOBAL, LayersModule>>)[LAYERS_GLOBAL];
  if (!module) throw new Error("the Insert as layers script ran but left nothing to show");
  loaded = module;
  return module;
}

/** The part, if it has loaded (a send that loaded it shows its questions: clarify-flow.ts). */
export const loadedLayers = (): LayersModule | undefined => loaded;

export function loadLayers(requests: MainRequests): Promise<LayersModule> {
  loading ??= load(requests).catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

/** The part if it is in already (a split frame's send loads it; its progress and notes are the part's). */
export const layersNow = (): LayersModule | undefined => loaded;

function useLayers(requests: MainRequests): LayersModule | Error | undefined {
  const [module, setModule] = useState<LayersModule | Error | undefined>(loaded);
  useEffect(() => {
    if (loaded) return;
    let live = true;
    loadLayers(requests).then(
      (m) => live && setModule(m),
      (error: unknown) => live && setModule(error instanceof Error ? error : new Error(String(error))),
    );
    return () => {
      live = false;
    };
  }, [requests]);
  return module;
}

function LoadFailed({ error }: { error: Error }) {
  return <ErrorNotice title="This part of the panel could not load" detail={error.message} />;
}

/** A component of the part, shown once the part is in (`requests` fetches it; the component gets it too). */
function lazy<P extends object>(pick: (module: LayersModule) => ComponentType<P>) {
  return function Lazy(props: P & { requests: MainRequests }) {
    const module = useLayers(props.requests);
    if (module instanceof Error) return <LoadFailed error={module} />;
    const Shown = module ? pick(module) : undefined;
    return Shown ? <Shown {...props} /> : null;
  };
}

export const ResultLayersBar = lazy<ResultLayersProps>((m) => m.ResultLayers);
export const PastedLayersBar = lazy<PastedLayersProps>((m) => m.PastedLayers);
export const LazyPromptDesignBox = lazy<PromptDesignBoxProps>((m) => m.PromptDesignBox);
export const LazyScoreView = lazy<ScoreViewProps>((m) => m.ScoreView);
export const LazyDesignChanges = lazy<DesignChangesProps>((m) => m.DesignChanges);
export const LazyUpdateDownload = lazy<UpdateDownloadProps>((m) => m.UpdateDownload);
export const LazySavedNote = lazy<SavedNoteProps>((m) => m.SavedNote);
