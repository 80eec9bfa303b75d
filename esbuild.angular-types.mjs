// The declarations ngtsc reads in the code-angular part (ui/engine/code-parts/angular.entry.ts), which compiles the
// Angular preview in the engine worker where there is no node_modules: what TypeScript reads of the Angular packages'
// types (and rxjs's, which they import) for components importing them, and TypeScript's own libraries for ES2022 and
// the DOM (the CLI's compile, cli/measure/angular-compile.ts, uses the same options), comments stripped.
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { declarationsFor } from "./esbuild.react-native-types.mjs";

/** The modules the emitted components and the preview's main import (codegen/preview/angular-preview.ts). */
const PROBE = ["core", "common", "common/testing", "platform-browser", "router"]
  .map((m) => `import "@angular/${m}";`)
  .join(" ");

/** `[{ path: "@angular/core/index.d.ts", content }, { path: "typescript/lib/lib.es5.d.ts", … }, …]`. */
export function angularTypes() {
  const options = {
    strict: true,
    noEmit: true,
    module: ts.ModuleKind.ES2022,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
    types: [],
    skipLibCheck: true,
  };
  const out = declarationsFor("figment-angular-types-probe.ts", PROBE, options, true);
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

// `node esbuild.angular-types.mjs`: what the set weighs.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { gzipSync } = await import("node:zlib");
  const files = angularTypes();
  const text = JSON.stringify(files);
  console.log(`${files.length} files, ${text.length} B, ${gzipSync(text, { level: 9 }).length} B gzipped`);
  console.log(files.map((f) => f.path).join("\n"));
}
