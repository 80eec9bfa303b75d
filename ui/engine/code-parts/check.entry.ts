/** The `code-check` part (see parts.ts): run by importScripts in the engine worker, it registers itself. */
import {
  checkComponentUsage,
  checkLibraryUsage,
  checkProject,
  checkReactNative,
} from "../../../codegen/project/index.js";
import { parseCodeConnectText } from "../../../codegen/components-map/code-connect.js";
import type { SourceFile } from "../../../codegen/types.js";
import { registerCheckPart } from "./parts.js";

/** The declarations a React Native answer is type-checked against (esbuild.react-native-types.mjs, ~96 KB gzipped). */
declare const __FIGMENT_REACT_NATIVE_TYPES__: SourceFile[];

registerCheckPart({
  checkProject,
  checkLibraryUsage,
  checkComponentUsage,
  checkReactNative: (files, declarations = __FIGMENT_REACT_NATIVE_TYPES__) => checkReactNative(files, declarations),
  parseCodeConnectText,
});
