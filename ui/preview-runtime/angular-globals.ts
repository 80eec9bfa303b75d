/**
 * Angular's runtime for the Angular preview (codegen/preview/angular-preview.ts), bundled from the Angular packages
 * into dist/angular-runtime.js (esbuild.config.mjs) as Svelte's is: the modules the components ngtsc compiled import,
 * which the preview runtime (runtime.ts) takes as built-ins. The packages' partial declarations are linked by Angular's
 * linker when bundled (esbuild.config.mjs), so no compiler runs in the page. Production mode (`ngDevMode` false).
 */
import * as common from "@angular/common";
import * as commonTesting from "@angular/common/testing";
import * as core from "@angular/core";
import * as platformBrowser from "@angular/platform-browser";
import * as router from "@angular/router";

(globalThis as unknown as { ngDevMode: boolean }).ngDevMode = false;
(globalThis as unknown as { FigmentAngular: Record<string, object> }).FigmentAngular = {
  "@angular/core": core,
  "@angular/common": common,
  "@angular/common/testing": commonTesting,
  "@angular/platform-browser": platformBrowser,
  "@angular/router": router,
};
