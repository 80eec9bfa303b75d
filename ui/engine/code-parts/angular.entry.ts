/**
 * The `code-angular` part (see parts.ts): Angular's compiler (ngtsc, `@angular/compiler-cli`, with TypeScript) over
 * the declarations it reads (esbuild.angular-types.mjs) in memory (angular-compile.ts), and Angular's runtime
 * (dist/angular-runtime.js); both defined here by esbuild.config.mjs. Run by importScripts in the engine worker only
 * for Angular output, it registers itself. The document builder and Tailwind come from the code-preview part.
 */
import { angularPreview } from "../../../codegen/preview/angular-preview.js";
import { compileAngularInMemory, type Declaration } from "./angular-compile.js";
import { registerAngularPart } from "./parts.js";

declare const __FIGMENT_ANGULAR_RUNTIME__: string;
declare const __FIGMENT_ANGULAR_TYPES__: Declaration[];

registerAngularPart({
  preview: (files, runtime) =>
    angularPreview(files, runtime, {
      script: __FIGMENT_ANGULAR_RUNTIME__,
      compile: async (project) => compileAngularInMemory(project, __FIGMENT_ANGULAR_TYPES__),
    }),
});
