/**
 * The panel's component mapping requests: the stored mapping (plugin/storage/components-store.ts), which load and
 * save answer as stored now, and an instance's main component for the mapping form (plugin/export/main-component.ts).
 */
import { readMainComponent } from "../export/main-component.js";
import { loadComponents, saveComponents } from "../storage/components-store.js";
import type { SomeHandlers } from "./handler.js";

export const componentsHandlers = {
  "read-main-component": async ({ nodeId }) => ({ component: await readMainComponent(nodeId) }),
  "load-components": async () => ({ stored: loadComponents() }),
  "save-components": async ({ map, base }) => saveComponents(map, base),
} satisfies SomeHandlers;
