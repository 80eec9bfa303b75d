/** Sending to the UI: only well-formed contract messages leave the main thread. */
import { uiMessage, type ToUi } from "../../contract/messages.js";

export function post<K extends keyof ToUi>(type: K, payload: ToUi[K]): void {
  figma.ui.postMessage(uiMessage(type, payload));
}
