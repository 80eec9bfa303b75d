/**
 * One image request in the worker, after Send: partial images go straight to the painter, text and usage into
 * the state, and the images become versions when the reply comes. Cancel stops it at once and keeps nothing
 * half-done; failures become something the panel can explain.
 */
import { useCallback, useRef } from "preact/hooks";
import { sizeText } from "../../ai/image/options.js";
import type { FetchedPrice } from "../../contract/messages.js";
import type { Settings } from "../../contract/settings.js";
import type { ApiKeyVault } from "../settings/api-key.js";
import type { ImageRequestData } from "../engine/protocol/image.js";
import { CodegenError, ModelFailure, WorkerCancelledError, type Engine } from "../engine/engine.js";
import { applyImageEvent, streaming, type Destination, type ImageState, type Streaming } from "./image-state.js";
import type { PartialPainter } from "./painter.js";
import type { ImageVersions } from "./use-versions.js";
import { versionsFrom, type ImageVersion } from "./versions.js";

/** A request ready to send: its data, where it goes, and what the versions will say about it. */
export interface PendingImage {
  data: ImageRequestData;
  reasonFirst: boolean;
  to: Destination;
  prompt: string;
  /** The version this builds on. */
  refining: { n: number; id: string } | undefined;
}

export interface ImageRunDeps {
  worker: Engine;
  vault: ApiKeyVault;
  settings: () => Settings;
  prices: () => Record<string, FetchedPrice> | undefined;
  painter: PartialPainter;
  versions: ImageVersions;
  setState(state: ImageState): void;
  /** Bumped by every new request and cancel: a run whose token is stale drops what it gets. */
  token: { current: number };
  /** Called with the versions a request made (previews, the store). */
  onVersions(versions: ImageVersion[]): void;
}

export function useImageRun({ worker, vault, settings, prices, painter, versions, setState, token, onVersions }: ImageRunDeps) {
  const abortRef = useRef<AbortController | undefined>(undefined);
  const listRef = useRef(versions.list);
  listRef.current = versions.list;

  const run = useCallback(
    async (pending: PendingImage) => {
      const mine = ++token.current;
      const current = () => mine === token.current;
      const chosen = settings();
      // Only the key saved for this endpoint, never another host's; it goes to the worker and nowhere else.
      const apiKey = vault.revealFor(chosen);
      if (!apiKey) return setState({ phase: "failed", failure: { kind: "model", message: `No API key for ${chosen.provider}.`, model: { kind: "missing-key" }, at: Date.now() } });
      const controller = new AbortController();
      abortRef.current = controller;
      painter.reset();
      const startedAt = Date.now();
      let state: Streaming = streaming(pending.to, pending.prompt, pending.data.count, pending.data.size === "auto" ? 1 : pending.data.size.width / pending.data.size.height, pending.refining?.n, startedAt);
      setState(state);
      try {
        const fetched = prices();
        const reply = await worker.call(
          "generate-image",
          { settings: chosen, reasonFirst: pending.reasonFirst, apiKey, request: pending.data, timeoutMs: chosen.timeoutSec * 1000, ...(fetched ? { prices: fetched } : {}) },
          {
            onEvent: (event) => {
              if (!current()) return;
              if (event.type === "image-partial") painter.paint(event.image, event.index, event.bytes, event.at);
              state = applyImageEvent(state, event);
              setState(state);
            },
            signal: controller.signal,
          },
        );
        if (!current()) return;
        const run = { prompt: pending.prompt, ...(pending.refining ? { parent: pending.refining } : {}), quality: pending.data.quality, size: sizeText(pending.data.size), provider: chosen.provider, references: pending.data.references.length, startedAt, finishedAt: Date.now() };
        const made = versionsFrom(reply, run, listRef.current);
        versions.add(made);
        onVersions(made);
        painter.reset();
        setState({ phase: "idle" });
      } catch (error) {
        if (!current()) return;
        painter.reset();
        if ((error instanceof ModelFailure && error.model.kind === "aborted") || error instanceof WorkerCancelledError) setState({ phase: "cancelled" });
        else if (error instanceof CodegenError && error.bad) setState({ phase: "failed", failure: { kind: "check", message: error.message } });
        else if (error instanceof ModelFailure) setState({ phase: "failed", failure: { kind: "model", message: error.message, model: error.model, at: Date.now() } });
        else setState({ phase: "failed", failure: { kind: "worker", message: error instanceof Error ? error.message : String(error) } });
      } finally {
        if (abortRef.current === controller) abortRef.current = undefined;
      }
    },
    [worker, vault, settings, prices, painter, versions.add, setState, token, onVersions],
  );

  const abort = useCallback(() => {
    abortRef.current?.abort();
    abortRef.current = undefined;
    painter.reset();
  }, [painter]);

  return { run, abort };
}
