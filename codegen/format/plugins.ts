/// <reference path="./svelte-plugin.d.ts" />
import type { Plugin } from "prettier";
import type { PluginName } from "./languages";

/** Dynamic imports, so a caller formatting only CSS never loads the TypeScript plugin. */
const LOADERS: Record<PluginName, () => Promise<Plugin>> = {
  typescript: () => import("prettier/plugins/typescript"),
  babel: () => import("prettier/plugins/babel"),
  estree: () => import("prettier/plugins/estree"),
  postcss: () => import("prettier/plugins/postcss"),
  html: () => import("prettier/plugins/html"),
  // Angular templates' expressions (bindings, `@if` conditions): the `angular` parser of the HTML plugin needs it.
  angular: () => import("prettier/plugins/angular"),
  // The plugin's standalone build: it imports prettier/standalone (the formatter's own) and svelte/compiler's parser.
  svelte: () => import("prettier-plugin-svelte/browser"),
};

/** Loaded (or loading) plugins, shared by every call: plugins are immutable once loaded. */
const cache = new Map<PluginName, Promise<Plugin>>();

function loadPlugin(name: PluginName): Promise<Plugin> {
  let loading = cache.get(name);
  if (loading === undefined) {
    loading = LOADERS[name]().catch((error: unknown) => {
      cache.delete(name); // a failed load (e.g. a worker chunk that did not arrive) may be retried
      throw error;
    });
    cache.set(name, loading);
  }
  return loading;
}

export function loadPlugins(names: readonly PluginName[]): Promise<Plugin[]> {
  return Promise.all(names.map(loadPlugin));
}

/** Names of the plugins loaded or loading so far (for tests and diagnostics). */
export function loadedPluginNames(): PluginName[] {
  return [...cache.keys()];
}
