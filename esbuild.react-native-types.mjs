// The declarations the model path's React Native check type-checks against (codegen/project/react-native.ts), carried
// by the code-check part: what TypeScript reads of react-native's, react-native-svg's and React's types for a
// screen importing them (as the CLI's tsc test resolves them: codegen/emit/react-native/tsc.test.ts), comments
// stripped (csstype's are most of its megabyte), each package's package.json reduced to what resolution reads.
import { readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";

/** expo-router is not installed: its `Link` as its types declare it, as the CLI's tsc test declares it. */
const EXPO_ROUTER = `declare module "expo-router" {
  import type { ReactNode } from "react";
  export function Link(props: { href: string; asChild?: boolean; children?: ReactNode }): ReactNode;
}
`;

/** Nor is @react-native-masked-view/masked-view (a mask's picture): its MaskedView as its types declare it. */
const MASKED_VIEW = `declare module "@react-native-masked-view/masked-view" {
  import type { Component, ReactElement } from "react";
  import type { ViewProps } from "react-native";
  export default class MaskedView extends Component<ViewProps & { maskElement: ReactElement }> {}
}
`;

const PROBE = `import "react-native"; import "react-native-svg"; import "react/jsx-runtime";`;

/** A declaration file without its comments, its triple-slash directives kept. */
export function stripped(file) {
  const refs = [
    ...file.referencedFiles.map((r) => `/// <reference path="${r.fileName}" />`),
    ...file.typeReferenceDirectives.map((r) => `/// <reference types="${r.fileName}" />`),
  ];
  const printed = ts.createPrinter({ removeComments: true }).printFile(file);
  return [...refs, printed].join("\n");
}

/**
 * What TypeScript reads for a file holding `probeText` under `options`, comments stripped: `[{ path, content }, …]`,
 * paths under node_modules, each package's package.json reduced to what resolution reads. TypeScript's own libraries
 * are kept only when `withLibs` (a compile with no node_modules of its own needs them: the Angular part's).
 */
export function declarationsFor(probeName, probeText, options, withLibs) {
  const root = process.cwd();
  const probe = join(root, probeName);
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.fileExists = (f) => f === probe || fileExists.call(host, f);
  host.readFile = (f) => (f === probe ? probeText : readFile.call(host, f));
  host.getSourceFile = (f, language, ...rest) =>
    f === probe ? ts.createSourceFile(f, probeText, language) : getSourceFile.call(host, f, language, ...rest);
  const program = ts.createProgram([probe], options, host);
  const modules = join(root, "node_modules");
  const out = [];
  const packages = new Set();
  for (const file of program.getSourceFiles()) {
    const path = relative(modules, file.fileName).split(sep).join("/");
    const isLib = path.startsWith("typescript/");
    if (path.startsWith("..") || (isLib && !withLibs)) continue;
    out.push({ path, content: stripped(file) });
    const parts = path.split("/");
    if (!isLib) packages.add(parts.slice(0, parts[0].startsWith("@") ? 2 : 1).join("/"));
  }
  for (const name of packages) {
    const { types, typings, exports } = JSON.parse(readFileSync(join(modules, name, "package.json"), "utf8"));
    out.push({ path: `${name}/package.json`, content: JSON.stringify({ name, types, typings, exports }) });
  }
  return out;
}

/** `[{ path: "react-native/types/index.d.ts", content }, …]`: paths under node_modules. */
export function reactNativeTypes() {
  const options = {
    strict: true,
    noEmit: true,
    jsx: ts.JsxEmit.ReactJSX,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
    types: ["react-native"],
    skipLibCheck: true,
  };
  const out = declarationsFor("figment-rn-types-probe.tsx", PROBE, options, false);
  out.push({ path: "expo-router/index.d.ts", content: EXPO_ROUTER });
  out.push({ path: "@react-native-masked-view/masked-view/index.d.ts", content: MASKED_VIEW });
  return out.sort((a, b) => a.path.localeCompare(b.path));
}

// `node esbuild.react-native-types.mjs`: what the set weighs.
if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { gzipSync } = await import("node:zlib");
  const files = reactNativeTypes();
  const text = JSON.stringify(files);
  console.log(`${files.length} files, ${text.length} B, ${gzipSync(text, { level: 9 }).length} B gzipped`);
}
