/**
 * One item on a local SD server (as ui/image/sd-request.ts sends a single image): `sd-generate` through
 * the worker with the server's credentials for its own base URL, the server's previews as the item's partial,
 * and the image as a version with its seed and parameters (History shows them; "Same seed" redraws it).
 */
import type { Settings } from "../../../../contract/settings.js";
import type { Engine } from "../../../engine/engine.js";
import { ModelFailure } from "../../../engine/engine.js";
import type { SdRequestData } from "../../../engine/protocol/sd.js";
import type { ApiKeyVault } from "../../../model/api-key.js";
import { SD_POLL_MS, sdDestination, sdVersionsFrom } from "../../sd-request.js";
import type { ImageVersion } from "../../versions.js";
import { sdConnection } from "../../sd-connection.js";

export interface SdItemSend {
  worker: Engine;
  vault: ApiKeyVault;
  settings: Settings;
  data: SdRequestData;
  /** The computed prompt: what the record says. */
  prompt: string;
  versionId: string;
  onPartial(bytes: Uint8Array): void;
  signal: AbortSignal;
}

export async function sendSdItem(send: SdItemSend): Promise<ImageVersion> {
  const { settings, data } = send;
  const startedAt = Date.now();
  const reply = await send.worker.call(
    "sd-generate",
    { connection: sdConnection(settings, send.vault), request: data, pollMs: SD_POLL_MS },
    {
      onEvent: (event) => {
        if (event.type === "image-partial") send.onPartial(event.bytes);
      },
      signal: send.signal,
    },
  );
  const pending = { sd: data, to: sdDestination(settings), prompt: send.prompt, references: data.init ? 1 : 0 };
  const [version] = sdVersionsFrom(reply, pending, { startedAt, finishedAt: Date.now() }, []);
  if (!version) throw new ModelFailure("The server's answer held no image.", { kind: "bad-output" });
  const n = Number(/-(\d+)$/.exec(send.versionId)?.[1] ?? version.n);
  return { ...version, id: send.versionId, n };
}
