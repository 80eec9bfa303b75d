/**
 * The `code-react-native` part (see parts.ts): React, react-dom, react-native-web and react-native-svg's web build as
 * the page's runtime (dist/react-native-runtime.js, which esbuild.config.mjs defines here) and the React Native
 * preview's main (codegen/preview/react-native-preview.ts); run by importScripts in the engine worker only for React
 * Native output, it registers itself. The TSX transform and the document builder are the code-preview part's.
 */
import { reactNativePreview } from "../../../codegen/preview/react-native-preview.js";
import { registerReactNativePart } from "./parts.js";

declare const __FIGMENT_REACT_NATIVE_RUNTIME__: string;

registerReactNativePart({
  preview: async (files, runtime, measured) =>
    reactNativePreview(files, runtime, __FIGMENT_REACT_NATIVE_RUNTIME__, measured),
});
