/**
 * The local server the Image panel draws on, as the worker's `sd-*` requests name it: SD's URL with the
 * credentials saved for that URL only, or ComfyUI's URL (ComfyUI has no credentials of its own).
 */
import type { Settings } from "../../contract/settings.js";
import type { ImageSource } from "../../contract/words.js";
import type { SdConnectionData } from "../engine/protocol/sd.js";
import type { ApiKeyVault } from "../model/api-key.js";

/**
 * Whether the panel draws on a server the user runs (SD.Next, AUTOMATIC1111 or ComfyUI): free, with its controls.
 * Here, not in contract/words.ts: only the Image panel's part asks, and a words export its part used would keep all
 * of words.ts in ui.html (a shared module is kept whole).
 */
export const isLocalSource = (source: ImageSource): boolean => source !== "hosted";

export function sdConnection(
  settings: Pick<Settings, "imageSource" | "sdBaseUrl">,
  vault: Pick<ApiKeyVault, "revealForServer">,
): SdConnectionData {
  if (settings.imageSource === "comfyui") return { baseUrl: settings.sdBaseUrl, comfy: true };
  const auth = vault.revealForServer(settings.sdBaseUrl);
  return { baseUrl: settings.sdBaseUrl, ...(auth ? { auth } : {}) };
}
