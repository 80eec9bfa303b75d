/** The panel's component mapping requests (plugin/storage/components-store.ts): both answer the mapping as stored now. */
import type { MainMessage } from "../../contract/messages.js";
import { loadComponents, saveComponents } from "../storage/components-store.js";
import { post } from "./post.js";

export type ComponentsRequest = Extract<MainMessage, { type: "load-components" | "save-components" }>;

export function answerComponents(message: ComponentsRequest): void {
  const stored = message.type === "load-components" ? loadComponents() : saveComponents(message.map);
  post("components", { requestId: message.requestId, stored });
}
