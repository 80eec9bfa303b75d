/**
 * The panel's component mapping requests: the stored mapping (plugin/storage/components-store.ts), which load and
 * save answer as stored now, and an instance's main component for the mapping form (plugin/export/main-component.ts).
 */
import type { MainMessage } from "../../contract/messages.js";
import { readMainComponent } from "../export/main-component.js";
import { loadComponents, saveComponents } from "../storage/components-store.js";
import { post } from "./post.js";

export type ComponentsRequest = Extract<MainMessage, { type: "load-components" | "save-components" | "read-main-component" }>;

export async function answerComponents(message: ComponentsRequest): Promise<void> {
  if (message.type === "read-main-component") return post("main-component", { requestId: message.requestId, component: await readMainComponent(message.nodeId) });
  if (message.type === "load-components") return post("components", { requestId: message.requestId, stored: loadComponents() });
  post("components", { requestId: message.requestId, ...saveComponents(message.map, message.base) });
}
