/**
 * The Angular project's root component, which the starter project and the Angular preview both bootstrap (as
 * svelte/app.ts is Svelte's): the router's outlet, the same for every design, so the emitter does not write it.
 */
import type { SourceFile } from "../../types.js";

export const ANGULAR_APP_PATH = "src/app/app.ts";

/** The module that configures the router's view transitions (prototype.ts), when the design has some. */
export const ANGULAR_TRANSITIONS_PATH = "src/app/transitions.ts";

export const ANGULAR_APP_TS = `import { Component } from "@angular/core";
import { RouterOutlet } from "@angular/router";

@Component({
  selector: "app-root",
  imports: [RouterOutlet],
  template: "<router-outlet />",
})
export class App {}
`;

/** The files with src/app/app.ts added (a model's answer may bring its own). */
export function withAngularApp(files: readonly SourceFile[]): SourceFile[] {
  if (files.some((f) => f.path === ANGULAR_APP_PATH)) return [...files];
  return [...files, { path: ANGULAR_APP_PATH, content: ANGULAR_APP_TS }];
}
