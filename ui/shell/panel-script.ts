/**
 * How ui.html carries the panel's bundle: as inert text in a script of this type and id (esbuild.config.mjs writes
 * it; start-panel.ts runs it after the first paint), with performance marks around its run. Pure, so the build's
 * checks and the bench name the same element (test/manifest.test.ts holds esbuild.config.mjs to it).
 */
export const PANEL_SCRIPT_ID = "figment-panel-script";
export const PANEL_SCRIPT_TYPE = "text/x-figment-panel";
export const PANEL_SCRIPT_MARKS = { start: "figment:panel-script-start", end: "figment:panel-script-end" } as const;
