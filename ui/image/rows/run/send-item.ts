/**
 * One item sent through the worker (as ui/image/image-request.ts sends a single image): its partial
 * image as it forms, then its version — the record holds the item's computed prompt, the model, the size and
 * the response id. Failures are classified as every model job's (ui/model/job-state.ts: failureOf) and
 * explained as the single-image panel does (401, 429, 5xx, timeouts…).
 */
import { sizeText } from "../../../../ai/image/options.js";
import type { FetchedPrice } from "../../../../contract/messages.js";
import type { Settings } from "../../../../contract/settings.js";
import { versionsFrom, type ImageVersion } from "../../versions.js";
import type { ImageRequestData } from "../../../engine/protocol/image.js";
import { ModelFailure, type Engine } from "../../../engine/engine.js";

export interface ItemSend {
  worker: Engine;
  settings: Settings;
  apiKey: string;
  prices: Record<string, FetchedPrice> | undefined;
  reasonFirst: boolean;
  data: ImageRequestData;
  /** The computed prompt (without what the run added to carry the style): what the record says. */
  prompt: string;
  /** Unique per run and item, e.g. `b<run>-<row>`: the version's id (its number is the row). */
  versionId: string;
  onPartial(bytes: Uint8Array): void;
  signal: AbortSignal;
}

export async function sendItem(send: ItemSend): Promise<ImageVersion> {
  const { settings, data } = send;
  const startedAt = Date.now();
  const reply = await send.worker.call(
    "generate-image",
    {
      settings,
      reasonFirst: send.reasonFirst,
      apiKey: send.apiKey,
      request: data,
      timeoutMs: settings.timeoutSec * 1000,
      ...(send.prices ? { prices: send.prices } : {}),
    },
    {
      onEvent: (event) => {
        if (event.type === "image-partial") send.onPartial(event.bytes);
      },
      signal: send.signal,
    },
  );
  const run = {
    prompt: send.prompt,
    quality: data.quality,
    size: sizeText(data.size),
    provider: settings.provider,
    references: data.references.length,
    startedAt,
    finishedAt: Date.now(),
  };
  const [version] = versionsFrom(reply, run, []);
  if (!version) throw new ModelFailure("The reply held no image.", { kind: "bad-output" });
  const n = Number(/-(\d+)$/.exec(send.versionId)?.[1] ?? version.n);
  return { ...version, id: send.versionId, n };
}
