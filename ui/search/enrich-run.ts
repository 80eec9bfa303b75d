/**
 * One "search by meaning" run over an index: the frames' pictures from the main thread (`export-frame-image`
 * at CAPTION_IMAGE_SIDE, 3 at a time), captions in the worker a chunk at a time, then the vectors of text +
 * caption (batched in the worker), each chunk kept with `save-search-extras` as soon as it is made. A cancel or
 * a failure keeps everything made before it (saved, and in the index it answers with); a save refused for
 * room (`storage-full`) is said once, and what was made is still used for this session. No preact, no DOM.
 */
import type { Settings } from "../../contract/settings.js";
import { CAPTION_IMAGE_SIDE } from "../../contract/limits.js";
import type { FrameCaption, FrameVector, SearchFrameDoc, SearchIndex } from "../../contract/search.js";
import { PluginError, type MainRequests } from "../channel/requests.js";
import type { Engine } from "../engine/engine.js";
import type { EventOf } from "../engine/protocol/index.js";
import { planEnrich } from "./enrich-plan.js";
import type { EnrichProgress } from "./search-ai.js";

/** Frames described per worker request (and per save): small, so a cancel loses at most a few pictures' wait. */
export const CAPTION_CHUNK = 6;
/** Pictures asked of the main thread at once (each export holds Figma for a moment). */
export const EXPORTS_IN_FLIGHT = 3;

export interface EnrichDeps {
  requests: MainRequests;
  worker: Pick<Engine, "call">;
  settings: Settings;
  apiKey: string;
}

export interface EnrichOutcome {
  index: SearchIndex;
  captioned: number;
  embedded: number;
  /** Frames whose picture Figma could not give (deleted since the scan, or failed), by name: left without a caption. */
  noPicture: string[];
  /** Why what was made could not be kept in clientStorage (used for this session only). */
  notStored?: string;
  /** Why the run stopped before its end (`Cancelled`, or a failure); what it made is kept all the same. */
  stoppedBy?: unknown;
}

async function pictures(
  requests: MainRequests,
  docs: SearchFrameDoc[],
  signal: AbortSignal,
  noPicture: string[],
): Promise<{ id: string; hash: string; png: Uint8Array }[]> {
  const out: { id: string; hash: string; png: Uint8Array }[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < docs.length) {
      const doc = docs[next++]!;
      try {
        const reply = await requests.call(
          "export-frame-image",
          { nodeId: doc.id, maxSide: CAPTION_IMAGE_SIDE },
          { signal },
        );
        out.push({ id: doc.id, hash: doc.hash, png: reply.png });
      } catch (error) {
        // A frame deleted or unreadable since the scan is left without a caption; a cancel stops the run.
        if (signal.aborted || !(error instanceof PluginError)) throw error;
        noPicture.push(doc.name);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(EXPORTS_IN_FLIGHT, docs.length) }, lane));
  return out;
}

/** Resolves with what the run made, also when a cancel or a failure stopped it (`stoppedBy`). */
export async function runEnrich(
  deps: EnrichDeps,
  start: SearchIndex,
  options: { signal: AbortSignal; onProgress(progress: EnrichProgress): void },
): Promise<EnrichOutcome> {
  const { requests, worker, settings, apiKey } = deps;
  const { signal, onProgress } = options;
  const work = planEnrich(start, settings);
  const byId = new Map(start.docs.map((d) => [d.id, d]));
  const outcome: EnrichOutcome = {
    index: { ...start, captions: { ...start.captions }, vectors: { ...start.vectors } },
    captioned: 0,
    embedded: 0,
    noPicture: [],
  };
  const model = { settings, apiKey, timeoutMs: settings.timeoutSec * 1000 };

  const keep = async (extras: {
    captions?: Record<string, FrameCaption>;
    vectors?: Record<string, FrameVector>;
  }): Promise<void> => {
    if (outcome.notStored || (!Object.keys(extras.captions ?? {}).length && !Object.keys(extras.vectors ?? {}).length))
      return;
    try {
      await requests.call("save-search-extras", extras);
    } catch (error) {
      outcome.notStored = error instanceof Error ? error.message : String(error);
    }
  };

  try {
    const total = work.captionIds.length;
    for (let at = 0; at < total; at += CAPTION_CHUNK) {
      onProgress({ done: outcome.captioned, total, label: `Describing frames ${outcome.captioned} / ${total}` });
      const docs = work.captionIds.slice(at, at + CAPTION_CHUNK).map((id) => byId.get(id)!);
      const frames = await pictures(requests, docs, signal, outcome.noPicture);
      if (frames.length === 0) continue;
      const made: Record<string, FrameCaption> = {};
      try {
        const onEvent = (event: EventOf<"search-captions">): void => {
          made[event.frameId] = event.caption;
          outcome.index.captions[event.frameId] = event.caption;
          outcome.captioned++;
          onProgress({ done: outcome.captioned, total, label: `Describing frames ${outcome.captioned} / ${total}` });
        };
        await worker.call("search-captions", { ...model, frames }, { onEvent, signal });
      } finally {
        await keep({ captions: made });
      }
    }
    const frames = work.vectorIds.map((id) => ({
      doc: byId.get(id)!,
      caption: outcome.index.captions[id]?.hash === byId.get(id)!.hash ? outcome.index.captions[id]!.text : "",
    }));
    if (frames.length > 0) {
      onProgress({ done: 0, total: frames.length, label: `Embedding ${frames.length.toLocaleString("en-US")} frames` });
      const made: Record<string, FrameVector> = {};
      try {
        const onEvent = (event: EventOf<"search-embed">): void => {
          Object.assign(made, event.vectors);
          Object.assign(outcome.index.vectors, event.vectors);
          outcome.embedded += Object.keys(event.vectors).length;
          onProgress({
            done: outcome.embedded,
            total: frames.length,
            label: `Embedding ${frames.length.toLocaleString("en-US")} frames`,
          });
        };
        await worker.call("search-embed", { ...model, frames }, { onEvent, signal });
      } finally {
        await keep({ vectors: made });
      }
    }
  } catch (error) {
    outcome.stoppedBy = error;
  }
  return outcome;
}
