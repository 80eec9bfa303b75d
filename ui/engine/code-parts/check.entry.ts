/** The `code-check` part (see parts.ts): run by importScripts in the engine worker, it registers itself. */
import {
  checkComponentUsage,
  checkLibraryUsage,
  checkProject,
  checkReactNative,
} from "../../../codegen/project/index.js";
import { parseCodeConnectText } from "../../../codegen/components-map/code-connect.js";
import { registerCheckPart } from "./parts.js";

registerCheckPart({ checkProject, checkLibraryUsage, checkComponentUsage, checkReactNative, parseCodeConnectText });
