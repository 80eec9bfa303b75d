/**
 * Where a panel part, once its script has run, leaves its keeper component for the app: the part imports
 * `definePart` from the shell (esbuild.panel-parts.mjs hands it the shell's own module, so there is one
 * registry and one preact), and the app reads it with `definedPart`.
 */
import type { ComponentType } from "preact";
import type { PanelPart } from "../../contract/messages.js";
import type { PartPropsMap } from "./part-props.js";

type PartComponents = { [K in PanelPart]: ComponentType<PartPropsMap[K]> };

const defined: Partial<PartComponents> = {};

export function definePart<K extends PanelPart>(name: K, component: PartComponents[K]): void {
  defined[name] = component;
}

export function definedPart<K extends PanelPart>(name: K): PartComponents[K] | undefined {
  return defined[name];
}
